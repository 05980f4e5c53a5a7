import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImportRows } from './read-import-rows';
import { readSpreadsheet } from './read-spreadsheet';

/** Each file of the corpus, read as the shop it was made in would import it. */
function imported(fileName: string, locale: string, currency: string) {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures', fileName)));
  return readImportRows(readSpreadsheet(bytes, { fileName }), 'products', { locale, currency });
}

const accented = [
  { row: 1, line: 2, values: { sku: 'CAF-1', name: 'Café Müller € – Tasse', priceMinor: 450 } },
  { row: 2, line: 3, values: { sku: 'CAF-2', name: 'Crème brûlée, groß', priceMinor: 320 } },
];

describe('the fixture corpus', () => {
  it('reads a comma CSV with a quoted newline, a category path and a list of barcodes', () => {
    expect(imported('comma.csv', 'en-US', 'USD')).toEqual({
      rows: [
        {
          row: 1,
          line: 2,
          values: { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, barcodes: ['4006381333931', '0012345678905'], active: true, category: 'Drinks > Tea' },
        },
        { row: 2, line: 3, values: { sku: 'TEA-2', name: 'Black tea, strong\nloose leaf', priceMinor: 1200, active: false } },
      ],
      problems: [],
      notes: [],
      unknownColumns: [],
    });
  });

  it('reads a German semicolon CSV with decimal commas and thousands dots', () => {
    expect(imported('semicolon-de.csv', 'de-DE', 'EUR').rows).toEqual([
      { row: 1, line: 2, values: { sku: 'TEA-1', name: 'Grüner Tee', priceMinor: 123_450, barcodes: ['4006381333931'] } },
      { row: 2, line: 3, values: { sku: 'TEA-2', name: 'Schwarzer Tee', priceMinor: 1250 } },
    ]);
  });

  it('reads a tab-separated file', () => {
    expect(imported('tabs.tsv', 'en-US', 'USD').rows).toEqual([
      { row: 1, line: 2, values: { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, costMinor: 120 } },
      { row: 2, line: 3, values: { sku: 'TEA-2', name: 'Black tea', priceMinor: 123_400 } },
    ]);
  });

  it.each(['utf8-bom.csv', 'windows-1252.csv', 'utf16le.csv', 'utf16be.csv'])('decodes %s with é ü € – intact', (fileName) => {
    expect(imported(fileName, 'en-US', 'USD')).toEqual({ rows: accented, problems: [], notes: [], unknownColumns: [] });
  });

  it('matches German headers in another order, lists the unknown column, skips blank rows and the trailing empty column', () => {
    expect(imported('german-reordered.csv', 'de-DE', 'EUR')).toEqual({
      rows: [
        { row: 1, line: 2, values: { priceMinor: 250, barcodes: ['4006381333931'], name: 'Grüner\nTee', sku: 'TEA-1', active: true } },
        { row: 2, line: 6, values: { priceMinor: 300, name: 'Schwarzer Tee', sku: 'TEA-2', active: false } },
      ],
      problems: [],
      notes: [],
      unknownColumns: ['Lieferant'],
    });
  });

  it('reads 1.234 in de-DE as one thousand two hundred and thirty-four, and says so', () => {
    const result = imported('ambiguous.csv', 'de-DE', 'EUR');
    expect(result.rows.map((row) => row.values['priceMinor'])).toEqual([123_400, 1250, 700]);
    expect(result.notes).toEqual([{ row: 1, line: 2, field: 'priceMinor', message: '1.234 read as 1234 (de-DE)' }]);
    expect(result.problems).toEqual([]);
  });

  it('refuses 1.234 in en-US (three decimals for a two-decimal currency) and 12,50 with the format to use', () => {
    const result = imported('ambiguous.csv', 'en-US', 'USD');
    expect(result.problems).toEqual([
      { row: 1, line: 2, field: 'priceMinor', message: '1.234 has more decimals than the currency (2): use 1.23' },
      { row: 2, line: 3, field: 'priceMinor', message: "12,50 is not a price in this shop's format (en-US): use 12.50" },
    ]);
    expect(result.rows[2].values['priceMinor']).toBe(700);
  });

  it("removes the export's formula guard, and only that apostrophe", () => {
    expect(imported('formula-guard.csv', 'en-US', 'USD').rows.map((row) => row.values)).toEqual([
      { sku: 'F-1', name: '=Sum of parts', priceMinor: 100 },
      { sku: 'B-2', name: "'Quoted name", priceMinor: 200 },
      { sku: 'F-3', name: '@home', priceMinor: 300 },
    ]);
  });

  it.each(['products.xlsx', 'products.xls', 'products.ods'])(
    '%s: keeps a numeric SKU as shown, restores an EAN with a leading zero, takes a formula result, refuses a numeric non-GTIN',
    (fileName) => {
      expect(imported(fileName, 'en-US', 'USD')).toEqual({
        rows: [
          { row: 1, line: 2, values: { sku: '00123', name: 'Numeric SKU', priceMinor: 250, barcodes: ['TXT-0001'], active: true } },
          { row: 2, line: 3, values: { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, barcodes: ['012345678905'], active: true } },
          { row: 3, line: 5, values: { sku: 'TEA-2', name: 'Twice', priceMinor: 300, barcodes: ['4006381333931'], active: false } },
          { row: 4, line: 6, values: { sku: 'TEA-3', name: 'Bad code', priceMinor: 100, active: false } },
        ],
        problems: [{ row: 4, line: 6, field: 'barcodes', message: 'barcode 12345678901 looks numeric — format the column as text' }],
        notes: [
          { row: 1, line: 2, field: 'sku', message: 'SKU 00123 was a number in the file; kept as shown' },
          { row: 2, line: 3, field: 'barcodes', message: 'barcode 12345678905 read as 012345678905 (leading zeros restored)' },
        ],
        unknownColumns: [],
      });
    },
  );

  it.each(['clean-products.xlsx', 'clean-products.xls', 'clean-products.ods'])('%s: the same sheet without the bad row reads without problems', (fileName) => {
    const read = imported(fileName, 'en-US', 'USD');
    expect(read.rows.map((row) => row.values)).toEqual([
      { sku: '00123', name: 'Numeric SKU', priceMinor: 250, barcodes: ['TXT-0001'], active: true },
      { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, barcodes: ['012345678905'], active: true },
      { sku: 'TEA-2', name: 'Twice', priceMinor: 300, barcodes: ['4006381333931'], active: false },
    ]);
    expect([read.problems, read.notes.length]).toEqual([[], 2]);
  });

  it('reads a German Windows-1252 semicolon CSV, noting the 1.234 it read as a thousand', () => {
    const read = imported('semicolon-windows-1252.csv', 'de-DE', 'EUR');
    expect(read.rows).toEqual([
      { row: 1, line: 2, values: { sku: 'KAF-1', name: 'Kaffee Crème – 250 g', priceMinor: 450, barcodes: ['4006381333931'] } },
      { row: 2, line: 3, values: { sku: 'KAF-2', name: 'Espressomaschine groß', priceMinor: 123_400 } },
    ]);
    expect(read.problems).toEqual([]);
    expect(read.notes).toEqual([expect.objectContaining({ row: 2, line: 3, field: 'priceMinor' })]);
  });

  it('reads an ods with German headers, restoring the leading zero of a numeric EAN', () => {
    const read = imported('german-headers.ods', 'de-DE', 'EUR');
    expect(read.rows).toEqual([
      { row: 1, line: 2, values: { sku: 'BRO-1', name: 'Roggenbrot', priceMinor: 320, barcodes: ['012345678905'], active: true } },
      { row: 2, line: 3, values: { sku: 'BRO-2', name: 'Brezel', priceMinor: 90, active: false } },
    ]);
    expect([read.problems, read.notes.map((note) => note.field)]).toEqual([[], ['barcodes']]);
  });
});
