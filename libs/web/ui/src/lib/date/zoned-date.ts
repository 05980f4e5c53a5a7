/**
 * Calendar days in the shop's time zone. A day is a `YYYY-MM-DD` string; it becomes instants only
 * at the edge, as [start of the day, start of the next day) in that zone, so "today" and a sales
 * range mean the shop's day wherever the device is and across daylight-saving changes.
 */

export type IsoDay = string;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One wall-clock formatter per zone: making one costs about twenty times using it, and `today()` runs on every render of a dated screen. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClockIn(timeZone: string): Intl.DateTimeFormat {
  let clock = wallClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(timeZone, clock);
  }
  return clock;
}

function partsIn(instant: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = wallClockIn(timeZone).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute'), second: value('second') };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const wall = partsIn(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function isIsoDay(value: string): value is IsoDay {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The shop's calendar day at `instant` (`2026-03-29` in Europe/Berlin at 23:30 UTC on the 28th). */
export function dayIn(instant: Date, timeZone: string): IsoDay {
  const { year, month, day } = partsIn(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant the day starts in the zone (local midnight, or the first valid minute if midnight is skipped). */
export function startOfDay(day: IsoDay, timeZone: string): Date {
  const match = DAY.exec(day);
  if (!match || !isIsoDay(day)) throw new RangeError(`${day} is not a calendar day (YYYY-MM-DD)`);
  const midnightAsUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Try the zone's offset on either side of a clock change. Where midnight falls into a skipped hour,
  // only one candidate lands on the day itself: the day starts when the gap ends.
  const first = midnightAsUtc - offsetAt(new Date(midnightAsUtc), timeZone);
  const second = midnightAsUtc - offsetAt(new Date(first), timeZone);
  const onTheDay = [first, second].filter((candidate) => dayIn(new Date(candidate), timeZone) === day);
  return new Date(onTheDay.length > 0 ? Math.min(...onTheDay) : second);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`${day} is not a calendar day (YYYY-MM-DD)`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days)).toISOString().slice(0, 10);
}

/** The instants a range of days covers, `from` inclusive to the end of `to`: `[from 00:00, to+1 00:00)` in the zone. */
export function dayRangeInstants(from: IsoDay, to: IsoDay, timeZone: string): { from: string; to: string } {
  return { from: startOfDay(from, timeZone).toISOString(), to: startOfDay(addDays(to, 1), timeZone).toISOString() };
}

export interface DayRange {
  from: IsoDay;
  to: IsoDay;
}

/** The usual ranges, counted from the shop's today. */
export function presetRanges(today: IsoDay): { id: string; label: string; range: DayRange }[] {
  const monthStart = `${today.slice(0, 8)}01`;
  return [
    { id: 'today', label: 'Today', range: { from: today, to: today } },
    { id: 'yesterday', label: 'Yesterday', range: { from: addDays(today, -1), to: addDays(today, -1) } },
    { id: 'last-7', label: 'Last 7 days', range: { from: addDays(today, -6), to: today } },
    { id: 'last-30', label: 'Last 30 days', range: { from: addDays(today, -29), to: today } },
    { id: 'this-month', label: 'This month', range: { from: monthStart, to: today } },
  ];
}

/** A day as the shop's locale writes it (`Sun, 29 Mar 2026` in en-GB). */
export function formatDay(day: IsoDay, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  // Noon UTC of the day is that same day in UTC formatting, whatever the device's zone.
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}
