import { Injectable } from '@nestjs/common';
import {
  anomalies,
  CustomerOrder,
  dayOfWeekPattern,
  fillDays,
  forecast,
  hourOfDayProfile,
  lifetimeValue,
  monthOfYearPattern,
  plainNumber,
  salesVelocity,
  SaleLineFact,
  scoreBasketPairs,
  topProducts,
  trend,
  ValueFormat,
} from '@kassa/analytics-core';
import { countOf } from '@kassa/contracts';
import { ProductsService } from '@kassa/api/catalog';
import { CustomersService } from '@kassa/api/customers';
import { TenantCache } from '@kassa/api/cache';
import { RequestContext } from '@kassa/api/http';
import { StockService } from '@kassa/api/inventory';
import { assertStoreVisible, StoresService, TenantsService, visibleStoreIds } from '@kassa/api/tenancy';
import { analyticsReads, CustomerTotals, DayTotals, ProductTotals, RollupScope } from './analytics-reads';
import { rankPackedPairs } from './basket-packs';
import { rangeTooLong, rangeReversed } from './analytics.exception';
import { analyticsKey, CachedReport } from './analytics-cache-keys';
import { MAX_DAYS, periodOf } from './analytics-period';
import { addDays, daysBetween } from './calendar';
import { moneyFormat } from './money-format';
import type {
  AnalyticsMetric,
  AnalyticsQueryDto,
  AnomalyQueryDto,
  BasketsQueryDto,
  CustomersQueryDto,
  ForecastQueryDto,
  LimitQueryDto,
  MetricQueryDto,
  TopProductsQueryDto,
} from './dto/analytics-query.dto';
import type {
  AnalyticsScopeDto,
  AnomaliesDto,
  BasketsDto,
  ChangeDto,
  CustomersDto,
  ForecastDto,
  PeriodFiguresDto,
  SeasonalityDto,
  SummaryDto,
  TopProductsDto,
  TrendDto,
  VelocityDto,
} from './dto/analytics.dto';

const FORECAST_HISTORY_DAYS = 365;
const MONTH_HISTORY_DAYS = 3 * 365;

/** A question's resolved filters and the shop's ways of speaking. */
interface Question {
  scope: RollupScope;
  storeId: string | null;
  timeZone: string;
  currency: string;
  money: ValueFormat;
}

/** The export's own query fields: the same report exported or read shares a cache entry. */
const EXPORT_ONLY = new Set(['report', 'format', 'bom']);

const METRIC_LABELS: Record<AnalyticsMetric, string> = { revenue: 'revenue', transactions: 'transactions', quantity: 'units sold' };

const valueOf = (metric: AnalyticsMetric) => (day: { revenueMinor: number; transactions: number; quantity: number }) =>
  metric === 'revenue' ? day.revenueMinor : metric === 'transactions' ? day.transactions : day.quantity;

const percentChange = (now: number | null, before: number | null) =>
  now === null || before === null || before === 0 ? null : ((now - before) / Math.abs(before)) * 100;

function figuresOf(days: readonly DayTotals[], from: string, to: string): PeriodFiguresDto {
  const sum = (pick: (day: DayTotals) => number) => days.filter((day) => day.date >= from && day.date <= to).reduce((total, day) => total + pick(day), 0);
  const revenueMinor = sum((day) => day.revenueMinor);
  const transactions = sum((day) => day.transactions);
  const costedRevenue = sum((day) => day.costedRevenueMinor);
  const cost = sum((day) => day.costMinor);
  const unknownCostLines = sum((day) => day.unknownCostLines);
  const anyCost = costedRevenue !== 0 || cost !== 0;
  return {
    from,
    to,
    revenueMinor,
    transactions,
    averageBasketMinor: transactions === 0 ? null : Math.round(revenueMinor / transactions),
    marginMinor: anyCost || unknownCostLines === 0 ? costedRevenue - cost : null,
    unknownCostLines,
    quantity: sum((day) => day.quantity),
  };
}

