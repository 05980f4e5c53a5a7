import { searchOfFilters, shiftDay, type AnalyticsFilters } from '@kassa/web/analytics';

/** Today in the shop's time zone, and the store picked on the board (none: every store the person may see). */
export interface DashboardScope {
  today: string;
  storeId?: string;
}

/** Where a card's analysis opens, with the days it looked at and its store. */
export function analysisLink(slug: string, scope: DashboardScope, filters: Partial<AnalyticsFilters>): string {
  return `/analytics/${slug}${searchOfFilters({ ...filters, storeId: scope.storeId })}`;
}

export const daysBefore = (scope: DashboardScope, days: number) => shiftDay(scope.today, -days);
