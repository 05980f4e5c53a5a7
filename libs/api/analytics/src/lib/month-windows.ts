import { addDays, daysBetween } from './calendar';

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

/**
 * How to read `from`…`to` from a monthly rollup and its daily one with the fewest daily rows: whole calendar months
 * (first days of the first and last, or null), plus the days in `days`, minus the days in `outside`. A month the period
 * only partly covers is read whole, less its days outside the period, when fewer of its days lie outside than inside.
 */
export interface MonthReads {
  months: { from: string; to: string } | null;
  days: { from: string; to: string }[];
  outside: { from: string; to: string }[];
}

export function readsByMonth(from: string, to: string): MonthReads {
  const split = splitIntoMonths(from, to);
  let months = split.months;
  const days: { from: string; to: string }[] = [];
  const outside: { from: string; to: string }[] = [];
  // A range left at an end spans one month, or two when no whole month fits.
  for (const piece of split.days.flatMap((range) => byMonth(range.from, range.to))) {
    const start = monthStart(piece.from);
    const end = addDays(nextMonth(piece.from), -1);
    const inside = daysBetween(piece.from, piece.to);
    if (daysBetween(start, end) - inside >= inside) {
      days.push(piece);
      continue;
    }
    months = { from: months && months.from < start ? months.from : start, to: months && months.to > start ? months.to : start };
    if (start < piece.from) outside.push({ from: start, to: addDays(piece.from, -1) });
    if (piece.to < end) outside.push({ from: addDays(piece.to, 1), to: end });
  }
  return { months, days, outside };
}

/** `from`…`to` cut at month boundaries. */
function byMonth(from: string, to: string): { from: string; to: string }[] {
  const end = addDays(nextMonth(from), -1);
  return end >= to ? [{ from, to }] : [{ from, to: end }, ...byMonth(addDays(end, 1), to)];
}

const monthStart = (day: string) => `${day.slice(0, 8)}01`;
const isMonthStart = (day: string) => day.endsWith('-01');
const nextMonth = (day: string) => {
  const [year, month] = day.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
};
