/** One cell as the file stores it: text stays text, numbers stay numbers (never the formatted text). */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** `displayed` is the text the spreadsheet shows (a cell formatted `00000` shows 123 as `00123`). */
  | { kind: 'number'; value: number; displayed?: string; isDate?: boolean }
  | { kind: 'boolean'; value: boolean };

export interface SheetRow {
  /** The file's own line (CSV) or sheet row number (xlsx, ods, xls), counted from 1. */
  line: number;
  cells: Cell[];
}

/** The first non-blank row is the header; blank rows are dropped. */
export interface SheetTable {
  headers: string[];
  headerLine: number;
  rows: SheetRow[];
}

export const EMPTY_CELL: Cell = { kind: 'empty' };

export function isBlankCell(cell: Cell): boolean {
  return cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return cell.displayed ?? String(cell.value);
    case 'boolean':
      return cell.value ? 'true' : 'false';
  }
}

/** Splits raw rows (each with its line) into the header and the data rows, dropping blank rows. */
export function tableOf(rows: SheetRow[]): SheetTable {
  const filled = rows.filter((row) => !row.cells.every(isBlankCell));
  const [header, ...data] = filled;
  if (!header) return { headers: [], headerLine: 0, rows: [] };
  return { headers: header.cells.map((cell) => cellText(cell).trim()), headerLine: header.line, rows: data };
}
