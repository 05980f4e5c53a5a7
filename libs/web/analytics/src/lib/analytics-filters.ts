import { isCalendarDay, shiftDay } from './calendar-day';

type IsoDay = string;

/** What every analysis is asked for: the shop's local days (inclusive) and a store, or every store the person may see. */
export interface AnalyticsFilters {
  from: IsoDay;
  to: IsoDay;
  storeId?: string;
}

/** The API's own default: the 90 days up to today. */
export const DEFAULT_DAYS = 90;

/** Filters from a screen's URL; what is missing or malformed falls back to the last 90 days and every store. */
export function filtersFromSearch(search: URLSearchParams, today: IsoDay): AnalyticsFilters {
  const read = (name: string) => {
    const value = search.get(name);
    return value && isCalendarDay(value) ? value : undefined;
  };
  const to = read('to') ?? today;
  const from = read('from') ?? shiftDay(to, -(DEFAULT_DAYS - 1));
  const storeId = search.get('storeId') || undefined;
  return from <= to ? { from, to, storeId } : { from: to, to: from, storeId };
}

/** The query string that carries filters from one screen (or a dashboard card) to another. */
export function searchOfFilters(filters: Partial<AnalyticsFilters>): string {
  const search = new URLSearchParams();
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  if (filters.storeId) search.set('storeId', filters.storeId);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The filters as the API takes them (`storeId` left out for every store). */
export function apiFilters(filters: AnalyticsFilters): { from: string; to: string; storeId?: string } {
  return filters.storeId ? { from: filters.from, to: filters.to, storeId: filters.storeId } : { from: filters.from, to: filters.to };
}