const changeOf = (now: PeriodFiguresDto, before: PeriodFiguresDto): ChangeDto => ({
  revenuePercent: percentChange(now.revenueMinor, before.revenueMinor),
  transactionsPercent: percentChange(now.transactions, before.transactions),
  averageBasketPercent: percentChange(now.averageBasketMinor, before.averageBasketMinor),
});

const signedPercent = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}%`;

/**
 * Rollup rows of products as the line facts analytics-core ranks: the part with a cost snapshot as one
 * fact, and one fact per line without one (the first carrying their revenue), so margins and the count
 * of lines left out of them come out as from the lines themselves.
 */
export function factsOf(products: readonly ProductTotals[], date: string): SaleLineFact[] {
  return products.flatMap((product): SaleLineFact[] => {
    const fact = (quantity: number, revenueMinor: number, costMinor: number | null): SaleLineFact => ({
      saleId: product.productId,
      productId: product.productId,
      date,
      quantity,
      revenueMinor,
      costMinor,
    });
    if (product.unknownCostLines === 0) return [fact(product.quantity, product.revenueMinor, product.costMinor)];
    const costed = product.costedRevenueMinor !== 0 || product.costMinor !== 0;
    const unknown = Array.from({ length: product.unknownCostLines }, (_, index) =>
      fact(index === 0 && !costed ? product.quantity : 0, index === 0 ? product.revenueMinor - product.costedRevenueMinor : 0, null),
    );
    return costed ? [fact(product.quantity, product.costedRevenueMinor, product.costMinor), ...unknown] : unknown;
  });
}

/**
 * A customer's totals as the orders lifetimeValue reads: it uses only their count, their sum and the first
 * and last purchase day, so two entries carry all of it (one when both days are the same).
 */
export function ordersOf(customer: CustomerTotals): CustomerOrder[] {
  const { customerId, firstDay, lastDay, orders, revenueMinor } = customer;
  const first: CustomerOrder = { customerId, saleId: `${customerId}/first`, date: firstDay, revenueMinor, orders };
  if (lastDay === firstDay) return [first];
  return [
    { ...first, orders: orders - 1 },
    { customerId, saleId: `${customerId}/last`, date: lastDay, revenueMinor: 0, orders: 1 },
  ];
}

/**
 * The analytics answers (issue 29): every figure from the rollups, computed by analytics-core, and
 * explained in words with money spelled in the shop's locale and currency.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly stores: StoresService,
    private readonly products: ProductsService,
    private readonly customerNames: CustomersService,
    private readonly stock: StockService,
    private readonly cache: TenantCache,
  ) {}

  async summary(context: RequestContext, query: AnalyticsQueryDto): Promise<SummaryDto> {
    const question = await this.question(context, query);
    return this.cached(context, 'summary', query, question, async () => {
      const { from, to } = question.scope;
      const length = daysBetween(from, to);
      const earliest = addDays(from, -length);
      const days = await analyticsReads.days(context.manager, { ...question.scope, from: earliest < addDays(to, -7) ? earliest : addDays(to, -7) });
      const current = figuresOf(days, from, to);
      const previous = figuresOf(days, earliest, addDays(from, -1));
      const lastDay = figuresOf(days, to, to);
      const weekBefore = figuresOf(days, addDays(to, -7), addDays(to, -7));
      const vsPrevious = changeOf(current, previous);
      const vsSameWeekdayLastWeek = changeOf(lastDay, weekBefore);
      const weekday = new Date(`${to}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
      const against = (percent: number | null, what: string) =>
        percent === null ? `nothing to compare with on ${what}` : `${signedPercent(percent)} on ${what}`;
      const explanation =
        `Revenue was ${question.money(current.revenueMinor)} from ${countOf(current.transactions, 'sale', 'sales')} ` +
        `(${against(vsPrevious.revenuePercent, length === 1 ? 'the day before' : `the ${length} days before`)}); ` +
        `${weekday} ${to} took ${question.money(lastDay.revenueMinor)}, ${against(vsSameWeekdayLastWeek.revenuePercent, `the ${weekday} a week earlier`)}.`;
      return { ...this.scopeOf(question, explanation), current, previous, vsPrevious, lastDay, sameWeekdayLastWeek: weekBefore, vsSameWeekdayLastWeek };
    });
  }

  async trend(context: RequestContext, query: MetricQueryDto): Promise<TrendDto> {
    const question = await this.question(context, query);
    return this.cached(context, 'trend', query, question, async () => {
      const metric = query.metric ?? 'revenue';
      const { from, to } = question.scope;
      const before = addDays(from, -daysBetween(from, to));
      const rows = await analyticsReads.days(context.manager, { ...question.scope, from: before });
      const series = this.series(rows, metric, from, to);
      const previous = this.series(rows, metric, before, addDays(from, -1)).map((point) => point.value);
      const result = trend(
        series.map((point) => point.value),
        { previous, label: METRIC_LABELS[metric], format: this.formatOf(question, metric) },
      );
      return { ...this.scopeOf(question, result.explanation), metric, ...result, series };
    });
  }

  async forecast(context: RequestContext, query: ForecastQueryDto): Promise<ForecastDto> {
    const question = await this.question(context, query);
    return this.cached(context, 'forecast', query, question, async () => {
      const metric = query.metric ?? 'revenue';
      const horizon = query.horizon ?? 14;
      const { to } = question.scope;
      const firstDay = await analyticsReads.firstDay(context.manager, question.scope.storeIds);
      const earliest = addDays(to, -(FORECAST_HISTORY_DAYS - 1));
      // Days before the shop's first sale are not days without sales: learning from them would drag the forecast down.
      const trainedFrom = firstDay && firstDay > earliest && firstDay <= to ? firstDay : earliest;
      const rows = await analyticsReads.days(context.manager, { ...question.scope, from: trainedFrom });
      const values = this.series(rows, metric, trainedFrom, to).map((point) => point.value);
      const result = forecast(values, { horizon, format: this.formatOf(question, metric) });
      const dated = (points: { value: number; low: number; high: number }[]) => points.map((point, index) => ({ date: addDays(to, index + 1), ...point }));
      const methods = Object.fromEntries(Object.entries(result.methods).map(([method, points]) => [method, dated(points)]));
      return {
        ...this.scopeOf(question, result.explanation),
        metric,
        trainedFrom,
        horizon,
        best: result.best,
        reason: result.reason,
        points: methods[result.best],
        methods,
        backtest: result.backtest,
        holtWintersParameters: result.holtWintersParameters,
      };
    });
  }

  async seasonality(context: RequestContext, query: MetricQueryDto): Promise<SeasonalityDto> {
    const question = await this.question(context, query);
    return this.cached(context, 'seasonality', query, question, async () => {
      const metric = query.metric ?? 'revenue';
      const options = { label: METRIC_LABELS[metric], format: this.formatOf(question, metric) };
      const { from, to } = question.scope;
      const firstDay = await analyticsReads.firstDay(context.manager, question.scope.storeIds);
      const earliest = addDays(to, -(MONTH_HISTORY_DAYS - 1));
      const monthsFrom = firstDay && firstDay > earliest && firstDay <= to ? firstDay : earliest;
      const rows = await analyticsReads.days(context.manager, { ...question.scope, from: monthsFrom < from ? monthsFrom : from });
      const hours = await analyticsReads.hours(context.manager, question.scope);
      const dayOfWeek = dayOfWeekPattern(this.series(rows, metric, from, to), options);
      const monthOfYear = monthOfYearPattern(this.series(rows, metric, monthsFrom, to), options);
      const hourOfDay = hourOfDayProfile(
        hours.map((hour) => ({ date: hour.date, hour: hour.hour, value: valueOf(metric)(hour) })),
        options,
      );
      return { ...this.scopeOf(question, dayOfWeek.explanation), metric, dayOfWeek, monthOfYear, hourOfDay };
    });
  }

  async anomalies(context: RequestContext, query: AnomalyQueryDto): Promise<AnomaliesDto> {
    const question = await this.question(context, query);
    return this.cached(context, 'anomalies', query, question, async () => {
      const metric = query.metric ?? 'revenue';
      const rows = await analyticsReads.days(context.manager, question.scope);
      const report = anomalies(this.series(rows, metric, question.scope.from, question.scope.to), {
        method: query.method,
        threshold: query.threshold,
        label: METRIC_LABELS[metric],
        format: this.formatOf(question, metric),
      });
      return { ...this.scopeOf(question, report.explanation), metric, ...report };
    });
  }

  async topProducts(context: RequestContext, query: TopProductsQueryDto): Promise<TopProductsDto> {
    const question = await this.question(context, query);
    return this.cached(context, 'top-products', query, question, async () => {
      const facts = factsOf(await analyticsReads.products(context.manager, question.scope), question.scope.to);
      const options = { by: query.by, limit: query.limit ?? 10 };
      // Ranked first, so that only the products shown are named.
      const names = await this.productNames(
        context,
        topProducts(facts, options).products.map((product) => product.productId),
      );
      const ranked = topProducts(facts, { ...options, nameOf: (id) => names.get(id) ?? id });
      return {
        ...this.scopeOf(question, ranked.explanation),
        by: ranked.by,
        unknownCostLines: ranked.unknownCostLines,
        products: ranked.products.map((product) => ({ ...product, name: names.get(product.productId) ?? product.productId })),
      };
    });
  }

  async baskets(context: RequestContext, query: BasketsQueryDto): Promise<BasketsDto> {
    const question = await this.question(context, query);
    return this.cached(context, 'baskets', query, question, async () => {
      const minCount = query.minCount ?? 2;
      const limit = query.limit ?? 20;
      const { packs, maxKey } = await analyticsReads.basketPacks(context.manager, question.scope);
      const ranked = rankPackedPairs(packs, maxKey, minCount, limit);
      const ids =
        ranked.pairs.length === 0
          ? new Map<number, string>()
          : await analyticsReads.productsOfKeys(
              context.manager,
              ranked.pairs.flatMap((pair) => [pair.keyA, pair.keyB]),
            );
      const pairs = ranked.pairs.map(({ keyA, keyB, count, withA, withB }) => ({
        productA: ids.get(keyA) ?? '',
        productB: ids.get(keyB) ?? '',
        count,
        withA,
        withB,
      }));
      const names = await this.productNames(
        context,
        pairs.flatMap((pair) => [pair.productA, pair.productB]),
      );
      const nameOf = (id: string) => names.get(id) ?? id;
      // The pairs tied with the last one shown are among these too: scoring orders them by the products' ids and keeps `limit`.
      const analysis = scoreBasketPairs(
        {
          baskets: ranked.baskets,
          single: new Map(pairs.flatMap((pair) => [[pair.productA, pair.withA] as const, [pair.productB, pair.withB] as const])),
          pairs,
        },
        { minCount, limit, nameOf },
      );
      return {
        ...this.scopeOf(question, analysis.explanation),
        baskets: analysis.baskets,
        pairs: analysis.pairs.map((pair) => ({ ...pair, productAName: nameOf(pair.productA), productBName: nameOf(pair.productB) })),
      };
    });
  }

  /** Lifetime value counts every sale up to `to`, from the first, unless `from` is given. */
  async customers(context: RequestContext, query: CustomersQueryDto): Promise<CustomersDto> {
    const question = await this.question(context, query, { allHistory: query.from === undefined });
    return this.cached(context, 'customers', query, question, async () => {
      const totals = await analyticsReads.customers(context.manager, question.scope);
      const value = lifetimeValue(totals.flatMap(ordersOf), {
        asOf: question.scope.to,
        lifespanYears: query.lifespanYears,
        limit: query.limit ?? 50,
        format: question.money,
      });
      const names = await this.customerNames.namesOf(
        context,
        value.customers.map((customer) => customer.customerId),
      );
      return {
        ...this.scopeOf(question, value.explanation),
        lifespanYears: value.lifespanYears,
        cohorts: value.cohorts,
        customers: value.customers.map((customer) => ({ ...customer, name: names.get(customer.customerId) ?? '' })),
      };
    });
  }

  /** Not cached: days of cover follow stock on hand, which moves without a sale. */
  async velocity(context: RequestContext, query: LimitQueryDto): Promise<VelocityDto> {
    const question = await this.question(context, query);
    const totals = await analyticsReads.products(context.manager, question.scope);
    const onHand = await this.stock.onHand(context, question.scope.storeIds);
    const sold = new Set(totals.map((total) => total.productId));
    // Products that sold, and products in stock that did not (they have cover but no rate).
    const stockOnHand = new Map([...onHand].filter(([productId, units]) => sold.has(productId) || units > 0));
    const days = daysBetween(question.scope.from, question.scope.to);
    const facts = factsOf(totals, question.scope.to);
    // Ranked first, so that only the products shown are named; each product's figures are its own, so the ones shown
    // come out the same, in the same order, when computed alone.
    const shown = new Set(
      salesVelocity(facts, { days, stockOnHand })
        .slice(0, query.limit ?? 50)
        .map((product) => product.productId),
    );
    const names = await this.productNames(context, [...shown]);
    const products = salesVelocity(
      facts.filter((fact) => shown.has(fact.productId)),
      { days, stockOnHand: new Map([...stockOnHand].filter(([productId]) => shown.has(productId))), nameOf: (id) => names.get(id) ?? id },
    );
    const explanation =
      products.length === 0
        ? 'Nothing sold or in stock in this period.'
        : `At the pace of the last ${days} days, ${products[0].explanation.charAt(0).toLowerCase()}${products[0].explanation.slice(1)}`;
    return {
      ...this.scopeOf(question, explanation),
      days,
      products: products.map((product) => ({ ...product, name: names.get(product.productId) ?? product.productId })),
    };
  }

  /**
   * The answer from the tenant's `analytics` cache, keyed by the report, its parameters, the resolved days and
   * the stores it covers (a store-limited manager and the owner never share an entry). The rollups' writers
   * drop the area when they commit; product and customer names in a cached answer may lag a rename by the TTL.
   */
  private cached<T>(context: RequestContext, report: CachedReport, query: object, question: Question, compute: () => Promise<T>): Promise<T> {
    const parameters = Object.fromEntries(Object.entries(query).filter(([name]) => !EXPORT_ONLY.has(name)));
    return this.cache.read(context, 'analytics', analyticsKey(report, parameters, question.scope), compute);
  }

  private async question(context: RequestContext, query: AnalyticsQueryDto, options: { allHistory?: boolean } = {}): Promise<Question> {
    if (query.storeId) {
      assertStoreVisible(context, query.storeId, 'storeId');
      await this.stores.assertStoresExist(context, [query.storeId], 'storeId');
    }
    const tenant = await this.tenants.current(context);
    const period = periodOf(query, tenant.timeZone, options.allHistory ?? false);
    if ('fault' in period) throw period.fault === 'reversed' ? rangeReversed() : rangeTooLong(MAX_DAYS);
    const { from, to } = period;
    return {
      scope: { storeIds: query.storeId ? [query.storeId] : (visibleStoreIds(context) ?? null), from, to },
      storeId: query.storeId ?? null,
      timeZone: tenant.timeZone,
      currency: tenant.currency,
      money: moneyFormat(tenant.locale, tenant.currency),
    };
  }

  private scopeOf(question: Question, explanation: string): AnalyticsScopeDto {
    const { from, to } = question.scope;
    return { from, to, storeId: question.storeId, timeZone: question.timeZone, currency: question.currency, explanation };
  }

  private series(rows: readonly DayTotals[], metric: AnalyticsMetric, from: string, to: string) {
    return fillDays(
      rows.filter((row) => row.date >= from && row.date <= to).map((row) => ({ date: row.date, value: valueOf(metric)(row) })),
      from,
      to,
    );
  }

  private formatOf(question: Question, metric: AnalyticsMetric): ValueFormat {
    return metric === 'revenue' ? question.money : plainNumber;
  }

  private async productNames(context: RequestContext, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const products = await this.products.forSale(context, ids);
    return new Map(products.map((product) => [product.id, product.name]));
  }
}
