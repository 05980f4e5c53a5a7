import { stream as excelStream } from 'exceljs';
import type { Writable } from 'node:stream';
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
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    const options = {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    } as const;
    format = new Intl.DateTimeFormat('en-US', options);
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/**
 * An instant as the Excel serial of its wall-clock time in `timeZone`: spreadsheet dates have no
 * zone, so the cell shows the shop's local time and the header says which zone that is.
 */
export function excelSerialIn(instant: string, timeZone: string): number {
  const date = new Date(instant);
  const parts = Object.fromEntries(
    wallClockFormat(timeZone)
      .formatToParts(date)
      .map((part) => [part.type, Number(part.value)]),
  );
  const wallClock = Date.UTC(parts['year'], parts['month'] - 1, parts['day'], parts['hour'], parts['minute'], parts['second'], date.getUTCMilliseconds());
  return (wallClock - EXCEL_EPOCH) / MS_PER_DAY;
}

interface ColumnWriter<Row> {
  numFmt?: string;
  cell: (row: Row) => string | number | null;
}

function columnWriter<Row>(column: SheetColumn<Row>, { currency, timeZone }: SheetFormat): ColumnWriter<Row> {
  const value = column.value;
  switch (column.type) {
    case 'money': {
      const digits = minorUnitDigits(currency);
      // A number Excel can sum, shown in the shop's currency; the API itself never uses floats for money.
      return { numFmt: `#,##0${digits ? `.${'0'.repeat(digits)}` : ''} "${currency}"`, cell: (row) => nullOr(value(row), (v) => Number(v) / 10 ** digits) };
    }
    case 'integer':
      return { numFmt: '0', cell: (row) => nullOr(value(row), Number) };
    case 'date':
      return { numFmt: 'yyyy-mm-dd hh:mm', cell: (row) => nullOr(value(row), (v) => excelSerialIn(String(v), timeZone)) };
    default:
      return { cell: (row) => nullOr(value(row), (v) => neutralizeFormula(String(v))) };
  }
}

const nullOr = <T>(value: string | number | null, convert: (value: string | number) => T): T | null => (value === null ? null : convert(value));

/** Columns as wide as their header and the first rows' content (all that is known before the sheet streams). */
function widthsOf<Row>(columns: SheetColumn<Row>[], headers: string[], sample: Row[]): number[] {
  return columns.map((column, c) => {
    let width = headers[c].length;
    for (const row of sample) width = Math.max(width, column.type === 'date' ? 16 : String(column.value(row) ?? '').length + 1);
    return Math.min(width + 2, 60);
  });
}

function drainedOrClosed(output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      resolve();
    };
    output.on('drain', done);
    output.on('close', done);
  });
}

/**
 * An .xlsx with one sheet, written to `output` row by row as it is zipped (memory stays flat however many rows):
 * a frozen header row, typed cells (money as numbers in the shop's currency format, dates as dates in its time
 * zone), formula-safe text, and columns as wide as the header and the first rows. `write` the rows page by page,
 * then `end`.
 */
export class XlsxSheetWriter<Row> {
  private readonly workbook: excelStream.xlsx.WorkbookWriter;
  private readonly sheet: ReturnType<excelStream.xlsx.WorkbookWriter['addWorksheet']>;
  private readonly writers: ColumnWriter<Row>[];

  constructor(
    private readonly output: Writable,
    sheetName: string,
    columns: SheetColumn<Row>[],
    format: SheetFormat,
    firstRows: Row[],
  ) {
    this.workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
    const headers = columns.map((column) => (column.type === 'date' ? `${column.header} (${format.timeZone})` : column.header));
    const widths = widthsOf(columns, headers, firstRows);
    this.writers = columns.map((column) => columnWriter(column, format));
    // A number format on the column is one style every cell below inherits (cheaper than setting it per cell).
    this.sheet.columns = this.writers.map((writer, c) => ({ width: widths[c], ...(writer.numFmt ? { style: { numFmt: writer.numFmt } } : {}) }));
    const header = this.sheet.addRow(headers);
    header.eachCell((cell) => (cell.style = {}));
    header.commit();
  }

  /** Adds the rows and waits while the output is full, so a slow client holds the writer back instead of memory. */
  async write(rows: Row[]): Promise<void> {
    for (const row of rows) this.sheet.addRow(this.writers.map((writer) => writer.cell(row))).commit();
    if (this.output.writableNeedDrain) await drainedOrClosed(this.output);
    if (this.output.destroyed) throw new Error('The xlsx output was closed before the last row (the client went away)');
  }

  /** Closes the sheet and the zip; resolves once everything is handed to `output`. */
  async end(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
