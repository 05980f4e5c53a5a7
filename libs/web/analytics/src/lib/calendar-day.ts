/** Calendar days as the API writes them (`2026-11-30`), counted without time zones: they are already the shop's local days. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  return match !== null && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
}

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Seconds since the epoch at the day's UTC midnight: the x of a chart drawn in UTC, so each day sits on its own date. */
export const dayToChartX = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
