import { addDays } from './calendar';

/** Calendar months covering `firstDay`…`lastDay` (YYYY-MM-DD), clipped to them: a rebuild's unit of work. */
export function monthWindows(firstDay: string, lastDay: string): { fromDay: string; toDay: string }[] {
  const windows: { fromDay: string; toDay: string }[] = [];
  let [year, month] = firstDay.split('-').map(Number);
  for (;;) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (start > lastDay) break;
    windows.push({ fromDay: start < firstDay ? firstDay : start, toDay: end > lastDay ? lastDay : end });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return windows;
}

/** `from`…`to` as the whole calendar months inside it (first days of the first and last, or null) and the days left at its ends. */
export interface MonthSplit {
  months: { from: string; to: string } | null;
  days: { from: string; to: string }[];
}

export function splitIntoMonths(from: string, to: string): MonthSplit {
  const first = isMonthStart(from) ? from : nextMonth(from);
  // The first day after the whole months.
  const after = isMonthStart(addDays(to, 1)) ? addDays(to, 1) : monthStart(to);
  if (first >= after) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < first) days.push({ from, to: addDays(first, -1) });
  if (after <= to) days.push({ from: after, to });
  return { months: { from: first, to: monthStart(addDays(after, -1)) }, days };
}

const monthStart = (day: string) => `${day.slice(0, 8)}01`;
const isMonthStart = (day: string) => day.endsWith('-01');
const nextMonth = (day: string) => {
  const [year, month] = day.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
};
