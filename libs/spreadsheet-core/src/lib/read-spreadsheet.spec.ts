import * as XLSX from '@e965/xlsx';
import { MAX_SPREADSHEET_BYTES, MAX_SPREADSHEET_ROWS } from './limits';
import { readSpreadsheet } from './read-spreadsheet';
import { assertZipExpandsWithinCap } from './zip-guard';

const encode = (text: string) => new TextEncoder().encode(text);

describe('readSpreadsheet limits and damage', () => {
  it(`refuses more than ${MAX_SPREADSHEET_ROWS} rows`, () => {
    const csv = `SKU\n${Array.from({ length: MAX_SPREADSHEET_ROWS + 1 }, (_, index) => `S${index}`).join('\n')}`;
    expect(() => readSpreadsheet(encode(csv))).toThrow(expect.objectContaining({ reason: 'too_large' }));
    expect(readSpreadsheet(encode(csv.slice(0, csv.lastIndexOf('\n')))).rows).toHaveLength(MAX_SPREADSHEET_ROWS);
  });

  it('refuses a file over 20 MB', () => {
    expect(() => readSpreadsheet(new Uint8Array(MAX_SPREADSHEET_BYTES + 1))).toThrow(expect.objectContaining({ reason: 'too_large' }));
  });

  it('refuses a zip whose parts expand beyond the cap before inflating it', () => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['SKU'], ['A'.repeat(5000)]]), 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }));
    expect(() => assertZipExpandsWithinCap(bytes, 4000)).toThrow(expect.objectContaining({ reason: 'too_large' }));
    expect(() => assertZipExpandsWithinCap(bytes)).not.toThrow();
  });

  it('calls a damaged workbook unreadable', () => {
    expect(() => readSpreadsheet(encode('PK\u0003\u0004 not really a zip'), { fileName: 'products.xlsx' })).toThrow(
      expect.objectContaining({ reason: 'unreadable' }),
    );
  });

  it('calls an unclosed quote unreadable, naming its line', () => {
    expect(() => readSpreadsheet(encode('SKU,Name\nA,"open\nB,x\n'))).toThrow(
      expect.objectContaining({ reason: 'unreadable', message: 'Line 2: a quoted value is never closed.' }),
    );
  });

  it('detects the delimiter among comma, semicolon, tab and bar', () => {
    for (const delimiter of [',', ';', '\t', '|']) {
      expect(readSpreadsheet(encode(`SKU${delimiter}Name\nA${delimiter}B\n`)).headers).toEqual(['SKU', 'Name']);
    }
  });
});
