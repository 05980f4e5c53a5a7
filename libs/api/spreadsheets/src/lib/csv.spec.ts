import { csvLine } from './csv';

describe('csvLine', () => {
  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines'])).toBe('plain,"a,b","say ""hi""","two\nlines"\r\n');
  });

  it('writes objects as JSON and empty values as nothing', () => {
    expect(csvLine([{ role: ['cashier', 'manager'] }, null, undefined])).toBe('"{""role"":[""cashier"",""manager""]}",,\r\n');
  });

  it('defuses text cells a spreadsheet would run as formulas', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-2', '@cmd'])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@cmd\r\n`);
  });

  it('keeps numbers as machine values, negative ones included', () => {
    expect(csvLine([-3, 0, 1999, -0.5, true])).toBe('-3,0,1999,-0.5,true\r\n');
  });
});
