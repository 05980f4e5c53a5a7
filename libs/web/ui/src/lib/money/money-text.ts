import { formatUnits, parseUnits, unitsAsDecimal, type ParsedUnits } from '../number/number-text';

/** One formatter per locale and currency: building one costs a few hundred times more than formatting with it. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Minor-unit digits of a currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  return moneyFormat(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
}

/** Reads an amount typed in the shop's locale into minor units: `12,50` in de-DE → 1250, `12.50` in en-US → 1250. */
export function parseMoney(text: string, locale: string, currency: string, options: { allowNegative?: boolean } = {}): ParsedUnits {
  return parseUnits(text, locale, { fractionDigits: currencyDigits(currency), allowNegative: options.allowNegative });
}

/** Minor units as typed into a money field, without the symbol: 123450 → `1.234,50` in de-DE. */
export function formatMoneyInput(minor: number, locale: string, currency: string): string {
  return formatUnits(minor, locale, currencyDigits(currency));
}

/** Minor units for reading, with the currency as the locale places it: 1999 EUR → `€19.99` (en-US), `19,99 €` (de-DE). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  return moneyFormat(currency, locale).format(unitsAsDecimal(minor, currencyDigits(currency)));
}

/** The currency symbol and which side of the number the locale writes it on. */
export function currencyAffix(locale: string, currency: string): { symbol: string; position: 'start' | 'end' } {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  const symbolIndex = parts.findIndex((part) => part.type === 'currency');
  const numberIndex = parts.findIndex((part) => part.type === 'integer');
  return { symbol: parts[symbolIndex]?.value ?? currency, position: symbolIndex < numberIndex ? 'start' : 'end' };
}
