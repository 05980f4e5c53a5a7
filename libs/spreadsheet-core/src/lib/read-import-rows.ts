import { CellValue, valueOf } from './cell-value';
import { parseBarcode, parseBarcodes } from './gtin';
import { FieldType, IMPORT_FIELDS, ImportKind } from './import-schema';
import { currencyDigits, LocaleFormat, localeFormat } from './locale-format';
import { matchHeaders, normalizeHeader } from './match-headers';
import { parseMoney } from './parse-money';
import { parseBoolean, parseDate, parseInteger } from './parse-scalars';
import { Cell, cellText, isBlankCell, SheetTable } from './sheet-table';

export interface ImportSettings {
  /** The shop's locale (`de-DE`) and currency (`EUR`): they decide how `1.234` and `12,50` read. */
  locale: string;
  currency: string;
  mapping?: Readonly<Record<string, string | null>>;
  /** The shop's remembered mapping: used for the headers this file has, where `mapping` says nothing. */
  remembered?: Readonly<Record<string, string | null>>;
}

/** Something about one cell: `row` counts data rows from 1 (as the JSON import does), `line` is the file's. */
export interface RowIssue {
  row: number;
  line: number;
  field: string;
  message: string;
}

export interface ImportRow {
  row: number;
  line: number;
  /** Field name → value, in the JSON import's terms (`priceMinor` in minor units); empty cells are absent. */
  values: Record<string, unknown>;
}

export interface ImportRows {
  rows: ImportRow[];
  /** Cells that cannot be read: the row must not be imported. */
  problems: RowIssue[];
  /** Cells read with a change the user should see in the preview (leading zeros restored, `1.234`). */
  notes: RowIssue[];
  unknownColumns: string[];
}

/** A table to import rows: headers matched, each cell read by its field's type in the shop's locale. */
export function readImportRows(table: SheetTable, kind: ImportKind, settings: ImportSettings): ImportRows {
  const { fields, unknownColumns } = matchHeaders(table.headers, IMPORT_FIELDS[kind], {
    ...presentHeadersOnly(settings.remembered ?? {}, table.headers),
    ...settings.mapping,
  });
  const format = localeFormat(settings.locale);
  const digits = currencyDigits(settings.currency);
  const problems: RowIssue[] = [];
  const notes: RowIssue[] = [];
  const rows = table.rows.map(({ line, cells }, index) => {
    const row = index + 1;
    const values: Record<string, unknown> = {};
    fields.forEach((field, column) => {
      const cell = cells[column];
      if (!field || field.type === 'readOnly' || !cell || isBlankCell(cell)) return;
      const read = readCell(cell, field.type, format, digits);
      if (!read.ok) problems.push({ row, line, field: field.name, message: read.message });
      else {
        values[field.name] = read.value;
        if (read.note) notes.push({ row, line, field: field.name, message: read.note });
      }
    });
    return { row, line, values };
  });
  return { rows, problems, notes, unknownColumns };
}

function readCell(cell: Cell, type: Exclude<FieldType, 'readOnly'>, format: LocaleFormat, digits: number): CellValue<unknown> {
  switch (type) {
    case 'text':
      return valueOf(withoutFormulaGuard(cellText(cell).trim()));
    case 'sku':
      return readSku(cell);
    case 'money':
      return parseMoney(cell, format, digits);
    case 'integer':
      return parseInteger(cell, format);
    case 'boolean':
      return parseBoolean(cell);
    case 'barcode':
      return parseBarcode(cell);
    case 'barcodes':
      return parseBarcodes(cell);
    case 'date':
      return parseDate(cell, format);
  }
}

/** A SKU typed as a number is what the cell shows (`00123` under format `00000`), not the number. */
function readSku(cell: Cell): CellValue<string> {
  if (cell.kind !== 'number') return valueOf(withoutFormulaGuard(cellText(cell).trim()));
  const shown = (cell.displayed ?? String(cell.value)).trim();
  return valueOf(shown, `SKU ${shown} was a number in the file; kept as shown`);
}

/**
 * Undoes the export's formula guard exactly where it applies (see neutralizeFormula in the API's
 * spreadsheets lib): an apostrophe before `= + - @` (or their fullwidth forms) or a tab/CR/LF.
 */
export function withoutFormulaGuard(text: string): string {
  return /^'(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/.test(text) ? text.slice(1) : text;
}

function presentHeadersOnly(mapping: Readonly<Record<string, string | null>>, headers: readonly string[]): Record<string, string | null> {
  const present = new Set(headers.map(normalizeHeader));
  return Object.fromEntries(Object.entries(mapping).filter(([header]) => present.has(normalizeHeader(header))));
}
