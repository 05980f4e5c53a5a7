/** One day's value; `date` is the shop's local calendar day as YYYY-MM-DD. */
export interface DailyPoint {
  date: string;
  value: number;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}
