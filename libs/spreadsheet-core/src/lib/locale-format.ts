/** What a locale writes numbers and dates with, read from Intl so it matches what the shop sees. */
export interface LocaleFormat {
  locale: string;
  decimal: string;
  dateOrder: ('day' | 'month' | 'year')[];
}

export function localeFormat(locale: string): LocaleFormat {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const dateOrder = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(new Date(Date.UTC(2020, 10, 25)))
    .map((part) => part.type)
    .filter((type): type is 'day' | 'month' | 'year' => type === 'day' || type === 'month' || type === 'year');
  return { locale, decimal: decimal === ',' ? ',' : '.', dateOrder };
}

/** Digits after the decimal point in a currency (EUR 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}
