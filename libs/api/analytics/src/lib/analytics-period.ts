import { addDays, daysBetween, todayIn } from './calendar';

const DEFAULT_DAYS = 90;
export const MAX_DAYS = 3 * 366;
// Lifetime value looks back this far when no `from` is given: in practice, since the shop opened.
const ALL_HISTORY_DAYS = 30 * 366;

export type Period = { from: string; to: string } | { fault: 'reversed' | 'too-long' };

/** The local days a question covers: `to` defaults to today in the shop's time zone, `from` to 89 days before (or all history). */
export function periodOf(query: { from?: string; to?: string }, timeZone: string, allHistory: boolean, now = new Date()): Period {
  const to = query.to ?? todayIn(timeZone, now);
  const from = allHistory ? addDays(to, -(ALL_HISTORY_DAYS - 1)) : (query.from ?? addDays(to, -(DEFAULT_DAYS - 1)));
  if (from > to) return { fault: 'reversed' };
  if (!allHistory && daysBetween(from, to) > MAX_DAYS) return { fault: 'too-long' };
  return { from, to };
}
