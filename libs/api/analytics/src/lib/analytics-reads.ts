import { queryRows } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';
import type { SignedPack } from './basket-packs';
import { readsByMonth } from './month-windows';

/** Which rollup rows a question reads: local days `from`…`to` (inclusive), of these stores (every store when null). */
export interface RollupScope {
  storeIds: readonly string[] | null;
  from: string;
  to: string;
}

export interface DayTotals {
  date: string;
  quantity: number;
  revenueMinor: number;
  costMinor: number;
  costedRevenueMinor: number;
  unknownCostLines: number;
  discountMinor: number;
  taxMinor: number;
  transactions: number;
}

export interface HourTotals {
  date: string;
  hour: number;
  quantity: number;
  revenueMinor: number;
  transactions: number;
}

export interface ProductTotals {
  productId: string;
  quantity: number;
  revenueMinor: number;
  costMinor: number;
  costedRevenueMinor: number;
  unknownCostLines: number;
  /** Sales that held the product. */
  transactions: number;
}

/** A customer's purchases in the period: first and last day with an order, orders, revenue net of refunds. */
export interface CustomerTotals {
  customerId: string;
  firstDay: string;
  lastDay: string;
  orders: number;
  revenueMinor: number;
}

const WHERE = `($1::uuid[] IS NULL OR store_id = ANY($1)) AND day BETWEEN $2 AND $3`;
const parametersOf = (scope: RollupScope) => [scope.storeIds, scope.from, scope.to];

const STORES = `($1::uuid[] IS NULL OR store_id = ANY($1))`;

/** The figures of SUMS over rows each counted `sign` times. */
const signedSums = (sign: string) => `
  sum(${sign} * quantity)::bigint AS quantity, sum(${sign} * revenue_minor)::bigint AS "revenueMinor", sum(${sign} * cost_minor)::bigint AS "costMinor",
  sum(${sign} * costed_revenue_minor)::bigint AS "costedRevenueMinor", sum(${sign} * unknown_cost_lines)::int AS "unknownCostLines",
  sum(${sign} * discount_minor)::bigint AS "discountMinor", sum(${sign} * tax_minor)::bigint AS "taxMinor", sum(${sign} * transactions)::int AS transactions`;

const SUMS = `
  sum(quantity)::bigint AS quantity, sum(revenue_minor)::bigint AS "revenueMinor", sum(cost_minor)::bigint AS "costMinor",
  sum(costed_revenue_minor)::bigint AS "costedRevenueMinor", sum(unknown_cost_lines)::int AS "unknownCostLines",
  sum(discount_minor)::bigint AS "discountMinor", sum(tax_minor)::bigint AS "taxMinor", sum(transactions)::int AS transactions`;

