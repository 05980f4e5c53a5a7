import type { CacheArea, CacheKeyParts } from '@kassa/api/cache';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { analyticsKey, analyticsKeyOfRequest, CachedReport } from './analytics-cache-keys';
import { periodOf } from './analytics-period';
import {
  AnomalyQueryDto,
  AnalyticsQueryDto,
  BasketsQueryDto,
  CustomersQueryDto,
  ForecastQueryDto,
  MetricQueryDto,
  TopProductsQueryDto,
} from './dto/analytics-query.dto';

const STORE = '0192f0c4-0000-7000-8000-000000000001';
const OTHER_STORE = '0192f0c4-0000-7000-8000-000000000002';
const settings = { timeZone: 'Pacific/Kiritimati' };
const request = (query: Record<string, unknown>, options: { storeIds?: string[]; cached?: boolean } = {}) => ({
  query,
  params: {},
  tenantId: 't1',
  storeIds: options.storeIds ?? null,
  peek: async <T>(area: CacheArea, parts: CacheKeyParts) =>
    (options.cached !== false && area === 'tenant-settings' && Object.keys(parts).length === 0 ? settings : undefined) as T | undefined,
});

const DTOS: Record<CachedReport, new () => object> = {
  summary: AnalyticsQueryDto,
  trend: MetricQueryDto,
  seasonality: MetricQueryDto,
  forecast: ForecastQueryDto,
  anomalies: AnomalyQueryDto,
  'top-products': TopProductsQueryDto,
  baskets: BasketsQueryDto,
  customers: CustomersQueryDto,
};

/** The key AnalyticsService reads under for the same query: validated and transformed by its DTO. */
function serviceKey(report: CachedReport, query: Record<string, string>, storeIds: string[] | null = null): CacheKeyParts {
  const dto = plainToInstance(DTOS[report], query) as { storeId?: string; from?: string; to?: string };
  expect(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
  const period = periodOf(dto, settings.timeZone, report === 'customers' && dto.from === undefined);
  if ('fault' in period) throw new Error(period.fault);
  return analyticsKey(report, dto as Record<string, string | number | undefined>, { storeIds: dto.storeId ? [dto.storeId] : storeIds, ...period });
}

describe('analytics cache keys from raw requests', () => {
  const cases: [CachedReport, Record<string, string>][] = [
    ['summary', {}],
    ['summary', { storeId: STORE, from: '2026-01-01', to: '2026-03-31' }],
    ['trend', { metric: 'quantity' }],
    ['seasonality', { to: '2026-02-28' }],
    ['forecast', { metric: 'transactions', horizon: '30' }],
    ['anomalies', { method: 'robust', threshold: '2.5' }],
    ['anomalies', { threshold: '3' }],
    ['top-products', { by: 'margin', limit: '20', from: '2026-02-15' }],
    ['baskets', { minCount: '3' }],
    ['customers', {}],
    ['customers', { from: '2025-01-01', lifespanYears: '5', limit: '10' }],
  ];

  it.each(cases)('build the very key the service reads under (%s %j)', async (report, query) => {
    expect(await analyticsKeyOfRequest(report)(request(query))).toEqual(serviceKey(report, query));
  });

  it("key a store-limited caller's answer by their stores, and refuse a store they may not see", async () => {
    expect(await analyticsKeyOfRequest('summary')(request({}, { storeIds: [STORE] }))).toEqual(serviceKey('summary', {}, [STORE]));
    expect(await analyticsKeyOfRequest('summary')(request({ storeId: STORE }, { storeIds: [STORE] }))).toEqual(serviceKey('summary', { storeId: STORE }));
    expect(await analyticsKeyOfRequest('summary')(request({ storeId: OTHER_STORE }, { storeIds: [STORE] }))).toBeUndefined();
  });

  it("take today from the shop's time zone, so the default period moves with the shop's date", async () => {
    const key = await analyticsKeyOfRequest('summary')(request({}));
    expect(key?.['to']).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone }).format(new Date()));
  });

  it('leave anything validation would refuse or change, or a shop whose settings are not cached, to the usual path', async () => {
    const refused: [CachedReport, Record<string, unknown>][] = [
      ['summary', { metric: 'revenue' }],
      ['summary', { storeId: 'not-a-uuid' }],
      ['summary', { from: '2026-02-30' }],
      ['summary', { from: '2026-03-02', to: '2026-03-01' }],
      ['summary', { from: '2020-01-01', to: '2026-03-01' }],
      ['summary', { unknown: '1' }],
      ['trend', { metric: 'profit' }],
      ['forecast', { horizon: '07' }],
      ['forecast', { horizon: '91' }],
      ['anomalies', { threshold: '0.4' }],
      ['top-products', { limit: ['10', '20'] }],
      ['baskets', { minCount: '0' }],
      ['customers', { lifespanYears: '21' }],
    ];
    for (const [report, query] of refused) expect(await analyticsKeyOfRequest(report)(request(query))).toBeUndefined();
    expect(await analyticsKeyOfRequest('summary')(request({}, { cached: false }))).toBeUndefined();
  });
});
