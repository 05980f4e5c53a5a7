import { neutralizeFormula } from './cell-safety';

function textOf(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  // Only text can be a formula; a number (-3) or a boolean stays the machine value it is.
  if (typeof cell === 'string') return neutralizeFormula(cell);
  return typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'bigint' ? String(cell) : JSON.stringify(cell);
}

/** One RFC 4180 line, formula-safe text; numbers as they are, objects as JSON and empty values as nothing. */
export function csvLine(cells: unknown[]): string {
  return (
    cells
      .map((cell) => {
        const text = textOf(cell);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(',') + '\r\n'
  );
}

/** Excel opens UTF-8 CSV correctly only with a byte order mark. */
export const UTF8_BOM = '\uFEFF';
