import * as XLSX from '@e965/xlsx';
import { MAX_SPREADSHEET_ROWS } from './limits';
import { Cell, EMPTY_CELL, SheetRow, SheetTable, tableOf } from './sheet-table';
import { SpreadsheetError } from './spreadsheet-error';
import { assertZipExpandsWithinCap } from './zip-guard';

/**
 * The first sheet of an xlsx, xls or ods file, cell by cell with the stored value and its type (a
 * formula gives its cached result); the displayed text is kept beside numbers for the one column
 * that needs it (a SKU formatted `00000`). Rows carry their sheet row number.
 */
export function readWorkbook(bytes: Uint8Array): SheetTable {
  if (isZip(bytes)) assertZipExpandsWithinCap(bytes);
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellDates: false, cellNF: true, cellText: true, dense: true, sheetRows: MAX_SPREADSHEET_ROWS + 2 });
  } catch {
    throw new SpreadsheetError('unreadable', 'The file is not a readable spreadsheet.');
  }
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (!sheet) throw new SpreadsheetError('unreadable', 'The spreadsheet has no sheet.');
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  if (range.e.r - range.s.r + 1 > MAX_SPREADSHEET_ROWS + 1) throw new SpreadsheetError('too_large', `At most ${MAX_SPREADSHEET_ROWS} rows per file.`);
  const data = sheet['!data'] ?? [];
  const rows: SheetRow[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: Cell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) cells.push(cellOf(data[r]?.[c]));
    rows.push({ line: r + 1, cells });
  }
  return tableOf(rows);
}

function cellOf(cell: XLSX.CellObject | undefined): Cell {
  if (!cell || cell.v === undefined || cell.v === null) return EMPTY_CELL;
  switch (cell.t) {
    case 'n':
      return { kind: 'number', value: Number(cell.v), displayed: cell.w, isDate: typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z) };
    case 'd':
      return { kind: 'number', value: excelSerialOf(cell.v as Date), isDate: true };
    case 'b':
      return { kind: 'boolean', value: Boolean(cell.v) };
    case 'e':
      return { kind: 'text', text: cell.w ?? '#ERROR' };
    default:
      return String(cell.v) === '' ? EMPTY_CELL : { kind: 'text', text: String(cell.v) };
  }
}

function excelSerialOf(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}
