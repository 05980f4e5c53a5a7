import * as XLSX from '@e965/xlsx';
import { neutralizeFormula } from './cell-safety';

export type ColumnType = 'text' | 'integer' | 'money' | 'date';

export interface SheetColumn<Row> {
  header: string;
  type: ColumnType;
  value: (row: Row) => string | number | null;
}

/** Decimal places of a currency's minor unit (EUR 2, JPY 0, KWD 3). */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** How a shop's xlsx shows money and times: its currency, and its IANA time zone (named in the header of a date column). */
export interface SheetFormat {
  currency: string;
  timeZone: string;
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * An instant as the Excel serial of its wall-clock time in `timeZone`: spreadsheet dates have no
 * zone, so the cell shows the shop's local time and the header says which zone that is.
 */
export function excelSerialIn(instant: string, timeZone: string): number {
  const date = new Date(instant);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(date)
      .map((part) => [part.type, Number(part.value)]),
  );
  const wallClock = Date.UTC(parts['year'], parts['month'] - 1, parts['day'], parts['hour'], parts['minute'], parts['second'], date.getUTCMilliseconds());
  return (wallClock - EXCEL_EPOCH) / MS_PER_DAY;
}

function cellOf(type: ColumnType, value: string | number | null, { currency, timeZone }: SheetFormat): XLSX.CellObject {
  if (value === null) return { t: 'z' };
  switch (type) {
    case 'money': {
      const digits = minorUnitDigits(currency);
      // A number Excel can sum, shown in the shop's currency; the API itself never uses floats for money.
      return { t: 'n', v: Number(value) / 10 ** digits, z: `#,##0${digits ? `.${'0'.repeat(digits)}` : ''} "${currency}"` };
    }
    case 'integer':
      return { t: 'n', v: Number(value), z: '0' };
    case 'date':
      return { t: 'n', v: excelSerialIn(String(value), timeZone), z: 'yyyy-mm-dd hh:mm' };
    default:
      return { t: 's', v: neutralizeFormula(String(value)) };
  }
}

const FROZEN_HEADER = '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>';

/**
 * An .xlsx with one sheet: a frozen header row, typed cells (money as numbers in the shop's
 * currency format, dates as dates in its time zone), formula-safe text and columns as wide as their content.
 */
export function xlsxDocument<Row>(sheetName: string, columns: SheetColumn<Row>[], rows: Row[], format: SheetFormat): Buffer {
  const sheet: XLSX.WorkSheet = {};
  const headers = columns.map((column) => (column.type === 'date' ? `${column.header} (${format.timeZone})` : column.header));
  const widths = headers.map((header) => header.length);
  headers.forEach((header, c) => (sheet[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: header }));
  rows.forEach((row, r) =>
    columns.forEach((column, c) => {
      const value = column.value(row);
      sheet[XLSX.utils.encode_cell({ r: r + 1, c })] = cellOf(column.type, value, format);
      widths[c] = Math.max(widths[c], column.type === 'date' ? 16 : String(value ?? '').length + 1);
    }),
  );
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: columns.length - 1 } });
  sheet['!cols'] = widths.map((width) => ({ wch: Math.min(width + 2, 60) }));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, sheetName);
  const written: Buffer = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', cellDates: true, compression: true });

  // The community writer has no freeze panes: set the pane in the sheet XML.
  const zip = XLSX.CFB.read(written, { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml');
  if (!entry) throw new Error('xlsx writer produced no sheet1.xml');
  entry.content = Buffer.from(
    Buffer.from(entry.content as Uint8Array)
      .toString('utf8')
      .replace('<sheetView workbookViewId="0"/>', FROZEN_HEADER),
  );
  return Buffer.from(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }) as Uint8Array);
}
