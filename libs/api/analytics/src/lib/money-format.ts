import type { ValueFormat } from '@kassa/analytics-core';
import { minorUnitDigits } from '@kassa/api/spreadsheets';

/** Minor units spelled as the shop writes money ("€1,234.50" in en-IE, "1.234,50 €" in de-DE). */
export function moneyFormat(locale: string, currency: string): ValueFormat {
  const digits = minorUnitDigits(currency);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (minor) => format.format(minor / 10 ** digits);
}
