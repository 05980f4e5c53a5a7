import { Cell, cellText } from './sheet-table';
import { CellValue, problem, valueOf } from './cell-value';
import { LocaleFormat } from './locale-format';

/**
 * An amount in minor units. Text: when both `.` and `,` appear the rightmost is the decimal
 * separator; a lone separator followed by exactly three digits (`1.234`) is read the locale's way and
 * noted; any other lone separator must be the locale's decimal. Numbers are taken as numbers. More
 * decimals than the currency has is a problem, never a rounding.
 */
export function parseMoney(cell: Cell, format: LocaleFormat, digits: number): CellValue<number> {
  if (cell.kind === 'number') return fromDecimal(decimalOfNumber(cell.value), String(cell.value), format, digits);
  const original = cellText(cell).trim();
  const text = original.replace(/[\s\u00a0\u202f'’]/g, '').replace(/^[^\d+\-.,]+|[^\d.,]+$/g, '');
  const negative = /^-/.test(text);
  const unsigned = text.replace(/^[+-]/, '');
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(unsigned)) return problem(`${original} is not an amount`);
  const lastDot = unsigned.lastIndexOf('.');
  const lastComma = unsigned.lastIndexOf(',');
  let integer: string;
  let fraction = '';
  let note: string | undefined;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const grouping = unsigned[decimalAt] === '.' ? ',' : '.';
    const whole = unsigned.slice(0, decimalAt);
    if (whole.includes(unsigned[decimalAt])) return problem(`${original} is not an amount`);
    integer = whole.split(grouping).join('');
    fraction = unsigned.slice(decimalAt + 1);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const parts = unsigned.split(separator);
    if (parts.length > 2) {
      if (separator === format.decimal || parts.slice(1).some((part) => part.length !== 3)) return problem(`${original} is not an amount`);
      integer = parts.join('');
    } else if (parts[1].length === 3) {
      if (separator === format.decimal) [integer, fraction] = parts;
      else integer = parts.join('');
      note = `${original} read as ${separator === format.decimal ? `${parts[0]}${format.decimal}${parts[1]}` : integer} (${format.locale})`;
    } else if (separator === format.decimal) {
      [integer, fraction] = parts;
    } else {
      return problem(`${original} is not a price in this shop's format (${format.locale}): use ${parts.join(format.decimal)}`);
    }
  } else {
    integer = unsigned;
  }
  const result = fromDecimal(`${negative ? '-' : ''}${integer || '0'}.${fraction}`, original, format, digits);
  return result.ok && note ? valueOf(result.value, note) : result;
}

function fromDecimal(decimal: string, original: string, format: LocaleFormat, digits: number): CellValue<number> {
  const [integer, fraction = ''] = decimal.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > digits) {
    return problem(
      `${original} has more decimals than the currency (${digits})${digits > 0 ? `: use ${roundedExample(integer, fraction, digits, format)}` : ''}`,
    );
  }
  const minor = Number(`${integer}${trimmed.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return problem(`${original} is too large an amount`);
  return valueOf(minor);
}

function roundedExample(integer: string, fraction: string, digits: number, format: LocaleFormat): string {
  return `${integer}${format.decimal}${fraction.slice(0, digits)}`;
}

/** A float's shortest decimal form without exponent (0.1 + 0.2 stays out: cells hold typed values). */
function decimalOfNumber(value: number): string {
  const text = Math.abs(value) < 1e21 ? value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : String(value);
  const shortest = String(value);
  return /e/i.test(shortest) ? text : shortest.includes('.') ? shortest : `${shortest}.`;
}
