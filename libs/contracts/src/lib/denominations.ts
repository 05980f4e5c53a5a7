/** A note or coin of a currency, in minor units. */
export interface Denomination {
  valueMinor: number;
  kind: 'note' | 'coin';
}

const notes = (...values: number[]): Denomination[] => values.map((valueMinor) => ({ valueMinor, kind: 'note' }));
const coins = (...values: number[]): Denomination[] => values.map((valueMinor) => ({ valueMinor, kind: 'coin' }));

/**
 * The notes and coins in circulation that a drawer holds, largest first, per ISO 4217 currency: what the till's
 * counter offers and what a close's `denominations` may name. Rarely seen notes (EUR 500, USD 2) are left out of the
 * counter, not out of the list, so a drawer that holds one can still be counted.
 */
export const CURRENCY_DENOMINATIONS: Readonly<Record<string, readonly Denomination[]>> = {
  EUR: [...notes(50000, 20000, 10000, 5000, 2000, 1000, 500), ...coins(200, 100, 50, 20, 10, 5, 2, 1)],
  USD: [...notes(10000, 5000, 2000, 1000, 500, 200, 100), ...coins(50, 25, 10, 5, 1)],
  GBP: [...notes(5000, 2000, 1000, 500), ...coins(200, 100, 50, 20, 10, 5, 2, 1)],
  CHF: [...notes(100000, 20000, 10000, 5000, 2000, 1000), ...coins(500, 200, 100, 50, 20, 10, 5)],
  SEK: [...notes(100000, 50000, 20000, 10000, 5000, 2000), ...coins(1000, 500, 200, 100)],
  DKK: [...notes(100000, 50000, 20000, 10000, 5000), ...coins(2000, 1000, 500, 200, 100, 50)],
  NOK: [...notes(100000, 50000, 20000, 10000, 5000), ...coins(2000, 1000, 500, 100)],
  PLN: [...notes(50000, 20000, 10000, 5000, 2000, 1000), ...coins(500, 200, 100, 50, 20, 10, 5, 2, 1)],
  CZK: [...notes(500000, 200000, 100000, 50000, 20000, 10000), ...coins(5000, 2000, 1000, 500, 200, 100)],
  CAD: [...notes(10000, 5000, 2000, 1000, 500), ...coins(200, 100, 25, 10, 5)],
  AUD: [...notes(10000, 5000, 2000, 1000, 500), ...coins(200, 100, 50, 20, 10, 5)],
};

/** The currency's notes and coins, largest first; `undefined` for a currency the list does not know (any value is then counted as given). */
export function denominationsOf(currency: string): readonly Denomination[] | undefined {
  return CURRENCY_DENOMINATIONS[currency.toUpperCase()];
}

/** What a count of notes and coins adds up to, in minor units. */
export function countedTotal(counts: readonly { valueMinor: number; count: number }[]): number {
  return counts.reduce((sum, entry) => sum + entry.valueMinor * entry.count, 0);
}
