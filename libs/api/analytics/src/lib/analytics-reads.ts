import { queryRows } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';
import { splitIntoMonths } from './month-windows';

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

export interface RankedPair {
  productA: string;
  productB: string;
  count: number;
  /** Baskets holding productA, and productB. */
  withA: number;
  withB: number;
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

  /** Per product over the period: its whole months from the monthly rollup, the days at its ends from the daily one. */
  products(manager: EntityManager, scope: RollupScope): Promise<ProductTotals[]> {
    const { months, days } = splitIntoMonths(scope.from, scope.to);
    const FIGURES = 'product_id, quantity, revenue_minor, cost_minor, costed_revenue_minor, unknown_cost_lines, discount_minor, tax_minor, transactions';
    return queryRows<ProductTotals>(
      manager,
      `SELECT product_id AS "productId", ${SUMS} FROM (
         SELECT ${FIGURES} FROM analytics_monthly_product WHERE ($1::uuid[] IS NULL OR store_id = ANY($1)) AND month BETWEEN $2 AND $3
         UNION ALL
         SELECT ${FIGURES} FROM analytics_daily_product
          WHERE ($1::uuid[] IS NULL OR store_id = ANY($1)) AND (day BETWEEN $4 AND $5 OR day BETWEEN $6 AND $7)
       ) period GROUP BY product_id`,
      [scope.storeIds, months?.from ?? null, months?.to ?? null, days[0]?.from ?? null, days[0]?.to ?? null, days[1]?.from ?? null, days[1]?.to ?? null],
    );
  },

  /**
   * The `limit` pairs bought together in at least `minCount` baskets with the highest lift (then count, then
   * ids: analytics-core's order), with the baskets holding each of their products. Ranked here so that a
   * period's tens of thousands of pairs never leave the database.
   */
  topPairs(manager: EntityManager, scope: RollupScope, baskets: number, minCount: number, limit: number): Promise<RankedPair[]> {
    return queryRows<RankedPair>(
      manager,
      `WITH pairs AS (
         SELECT product_a, product_b, sum(baskets)::bigint AS count FROM analytics_basket_pair
          WHERE ${WHERE} GROUP BY product_a, product_b HAVING sum(baskets) >= $4
       ), single AS (
         SELECT product_id, sum(transactions)::bigint AS count FROM analytics_daily_product
          WHERE ${WHERE} AND product_id IN (SELECT product_a FROM pairs UNION SELECT product_b FROM pairs) GROUP BY product_id
       )
       SELECT p.product_a AS "productA", p.product_b AS "productB", p.count::int AS count, a.count::int AS "withA", b.count::int AS "withB"
         FROM pairs p JOIN single a ON a.product_id = p.product_a JOIN single b ON b.product_id = p.product_b
        ORDER BY (p.count::float8 * $5) / (greatest(a.count, p.count)::float8 * greatest(b.count, p.count)) DESC, p.count DESC,
                 p.product_a::text || p.product_b::text
        LIMIT $6`,
      [...parametersOf(scope), minCount, baskets, limit],
    );
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
