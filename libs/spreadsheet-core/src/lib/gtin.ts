import { CellValue, problem, valueOf } from './cell-value';
import { Cell, cellText } from './sheet-table';

const GTIN_LENGTHS = [8, 12, 13, 14] as const;

/** The GS1 check digit rule: weights 3,1,3,… from the right of the payload, total a multiple of 10. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  for (let index = 0; index < digits.length - 1; index++) {
    const weight = (digits.length - 1 - index) % 2 === 1 ? 3 : 1;
    sum += Number(digits[index]) * weight;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

/**
 * The form barcodes are compared in: a GTIN-8/12/13/14 left-padded to 14 digits, so a UPC-A and the
 * EAN-13 with a leading zero are one code. Anything else (an in-house code) is compared as written.
 * The database's `gtin14(code)` (migration BarcodesUniqueAsGtin14) is the same function.
 */
export function gtin14(code: string): string {
  return /^(\d{8}|\d{12,14})$/.test(code) ? code.padStart(14, '0') : code;
}

/**
 * One barcode from a cell. Text is kept as written. A number lost its leading zeros when the column
 * was not text: if zeros up to the next GTIN length give a valid check digit, they are put back and
 * noted; otherwise the number cannot be trusted.
 */
export function parseBarcode(cell: Cell): CellValue<string> {
  if (cell.kind !== 'number') return valueOf(cellText(cell).trim());
  const digits = Number.isSafeInteger(cell.value) && cell.value > 0 ? String(cell.value) : '';
  const length = GTIN_LENGTHS.find((candidate) => candidate >= digits.length);
  const padded = length && digits ? digits.padStart(length, '0') : '';
  if (!padded || !hasValidCheckDigit(padded)) return problem(`barcode ${cellText(cell)} looks numeric — format the column as text`);
  return padded === digits ? valueOf(padded) : valueOf(padded, `barcode ${digits} read as ${padded} (leading zeros restored)`);
}

/** A cell holding several barcodes, separated by commas, semicolons, bars or spaces. */
export function parseBarcodes(cell: Cell): CellValue<string[]> {
  if (cell.kind === 'number') {
    const one = parseBarcode(cell);
    return one.ok ? { ...one, value: [one.value] } : one;
  }
  return valueOf(
    cellText(cell)
      .split(/[\s,;|]+/)
      .filter((code) => code !== ''),
  );
}
