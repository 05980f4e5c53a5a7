import type { ValueFormat } from '@kassa/analytics-core';
import { minorUnitDigits } from '@kassa/api/spreadsheets';

// Building an Intl.NumberFormat costs more than a small report: one per locale and currency, for the process's life.
const formats = new Map<string, ValueFormat>();

/** Minor units spelled as the shop writes money ("€1,234.50" in en-IE, "1.234,50 €" in de-DE). */
export function moneyFormat(locale: string, currency: string): ValueFormat {
  const key = `${locale}/${currency}`;
  let money = formats.get(key);
  if (!money) {
    const digits = minorUnitDigits(currency);
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    money = (minor) => format.format(minor / 10 ** digits);
    formats.set(key, money);
  }
  return money;
}
