import type * as XLSX from '@e965/xlsx';
import '@kassa/spreadsheet-core';
import { fileImportSource } from './import-source';
import { SpreadsheetUpload } from './spreadsheet-upload';

let mockSheetJsLoaded = false;
jest.mock('@e965/xlsx', () => {
  mockSheetJsLoaded = true;
  return jest.requireActual('@e965/xlsx');
});

describe('fileImportSource', () => {
  it('loads SheetJS with the first file it reads, not when the API loads its modules', async () => {
    expect(mockSheetJsLoaded).toBe(false);

    const sheet = jest.requireActual<typeof XLSX>('@e965/xlsx');
    const book = sheet.utils.book_new();
    sheet.utils.book_append_sheet(
      book,
      sheet.utils.aoa_to_sheet([
        ['sku', 'name', 'price'],
        ['MUG-1', 'Mug', 4.5],
      ]),
      'Products',
    );
    const bytes = sheet.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const source = await fileImportSource(new SpreadsheetUpload(bytes, 'products.xlsx'), 'products', { locale: 'en-US', currency: 'EUR' });
    expect(mockSheetJsLoaded).toBe(true);
    expect(source.rows).toEqual([expect.objectContaining({ sku: 'MUG-1', name: 'Mug', priceMinor: 450 })]);
  });
});
