import type { CacheKeyParts, EarlyCacheRequest } from '@kassa/api/cache';
import { isCalendarDate } from '@kassa/api/http';
import { cachedTenantSettings } from '@kassa/api/tenancy';
import { isUUID } from 'class-validator';
import { periodOf } from './analytics-period';
import { ANALYTICS_METRICS } from './dto/analytics-query.dto';

export type CachedReport = 'summary' | 'trend' | 'forecast' | 'seasonality' | 'anomalies' | 'top-products' | 'baskets' | 'customers';

/**
 * An analytics answer's entry: the report, its parameters as validated (fields left out are absent, not undefined),
 * the resolved days and the stores it covers (`[storeId]`, the caller's stores, or null for all).
 */
export function analyticsKey(
  report: CachedReport,
  parameters: Readonly<Record<string, string | number | boolean | undefined>>,
  scope: { storeIds: readonly string[] | null; from: string; to: string },
): CacheKeyParts {
  const given = Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined));
  return { ...given, answer: report, from: scope.from, to: scope.to, stores: scope.storeIds };
}

type Field = (raw: string) => string | number | undefined;

const choice =
  (values: readonly string[]): Field =>
  (raw) =>
    values.includes(raw) ? raw : undefined;
const integer =
  (min: number, max: number): Field =>
  (raw) =>
    /^[1-9]\d*$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : undefined;
const decimal =
  (min: number, max: number): Field =>
  (raw) =>
    /^\d+(\.\d+)?$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : undefined;
const uuid: Field = (raw) => (isUUID(raw) ? raw : undefined);
const day: Field = (raw) => (isCalendarDate(raw) ? raw : undefined);

const FILTERS = { storeId: uuid, from: day, to: day };
const WITH_METRIC = { ...FILTERS, metric: choice(ANALYTICS_METRICS) };
const WITH_LIMIT = { ...FILTERS, limit: integer(1, 200) };

/** Each cached report's query fields as its DTO validates and transforms them (analytics-query.dto.ts). */
const FIELDS: Record<CachedReport, Record<string, Field>> = {
  summary: FILTERS,
  trend: WITH_METRIC,
  seasonality: WITH_METRIC,
  forecast: { ...WITH_METRIC, horizon: integer(1, 90) },
  anomalies: { ...WITH_METRIC, method: choice(['z-score', 'robust']), threshold: decimal(0.5, 10) },
  'top-products': { ...WITH_LIMIT, by: choice(['revenue', 'quantity', 'margin']) },
  baskets: { ...WITH_LIMIT, minCount: integer(1, 1_000_000) },
  customers: { ...WITH_LIMIT, lifespanYears: integer(1, 20) },
};

/**
 * `analyticsKey` from a raw request, for answering before the tenant transaction (decision 0043): only when every
 * field is in a form validation accepts, the store is one the caller may see, the period is valid, and the shop's
 * settings (its time zone gives "today") are in the tenant cache. Anything else goes the usual way. A store that does
 * not exist has no entry (the usual path answers 404 before anything is cached for it).
 */
export const analyticsKeyOfRequest =
  (report: CachedReport) =>
  async (request: EarlyCacheRequest): Promise<CacheKeyParts | undefined> => {
    const fields = FIELDS[report];
    const parameters: Record<string, string | number> = {};
    for (const [name, raw] of Object.entries(request.query)) {
      const value = name in fields && typeof raw === 'string' ? fields[name](raw) : undefined;
      if (value === undefined) return undefined;
      parameters[name] = value;
    }
    const storeId = parameters['storeId'] as string | undefined;
    if (storeId !== undefined && request.storeIds !== null && !request.storeIds.includes(storeId)) return undefined;
    const tenant = await cachedTenantSettings(request);
    if (!tenant) return undefined;
    const period = periodOf(
      { from: parameters['from'] as string | undefined, to: parameters['to'] as string | undefined },
      tenant.timeZone,
      report === 'customers' && parameters['from'] === undefined,
    );
    if ('fault' in period) return undefined;
    return analyticsKey(report, parameters, { storeIds: storeId ? [storeId] : request.storeIds, ...period });
  };
