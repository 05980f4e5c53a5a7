/**
 * Numbers as people type and read them in a locale (`1.234,5` in de-DE, `1,234.5` in en-US), held
 * exactly as integers of the smallest unit (cents, or tenths of a unit): never a float in between.
 */

export type ParsedUnits = { ok: true; units: number | null } | { ok: false; reason: string };

interface NumberSymbols {
  decimal: string;
  group: string;
  /** What else people type for the group separator (a plain space for a narrow no-break space, `'` for `’`). */
  groupAlternatives: string[];
  /** The locale's own digits 0–9, when they are not ASCII (Arabic-Indic, Devanagari…). */
  digits: string[];
}

const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];
const MINUS_SIGNS = ['-', '\u2212'];
const symbolsByLocale = new Map<string, NumberSymbols>();

function symbolsOf(locale: string): NumberSymbols {
  let symbols = symbolsByLocale.get(locale);
  if (!symbols) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
    const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
    const group = parts.find((part) => part.type === 'group')?.value ?? '';
    const plain = new Intl.NumberFormat(locale, { useGrouping: false });
    const groupAlternatives = SPACES.includes(group) ? SPACES : group === '\u2019' ? ["'"] : [];
    symbols = { decimal, group, groupAlternatives, digits: Array.from({ length: 10 }, (_, digit) => plain.format(digit)) };
    symbolsByLocale.set(locale, symbols);
  }
  return symbols;
}

/** How an example number looks in the locale, for messages (`1.234,56`). */
export function decimalExample(locale: string, fractionDigits: number): string {
  return formatUnits(123456 * 10 ** Math.max(0, fractionDigits - 2), locale, fractionDigits);
}

function normalise(text: string, symbols: NumberSymbols): string {
  let result = '';
  for (const char of text.trim()) {
    const localDigit = symbols.digits.indexOf(char);
    if (localDigit >= 0) result += String(localDigit);
    else if (symbols.groupAlternatives.includes(char)) result += symbols.group;
    else result += char;
  }
  return result;
}

/** Group separators only between whole groups: `1.234` or `12.34.567` (Indian), never `12.50`. */
function isWellGrouped(chunks: string[]): boolean {
  const [first, ...rest] = chunks;
  if (!/^\d{1,3}$/.test(first)) return false;
  return rest.every((chunk, index) => (index === rest.length - 1 ? /^\d{3}$/.test(chunk) : /^\d{2,3}$/.test(chunk)));
}

export interface ParseOptions {
  /** Digits after the decimal separator the value may have (2 for cents, 0 for whole units). */
  fractionDigits: number;
  allowNegative?: boolean;
}

/**
 * Reads typed text into integer units of 10^-fractionDigits: `12,50` in de-DE with 2 digits → 1250.
 * Empty text is `null`. Ambiguous or malformed text is refused with a reason instead of guessed at
 * (`12.50` in de-DE reads as a misplaced thousands separator, not as 1250 euros).
 */
export function parseUnits(text: string, locale: string, { fractionDigits, allowNegative = false }: ParseOptions): ParsedUnits {
  const symbols = symbolsOf(locale);
  let value = normalise(text, symbols);
  if (value === '') return { ok: true, units: null };
  const example = decimalExample(locale, fractionDigits);
  const negative = MINUS_SIGNS.includes(value[0]);
  if (negative) {
    if (!allowNegative) return { ok: false, reason: 'Enter zero or more.' };
    value = value.slice(1).trim();
  }
  const [whole, fraction = '', ...extra] = value.split(symbols.decimal);
  if (extra.length > 0) return { ok: false, reason: `Write it like ${example}.` };
  let digits = whole;
  if (symbols.group && whole.includes(symbols.group)) {
    const chunks = whole.split(symbols.group);
    if (!isWellGrouped(chunks)) return { ok: false, reason: `Write it like ${example}.` };
    digits = chunks.join('');
  }
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fraction) || digits + fraction === '') return { ok: false, reason: `Write it like ${example}.` };
  if (fraction.length > fractionDigits) {
    return { ok: false, reason: fractionDigits === 0 ? 'Use whole numbers only.' : `Use at most ${fractionDigits} decimal places.` };
  }
  const units = Number(`${digits}${fraction.padEnd(fractionDigits, '0')}`);
  if (!Number.isSafeInteger(units)) return { ok: false, reason: 'That number is too large.' };
  return { ok: true, units: negative && units !== 0 ? -units : units };
}

/** Integer units as the locale writes the number, with exactly `fractionDigits` decimals (`1250`, 2 → `12,50` in de-DE). */
export function formatUnits(units: number, locale: string, fractionDigits: number, options: Intl.NumberFormatOptions = {}): string {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, ...options });
  return format.format(unitsAsDecimal(units, fractionDigits));
}

/** `1250`, 2 → `"12.50"`: an exact decimal string Intl formats without a float in between. */
export function unitsAsDecimal(units: number, fractionDigits: number): Intl.StringNumericLiteral {
  const digits = String(Math.abs(units)).padStart(fractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - fractionDigits);
  const fraction = digits.slice(digits.length - fractionDigits);
  return `${units < 0 ? '-' : ''}${whole}${fractionDigits > 0 ? `.${fraction}` : ''}` as Intl.StringNumericLiteral;
}
