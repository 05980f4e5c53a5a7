import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewFile } from './import-preview';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../../../spreadsheet-core/fixtures', name)));

describe('the preview read in the browser', () => {
  it('reads an xlsx with a numeric EAN: the notes and the row error the API will give, with their lines', () => {
    const preview = previewFile(fixture('products.xlsx'), 'products.xlsx', 'products', { locale: 'en-US', currency: 'USD' });
    expect(preview).toMatchObject({ readable: true, headers: ['SKU', 'Name', 'Price', 'EAN', 'Active', ''], rows: 4 });
    if (!preview.readable) return;
    expect(preview.notes.map((note) => [note.line, note.field])).toEqual([
      [2, 'sku'],
      [3, 'barcodes'],
    ]);
    expect(preview.problems).toEqual([{ row: 4, line: 6, field: 'barcodes', message: 'barcode 12345678901 looks numeric — format the column as text' }]);
  });

  it('applies the confirmed mapping', () => {
    const csv = new TextEncoder().encode('Code;Bezeichnung;Preis\nM-1;Gemappt;2,50\n');
    const preview = previewFile(csv, 'liste.csv', 'products', { locale: 'de-DE', currency: 'EUR' }, { Code: 'sku' });
    expect(preview).toMatchObject({ readable: true, rows: 1, problems: [], unknownColumns: [] });
  });

  it('says why a file cannot be read instead of throwing', () => {
    expect(previewFile(new TextEncoder().encode('PK\u0003\u0004 broken'), 'broken.xlsx', 'products', { locale: 'en-US', currency: 'USD' })).toMatchObject({
      readable: false,
      reason: 'unreadable',
    });
    expect(previewFile(new TextEncoder().encode('SKU\nA\n'), 'a.csv', 'products', { locale: 'en-US', currency: 'USD' }, { SKU: 'colour' })).toMatchObject({
      readable: false,
      reason: 'mapping_invalid',
    });
  });
});
