import type { Writable } from 'node:stream';
import { neutralizeFormula } from './cell-safety';
import { columnLetters, packageParts, SHEET_END, SHEET_PATH, sheetStart, textCell } from './xlsx-parts';
import { ZipFileStream, ZipWriter } from './zip-writer';

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
  const wall = [0, 0, 0, 0, 0, 0];
  for (const part of wallClockFormat(timeZone).formatToParts(date)) {
    const at = WALL_CLOCK_PARTS.indexOf(part.type);
    if (at >= 0) wall[at] = Number(part.value);
  }
  const [year, month, day, hour, minute, second] = wall;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, date.getUTCMilliseconds());
  return (wallClock - EXCEL_EPOCH) / MS_PER_DAY;
}

const WALL_CLOCK_PARTS: readonly Intl.DateTimeFormatPartTypes[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];

interface ColumnWriter<Row> {
  numFmt?: string;
  /** The cell's XML at `ref` (e.g. `B7`) with the column's `style`; nothing for an empty cell. */
  cell: (row: Row, ref: string, style: number) => string;
}

const numberCell = (ref: string, style: number, value: number) => `<c r="${ref}" s="${style}"><v>${value}</v></c>`;

function columnWriter<Row>(column: SheetColumn<Row>, { currency, timeZone }: SheetFormat): ColumnWriter<Row> {
  const value = column.value;
  switch (column.type) {
    case 'money': {
      const digits = minorUnitDigits(currency);
      const scale = 10 ** digits;
      // A number Excel can sum, shown in the shop's currency; the API itself never uses floats for money.
      return {
        numFmt: `#,##0${digits ? `.${'0'.repeat(digits)}` : ''} "${currency}"`,
        cell: (row, ref, style) => nullOr(value(row), (v) => numberCell(ref, style, Number(v) / scale)),
      };
    }
    case 'integer':
      return { numFmt: '0', cell: (row, ref, style) => nullOr(value(row), (v) => numberCell(ref, style, Number(v))) };
    case 'date':
      return { numFmt: 'yyyy-mm-dd hh:mm', cell: (row, ref, style) => nullOr(value(row), (v) => numberCell(ref, style, excelSerialIn(String(v), timeZone))) };
    default:
      return { cell: (row, ref) => nullOr(value(row), (v) => textCell(ref, neutralizeFormula(String(v)))) };
  }
}

const nullOr = (value: string | number | null, cell: (value: string | number) => string): string => (value === null ? '' : cell(value));

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

/** Rows turned into XML and handed to the compressor at a time. */
const ROWS_PER_PIECE = 256;

/**
 * An .xlsx with one sheet, written to `output` row by row as it is zipped (memory stays flat however many rows):
 * a frozen header row, typed cells (money as numbers in the shop's currency format, dates as dates in its time
 * zone), formula-safe text, and columns as wide as the header and the first rows. `write` the rows page by page,
 * then `end`. The sheet's XML is written here directly (inline strings, one style per typed column): a workbook
 * model such as exceljs's costs several times more per cell (decision 0040).
 */
export class XlsxSheetWriter<Row> {
  private readonly zip: ZipWriter;
  private readonly sheet: ZipFileStream;
  private readonly cells: ((row: Row, rowNumber: number) => string)[];
  private rowNumber = 1;

  constructor(
    private readonly output: Writable,
    sheetName: string,
    columns: SheetColumn<Row>[],
    format: SheetFormat,
    firstRows: Row[],
  ) {
    const headers = columns.map((column) => (column.type === 'date' ? `${column.header} (${format.timeZone})` : column.header));
    const widths = widthsOf(columns, headers, firstRows);
    const writers = columns.map((column) => columnWriter(column, format));
    const numFmts = [...new Set(writers.flatMap((writer) => (writer.numFmt ? [writer.numFmt] : [])))];
    const styles = writers.map((writer) => (writer.numFmt ? numFmts.indexOf(writer.numFmt) + 1 : 0));
    const letters = columns.map((_, c) => columnLetters(c));
    this.cells = writers.map((writer, c) => (row, rowNumber) => writer.cell(row, `${letters[c]}${rowNumber}`, styles[c]));

    this.zip = new ZipWriter(output);
    for (const [path, content] of packageParts(sheetName, numFmts)) this.zip.addFile(path, content);
    this.sheet = this.zip.openFile(SHEET_PATH);
    const header = headers.map((text, c) => textCell(`${letters[c]}1`, text)).join('');
    this.sheet.write(`${sheetStart(widths.map((width, c) => ({ width, style: styles[c] })))}<row r="1">${header}</row>`);
  }

  /** Adds the rows and waits while the output is full, so a slow client holds the writer back instead of memory. */
  async write(rows: Row[]): Promise<void> {
    // A few hundred rows of XML at a time: a whole page as one string kept every cell's piece alive until it was
    // compressed, and the heap grew by about 200 MB over an export of 100,000 products.
    for (let start = 0; start < rows.length; start += ROWS_PER_PIECE) {
      let xml = '';
      for (const row of rows.slice(start, start + ROWS_PER_PIECE)) {
        const r = ++this.rowNumber;
        xml += `<row r="${r}">`;
        for (const cell of this.cells) xml += cell(row, r);
        xml += '</row>';
      }
      this.sheet.write(xml);
      await this.sheet.drained();
    }
    if (this.output.writableNeedDrain) await drainedOrClosed(this.output);
    if (this.output.destroyed) {
      this.sheet.abort();
      throw new Error('The xlsx output was closed before the last row (the client went away)');
    }
  }

  /** Gives up on the file (a page failed): frees the compressor; the caller cuts the response off. */
  abort(): void {
    this.sheet.abort();
  }

  /** Closes the sheet and the zip; resolves once everything is handed to `output`. */
  async end(): Promise<void> {
    this.sheet.write(SHEET_END);
    await this.sheet.close();
    this.zip.finish();
  }
}
