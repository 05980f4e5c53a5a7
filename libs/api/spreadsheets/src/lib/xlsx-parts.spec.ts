import { columnLetters, textCell, xmlAttribute, xmlText } from './xlsx-parts';

describe('xlsx parts', () => {
  it('escapes markup, drops what XML cannot carry and keeps a literal _xHHHH_ from being read as an escape', () => {
    expect(xmlText('Tea & <Biscuits>')).toBe('Tea &amp; &lt;Biscuits&gt;');
    expect(xmlText('bell\u0007 tab\t line\n')).toBe('bell tab\t line\n');
    expect(xmlText('code_x0041_')).toBe('code_x005F_x0041_');
    expect(xmlText('plain_text x0041')).toBe('plain_text x0041');
    expect(xmlAttribute('#,##0.00 "EUR"')).toBe('#,##0.00 &quot;EUR&quot;');
  });

  it('keeps spaces at either end of a text cell', () => {
    expect(textCell('A2', ' padded ')).toBe('<c r="A2" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c>');
    expect(textCell('B2', 'tight')).toBe('<c r="B2" t="inlineStr"><is><t>tight</t></is></c>');
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