/** Every read of the rollups: the analytics answers come from these and never from sales. */
export const analyticsReads = {
  /** The days that have rows, summed over stores (a store's day is the sum of its hours). */
  days(manager: EntityManager, scope: RollupScope): Promise<DayTotals[]> {
    return queryRows<DayTotals>(
      manager,
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, ${SUMS} FROM analytics_hourly_store WHERE ${WHERE} GROUP BY day ORDER BY day`,
      parametersOf(scope),
    );
  },

  hours(manager: EntityManager, scope: RollupScope): Promise<HourTotals[]> {
    return queryRows<HourTotals>(
      manager,
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, hour, sum(quantity)::bigint AS quantity, sum(revenue_minor)::bigint AS "revenueMinor",
              sum(transactions)::int AS transactions
         FROM analytics_hourly_store WHERE ${WHERE} GROUP BY day, hour ORDER BY day, hour`,
      parametersOf(scope),
    );
  },

  /**
   * Per product over the period, with a row in it: whole months from the monthly rollup less their days outside the
   * period, and the other days from the daily one (`readsByMonth`); `days` (daily rows) tells which products had one.
   */
  products(manager: EntityManager, scope: RollupScope): Promise<ProductTotals[]> {
    const { months, days, outside } = readsByMonth(scope.from, scope.to);
    const FIGURES = 'product_id, quantity, revenue_minor, cost_minor, costed_revenue_minor, unknown_cost_lines, discount_minor, tax_minor, transactions';
    const parameters: unknown[] = [scope.storeIds];
    const next = (value: string) => `$${parameters.push(value)}`;
    // Only the parts the period needs: a part that reads nothing still costs the planner an estimate (and can tip it into a parallel plan).
    const parts = [
      ...(months
        ? [`SELECT 1 AS sign, days, ${FIGURES} FROM analytics_monthly_product WHERE ${STORES} AND month BETWEEN ${next(months.from)} AND ${next(months.to)}`]
        : []),
      ...[...days.map((range) => [1, range] as const), ...outside.map((range) => [-1, range] as const)].map(
        ([sign, range]) =>
          `SELECT ${sign} AS sign, 1 AS days, ${FIGURES} FROM analytics_daily_product WHERE ${STORES} AND day BETWEEN ${next(range.from)} AND ${next(range.to)}`,
      ),
    ];
    return queryRows<ProductTotals>(
      manager,
      `SELECT product_id AS "productId", ${signedSums('sign')} FROM (${parts.join(' UNION ALL ')}) period GROUP BY product_id HAVING sum(sign * days) > 0`,
      parameters,
    );
  },

  /**
   * The period's basket packs (decision 0049): whole months from their month packs less the days outside the period,
   * the other days from day packs, and any month without a pack (the store's latest) from its days; with the largest
   * product key they use.
   */
  async basketPacks(manager: EntityManager, scope: RollupScope): Promise<{ packs: SignedPack[]; maxKey: number }> {
    const { months } = readsByMonth(scope.from, scope.to);
    const rows = await queryRows<SignedPack & { maxKey: number | null }>(
      manager,
      `WITH months AS (
         SELECT store_id, first_day, baskets, products, pairs FROM analytics_basket_pack
          WHERE ${STORES} AND first_day BETWEEN $4 AND $5 AND last_day > first_day
       ), packs AS (
         SELECT 1 AS sign, baskets, products, pairs FROM months
         UNION ALL
         SELECT CASE WHEN d.first_day BETWEEN $2 AND $3 THEN 1 ELSE -1 END, d.baskets, d.products, d.pairs
           FROM analytics_basket_pack d
          WHERE ${STORES.replace('store_id', 'd.store_id')} AND d.last_day = d.first_day
            AND d.first_day BETWEEN date_trunc('month', $2::date)::date AND (date_trunc('month', $3::date) + interval '1 month - 1 day')::date
            -- A day in the period counts unless its month pack does; a day outside it is taken away when its month pack counts.
            AND (d.first_day BETWEEN $2 AND $3) <> EXISTS (SELECT 1 FROM months m WHERE m.store_id = d.store_id AND m.first_day = date_trunc('month', d.first_day)::date)
       )
       SELECT sign, baskets, products, pairs, (SELECT max(key) FROM analytics_product_key) AS "maxKey" FROM packs`,
      [scope.storeIds, scope.from, scope.to, months?.from ?? null, months?.to ?? null],
    );
    return { packs: rows, maxKey: rows[0]?.maxKey ?? 0 };
  },

  /** The products these keys stand for. */
  async productsOfKeys(manager: EntityManager, keys: readonly number[]): Promise<Map<number, string>> {
    const rows = await queryRows<{ key: number; productId: string }>(
      manager,
      `SELECT key, product_id AS "productId" FROM analytics_product_key WHERE key = ANY($1::int[])`,
      [[...new Set(keys)]],
    );
    return new Map(rows.map((row) => [row.key, row.productId]));
  },

  /**
   * Customers with at least one order in the period (refunds of earlier orders alone make no customer). When the
   * period holds every customer-day of these stores (lifetime value's default), from the per-customer totals.
   */
  customers(manager: EntityManager, scope: RollupScope): Promise<CustomerTotals[]> {
    return queryRows<CustomerTotals>(
      manager,
      `WITH whole AS (
         SELECT coalesce(min(first_day) >= $2 AND max(last_day) <= $3, true) AS covered FROM analytics_customer_total
          WHERE ($1::uuid[] IS NULL OR store_id = ANY($1))
       )
       SELECT customer_id AS "customerId", to_char(min(first_order_day), 'YYYY-MM-DD') AS "firstDay", to_char(max(last_order_day), 'YYYY-MM-DD') AS "lastDay",
              sum(orders)::int AS orders, sum(revenue_minor)::bigint AS "revenueMinor"
         FROM analytics_customer_total WHERE ($1::uuid[] IS NULL OR store_id = ANY($1)) AND (SELECT covered FROM whole)
        GROUP BY customer_id HAVING sum(orders) > 0
       UNION ALL
       SELECT customer_id, to_char(min(day) FILTER (WHERE orders > 0), 'YYYY-MM-DD'), to_char(max(day) FILTER (WHERE orders > 0), 'YYYY-MM-DD'),
              sum(orders)::int, sum(revenue_minor)::bigint
         FROM analytics_customer_day WHERE ${WHERE} AND NOT (SELECT covered FROM whole)
        GROUP BY customer_id HAVING sum(orders) > 0`,
      parametersOf(scope),
    );
  },

  /** The first day with any rollup row in these stores, or null. */
  async firstDay(manager: EntityManager, storeIds: readonly string[] | null): Promise<string | null> {
    const [row] = await queryRows<{ day: string | null }>(
      manager,
      `SELECT to_char(min(day), 'YYYY-MM-DD') AS day FROM analytics_hourly_store WHERE ($1::uuid[] IS NULL OR store_id = ANY($1))`,
      [storeIds],
    );
    return row.day;
  },
};
