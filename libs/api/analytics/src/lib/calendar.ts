const DAY = 86_400_000;

/** `date` (YYYY-MM-DD) moved by whole days, in calendar arithmetic (no clock, no daylight saving). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
}

// One formatter per time zone for the process's life: building one costs more than answering a cached report.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day it is now in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}
