'use client';
import type { operations, Schemas } from '@kassa/api-client';
import { callApi, useApiQuery, type ApiAccess } from '@kassa/web/data-access';
import { apiFilters, type AnalyticsFilters } from './analytics-filters';

export type Summary = Schemas['SummaryDto'];
export type PeriodFigures = Schemas['PeriodFiguresDto'];
export type Trend = Schemas['TrendDto'];
export type Forecast = Schemas['ForecastDto'];
export type ForecastPoint = Schemas['ForecastPointDto'];
export type Seasonality = Schemas['SeasonalityDto'];
export type SeasonalPattern = Schemas['SeasonalPatternDto'];
export type Anomalies = Schemas['AnomaliesDto'];
export type TopProducts = Schemas['TopProductsDto'];
export type Baskets = Schemas['BasketsDto'];
export type Customers = Schemas['CustomersDto'];
export type Velocity = Schemas['VelocityDto'];
export type Metric = Trend['metric'];

type ExportQuery = operations['exportAnalytics']['parameters']['query'];
export type AnalyticsReport = ExportQuery['report'];
/** A report's own options beyond the shared filters (metric, horizon, by, limit…), as the export takes them too. */
export type ReportOptions = Omit<ExportQuery, 'report' | 'format' | 'bom' | 'from' | 'to' | 'storeId'>;

/** Query keys start with `analytics`, so a sale's rollup refresh can invalidate every figure at once. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  report: (report: AnalyticsReport, filters: AnalyticsFilters, options: ReportOptions = {}) => ['analytics', report, filters, options] as const,
};

const options = (enabled: boolean) => ({ enabled, keepPrevious: true });

export const useSummary = (filters: AnalyticsFilters, enabled = true) =>
  useApiQuery(
    analyticsKeys.report('summary', filters),
    (http, signal) => http.GET('/api/v1/analytics/summary', { params: { query: apiFilters(filters) }, signal }),
    options(enabled),
  );

export const useTrend = (filters: AnalyticsFilters, metric: Metric = 'revenue', enabled = true) =>
  useApiQuery(
    analyticsKeys.report('trend', filters, { metric }),
    (http, signal) => http.GET('/api/v1/analytics/trend', { params: { query: { ...apiFilters(filters), metric } }, signal }),
    options(enabled),
  );

export const useForecast = (filters: AnalyticsFilters, metric: Metric = 'revenue', horizon = 14, enabled = true) =>
  useApiQuery(
    analyticsKeys.report('forecast', filters, { metric, horizon }),
    (http, signal) => http.GET('/api/v1/analytics/forecast', { params: { query: { ...apiFilters(filters), metric, horizon } }, signal }),
    options(enabled),
  );

export const useSeasonality = (filters: AnalyticsFilters, metric: Metric = 'revenue', enabled = true) =>
  useApiQuery(
    analyticsKeys.report('seasonality', filters, { metric }),
    (http, signal) => http.GET('/api/v1/analytics/seasonality', { params: { query: { ...apiFilters(filters), metric } }, signal }),
    options(enabled),
  );

export const useAnomalies = (filters: AnalyticsFilters, metric: Metric = 'revenue', enabled = true) =>
  useApiQuery(
    analyticsKeys.report('anomalies', filters, { metric }),
    (http, signal) => http.GET('/api/v1/analytics/anomalies', { params: { query: { ...apiFilters(filters), metric } }, signal }),
    options(enabled),
  );

export const useTopProducts = (filters: AnalyticsFilters, by: 'revenue' | 'quantity' | 'margin' = 'revenue', limit = 20, enabled = true) =>
  useApiQuery(
    analyticsKeys.report('top-products', filters, { by, limit }),
    (http, signal) => http.GET('/api/v1/analytics/top-products', { params: { query: { ...apiFilters(filters), by, limit } }, signal }),
    options(enabled),
  );

export const useBaskets = (filters: AnalyticsFilters, limit = 20, enabled = true) =>
  useApiQuery(
    analyticsKeys.report('baskets', filters, { limit }),
    (http, signal) => http.GET('/api/v1/analytics/baskets', { params: { query: { ...apiFilters(filters), limit } }, signal }),
    options(enabled),
  );

export const useCustomers = (filters: AnalyticsFilters, limit = 20, enabled = true) =>
  useApiQuery(
    analyticsKeys.report('customers', filters, { limit }),
    (http, signal) => http.GET('/api/v1/analytics/customers', { params: { query: { ...apiFilters(filters), limit } }, signal }),
    options(enabled),
  );

export const useVelocity = (filters: AnalyticsFilters, limit = 20, enabled = true) =>
  useApiQuery(
    analyticsKeys.report('velocity', filters, { limit }),
    (http, signal) => http.GET('/api/v1/analytics/velocity', { params: { query: { ...apiFilters(filters), limit } }, signal }),
    options(enabled),
  );

/** The report as the API exports it (same filters and options), saved by the browser. */
export async function downloadAnalyticsExport(
  access: ApiAccess,
  report: AnalyticsReport,
  format: 'csv' | 'xlsx',
  filters: AnalyticsFilters,
  reportOptions: ReportOptions,
): Promise<void> {
  const file = await callApi(access, (http) =>
    http.GET('/api/v1/analytics/export', {
      params: { query: { ...apiFilters(filters), ...reportOptions, report, format, ...(format === 'csv' ? { bom: true } : {}) } },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(file as Blob);
  const store = filters.storeId ? '-store' : '';
  const link = Object.assign(document.createElement('a'), { href: url, download: `kassa-${report}${store}-${filters.from}-${filters.to}.${format}` });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the browser has started the download, not before.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
