import { CellValue, problem, valueOf } from './cell-value';
import { LocaleFormat } from './locale-format';
import { Cell, cellText } from './sheet-table';

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'ja', 'oui', 'si', 'sí', 'waar', 'vero', '1', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'nein', 'non', 'nee', 'onwaar', 'falso', '0']);

export function parseBoolean(cell: Cell): CellValue<boolean> {
  if (cell.kind === 'boolean') return valueOf(cell.value);
  const word = cellText(cell).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return valueOf(true);
  if (FALSE_WORDS.has(word)) return valueOf(false);
  return problem(`${cellText(cell)} is not yes or no`);
}

/** A whole number; text may use the locale's grouping (`1.000` in de-DE). */
export function parseInteger(cell: Cell, format: LocaleFormat): CellValue<number> {
  if (cell.kind === 'number') return Number.isSafeInteger(cell.value) ? valueOf(cell.value) : problem(`${cell.value} is not a whole number`);
  const text = cellText(cell).trim();
  const grouping = format.decimal === ',' ? '.' : ',';
  const digits = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .split(grouping)
    .join('');
  return /^-?\d+$/.test(digits) && Number.isSafeInteger(Number(digits)) ? valueOf(Number(digits)) : problem(`${text} is not a whole number`);
}

/** A calendar date as `YYYY-MM-DD`: ISO text, an Excel serial (number or date cell), or the locale's order. */
export function parseDate(cell: Cell, format: LocaleFormat): CellValue<string> {
  if (cell.kind === 'number') return fromSerial(cell.value);
  const text = cellText(cell).trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);
  const parts = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$/.exec(text);
  if (!parts) return problem(`${text} is not a date`);
  const byPart = Object.fromEntries(format.dateOrder.map((part, index) => [part, Number(parts[index + 1])]));
  const year = byPart['year'] < 100 ? 2000 + byPart['year'] : byPart['year'];
  return calendarDate(year, byPart['month'], byPart['day'], text);
}

function fromSerial(serial: number): CellValue<string> {
  if (!(serial > 0 && serial < 2_958_466)) return problem(`${serial} is not a date`);
  // Excel's day 0 is 1899-12-30 once its phantom 1900-02-29 is accounted for.
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return valueOf(date.toISOString().slice(0, 10));
}

function calendarDate(year: number, month: number, day: number, text: string): CellValue<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return problem(`${text} is not a date`);
  return valueOf(date.toISOString().slice(0, 10));
}
