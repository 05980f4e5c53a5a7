import { neutralizeFormula } from './cell-safety';

describe('neutralizeFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\n=1', ' =1', '  \n -1', '\u00a0@x', '\u3000=1', '\tplain', '\rplain', '\nplain'])(
    'defuses %j',
    (text) => {
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(['\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20SUM(A1)', ' \uFF1D1'])('defuses the fullwidth form %j', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it.each(['Bananas', 'A=B', 'e-mail', '', ' ', '100', 'x@example.test'])('leaves %j as it is', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});
