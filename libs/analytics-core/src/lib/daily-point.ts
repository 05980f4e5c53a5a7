/** One day's value; `date` is the shop's local calendar day as YYYY-MM-DD. */
export interface DailyPoint {
  date: string;
  value: number;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

const DAY = 86_400_000;

/**
 * The consecutive days from `from` to `to` (inclusive, YYYY-MM-DD), each with the sum of the rows on
 * that day and 0 where there are none — rollups store only days with sales, the series need every day.
 * Calendar arithmetic in UTC, so a daylight-saving change never drops or repeats a day.
 */
export function fillDays(rows: readonly DailyPoint[], from: string, to: string): DailyPoint[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.date, (totals.get(row.date) ?? 0) + row.value);
  const points: DailyPoint[] = [];
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += DAY) {
    const date = new Date(day).toISOString().slice(0, 10);
    points.push({ date, value: totals.get(date) ?? 0 });
  }
  return points;
}
