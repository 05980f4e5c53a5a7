import { neutralizeFormula } from './cell-safety';

/** One RFC 4180 line, formula-safe; objects are written as JSON and empty values as nothing. */
export function csvLine(cells: unknown[]): string {
  return (
    cells
      .map((cell) => {
        const text = cell === null || cell === undefined ? '' : typeof cell === 'string' ? cell : JSON.stringify(cell);
        const safe = neutralizeFormula(text);
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}

/** Excel opens UTF-8 CSV correctly only with a byte order mark. */
export const UTF8_BOM = '\uFEFF';
