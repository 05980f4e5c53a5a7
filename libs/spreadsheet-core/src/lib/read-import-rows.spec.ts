import { readImportRows } from './read-import-rows';
import { readSpreadsheet } from './read-spreadsheet';

const table = (csv: string) => readSpreadsheet(new TextEncoder().encode(csv), { fileName: 'rows.csv' });
const shop = { locale: 'de-DE', currency: 'EUR' };

describe('readImportRows with a remembered mapping', () => {
  const remembered = { Code: 'sku', Bezeichnung: 'name', 'Spalte, die fehlt': 'description', Notiz: null };

  it('uses the remembered columns this file has and skips those it lacks', () => {
    const read = readImportRows(table('Code;Bezeichnung;Preis;Notiz\nR-1;Erinnert;2,50;egal\n'), 'products', { ...shop, remembered });
    expect(read.rows.map((row) => row.values)).toEqual([{ sku: 'R-1', name: 'Erinnert', priceMinor: 250 }]);
    expect(read.unknownColumns).toEqual([]);
  });

  it('lets the mapping posted with the file override a remembered column', () => {
    const read = readImportRows(table('Code;Bezeichnung;Preis\nR-2;Erinnert;2,50\n'), 'products', {
      ...shop,
      remembered,
      mapping: { Code: 'description', Bezeichnung: 'sku' },
    });
    expect(read.rows[0].values).toEqual({ description: 'R-2', sku: 'Erinnert', priceMinor: 250 });
  });
});
