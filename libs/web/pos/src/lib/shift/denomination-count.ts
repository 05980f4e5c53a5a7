import { countedTotal } from '@kassa/contracts';
import type { DenominationCount } from './shift-api';

/** How many of each note and coin (by value in minor units) the cashier has counted so far. */
export type DrawerCount = Readonly<Record<number, number>>;

/** The count as the API takes it: only the notes and coins counted, largest first. */
export function countedEntries(counts: DrawerCount): DenominationCount[] {
  return Object.entries(counts)
    .map(([value, count]) => ({ valueMinor: Number(value), count }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.valueMinor - a.valueMinor);
}

export const countTotal = (counts: DrawerCount) => countedTotal(countedEntries(counts));

/** One more or one fewer of a note or coin, never below none. */
export function stepCount(counts: DrawerCount, valueMinor: number, step: number): DrawerCount {
  return { ...counts, [valueMinor]: Math.max(0, (counts[valueMinor] ?? 0) + step) };
}
