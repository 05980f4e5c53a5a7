import { Injectable } from '@nestjs/common';
import { TenantCache } from '@kassa/api/cache';
import { BasketPairFacts, CustomerDayFacts, ProductDayFacts, SaleFactsService, SaleFactWindow, SaleFigures, StoreHourFacts } from '@kassa/api/sales';
import { queryRows } from '@kassa/api/database';
import { TenantsService } from '@kassa/api/tenancy';
import type { EntityManager } from 'typeorm';
import { packSql, packWidthSql } from './basket-packs';
import { monthWindows } from './month-windows';

export interface RebuildResult {
  timeZone: string;
  firstDay: string | null;
  lastDay: string | null;
  productDays: number;
  storeHours: number;
  basketPairs: number;
  customerDays: number;
}

const ROLLUP_TABLES = ['analytics_daily_product', 'analytics_hourly_store', 'analytics_basket_pair', 'analytics_customer_day'] as const;
// Derived from the daily tables above after they are written, in the same transaction.
const DERIVED_TABLES = ['analytics_monthly_product', 'analytics_customer_total', 'analytics_basket_pack', 'analytics_product_key'] as const;

// Column lists of SaleFigures, in the order of FIGURE_VALUES.
const FIGURE_COLUMNS = 'quantity, revenue_minor, cost_minor, costed_revenue_minor, unknown_cost_lines, discount_minor, tax_minor, transactions';
const FIGURE_TYPES = ['bigint', 'bigint', 'bigint', 'bigint', 'int', 'bigint', 'bigint', 'int'];
const figureValues = (rows: readonly SaleFigures[]) => [
  rows.map((row) => row.quantity),
  rows.map((row) => row.revenueMinor),
  rows.map((row) => row.costMinor),
  rows.map((row) => row.costedRevenueMinor),
  rows.map((row) => row.unknownCostLines),
  rows.map((row) => row.discountMinor),
  rows.map((row) => row.taxMinor),
  rows.map((row) => row.transactions),
];
const unnestOf = (types: readonly string[], first: number) => `unnest(${types.map((type, index) => `$${first + index}::${type}[]`).join(', ')})`;

/**
 * The basket packs (basket-packs.ts) of each store and day, or store and month, from the daily tables' rows matching
 * `rows` (a condition on `store_id` and `day`).
 */
function packsSql(span: 'day' | 'month', rows: string): string {
  const first = span === 'day' ? 'day' : `date_trunc('month', day)::date`;
  return `
    WITH hours AS (
      SELECT store_id, ${first} AS first_day, sum(transactions)::bigint AS baskets FROM analytics_hourly_store WHERE ${rows} GROUP BY 1, 2
    ), products AS (
      SELECT store_id, first_day, ${packSql(['key', 'count'], 'key')} AS pack FROM (
        SELECT *, ${packWidthSql('max(greatest(key, count)) OVER (PARTITION BY store_id, first_day)')} AS w FROM (
          SELECT store_id, ${first} AS first_day, k.key, sum(transactions) AS count
            FROM analytics_daily_product d JOIN analytics_product_key k ON k.tenant_id = d.tenant_id AND k.product_id = d.product_id
           WHERE ${rows} AND transactions <> 0 GROUP BY 1, 2, 3
        ) summed
      ) entries GROUP BY store_id, first_day, w
    ), pairs AS (
      SELECT store_id, first_day, ${packSql(['key_a', 'key_b', 'count'], 'key_a, key_b')} AS pack FROM (
        SELECT *, ${packWidthSql('max(greatest(key_a, key_b, count)) OVER (PARTITION BY store_id, first_day)')} AS w FROM (
          SELECT store_id, ${first} AS first_day, a.key AS key_a, b.key AS key_b, sum(baskets) AS count
            FROM analytics_basket_pair p
            JOIN analytics_product_key a ON a.tenant_id = p.tenant_id AND a.product_id = p.product_a
            JOIN analytics_product_key b ON b.tenant_id = p.tenant_id AND b.product_id = p.product_b
           WHERE ${rows} GROUP BY 1, 2, 3, 4
        ) summed
      ) entries GROUP BY store_id, first_day, w
    )
    SELECT current_setting('app.tenant_id')::uuid, store_id, first_day, ${span === 'day' ? 'first_day' : `(first_day + interval '1 month - 1 day')::date`},
           coalesce(hours.baskets, 0), coalesce(products.pack, ''::bytea), coalesce(pairs.pack, ''::bytea)
      FROM hours FULL JOIN products USING (store_id, first_day) FULL JOIN pairs USING (store_id, first_day)`;
}

/**
 * Keeps the analytics rollups (DESIGN.md §11): a sale's event recomputes the store-days it touches from
 * the sales themselves, and a rebuild recomputes everything, both from SaleFactsService. Recomputing
 * instead of adding deltas makes a redelivered, reordered or replayed event harmless (decision 0019).
 * Each window's facts are read in one statement (one snapshot), and the answers cached from the rollups
 * are dropped once the transaction commits.
 */
@Injectable()
export class AnalyticsRollupsService {
  constructor(
    private readonly facts: SaleFactsService,
    private readonly tenants: TenantsService,
    private readonly cache: TenantCache,
  ) {}

  /** Recomputes the local days a sale's figures land on (its own day and its refunds' days), in its store. */
  async refreshSale(manager: EntityManager, saleId: string): Promise<void> {
    await this.lockTenant(manager);
    const { id, timeZone } = await this.tenants.inTransaction(manager);
    for (const { storeId, day } of await this.facts.daysOf(manager, saleId, timeZone)) {
      const customers = await this.customersOn(manager, storeId, day);
      await this.replace(manager, { timeZone, storeId, fromDay: day, toDay: day });
      await this.deriveMonths(manager, { storeId, fromDay: day, toDay: day });
      await this.deriveCustomerTotals(manager, { storeId, customerIds: [...new Set([...customers, ...(await this.customersOn(manager, storeId, day))])] });
      await this.packDays(manager, { storeId, fromDay: day, toDay: day });
      await this.packMonths(manager, storeId, day);
    }
    await this.cache.invalidate({ tenantId: id, manager }, 'analytics');
  }

  /** Drops the tenant's rollups and recomputes them from every sale, a month at a time. */
  async rebuild(manager: EntityManager): Promise<RebuildResult> {
    await this.lockTenant(manager);
    const { id, timeZone } = await this.tenants.inTransaction(manager);
    await this.cache.invalidate({ tenantId: id, manager }, 'analytics');
    for (const table of [...ROLLUP_TABLES, ...DERIVED_TABLES]) await manager.query(`DELETE FROM ${table}`);
    const span = await this.facts.span(manager, timeZone);
    const result: RebuildResult = {
      timeZone,
      firstDay: span?.firstDay ?? null,
      lastDay: span?.lastDay ?? null,
      productDays: 0,
      storeHours: 0,
      basketPairs: 0,
      customerDays: 0,
    };
    if (!span) return result;
    for (const { fromDay, toDay } of monthWindows(span.firstDay, span.lastDay)) {
      const written = await this.insert(manager, { timeZone, fromDay, toDay });
      result.productDays += written.productDays;
      result.storeHours += written.storeHours;
      result.basketPairs += written.basketPairs;
      result.customerDays += written.customerDays;
      await this.deriveMonths(manager, { storeId: null, fromDay, toDay });
      await this.packDays(manager, { storeId: null, fromDay, toDay });
    }
    await this.deriveCustomerTotals(manager, null);
    await this.packMonths(manager, null, null);
    return result;
  }

  /** One tenant's rollup work at a time, so a refresh never interleaves with a rebuild or another refresh. */
  private async lockTenant(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('analytics-rollups:' || current_setting('app.tenant_id'), 0))`);
  }

  private async replace(manager: EntityManager, window: SaleFactWindow & { storeId: string; fromDay: string; toDay: string }): Promise<void> {
    for (const table of ROLLUP_TABLES) {
      await manager.query(`DELETE FROM ${table} WHERE store_id = $1 AND day BETWEEN $2 AND $3`, [window.storeId, window.fromDay, window.toDay]);
    }
    await this.insert(manager, window);
  }

  private async customersOn(manager: EntityManager, storeId: string, day: string): Promise<string[]> {
    const rows = await queryRows<{ customerId: string }>(
      manager,
      `SELECT customer_id AS "customerId" FROM analytics_customer_day WHERE store_id = $1 AND day = $2`,
      [storeId, day],
    );
    return rows.map((row) => row.customerId);
  }

  /** Recomputes the months holding `fromDay`…`toDay` of `analytics_monthly_product` from the daily rows (of one store, or all when null). */
  private async deriveMonths(manager: EntityManager, window: { storeId: string | null; fromDay: string; toDay: string }): Promise<void> {
    const parameters = [window.storeId, window.fromDay, window.toDay];
    const months = `date_trunc('month', $2::date)::date AND date_trunc('month', $3::date)::date`;
    const stores = `($1::uuid IS NULL OR store_id = $1)`;
    await manager.query(`DELETE FROM analytics_monthly_product WHERE ${stores} AND month BETWEEN ${months}`, parameters);
    await manager.query(
      `INSERT INTO analytics_monthly_product (tenant_id, store_id, month, product_id, days, ${FIGURE_COLUMNS})
       SELECT tenant_id, store_id, date_trunc('month', day)::date, product_id, count(*),
              sum(quantity), sum(revenue_minor), sum(cost_minor), sum(costed_revenue_minor), sum(unknown_cost_lines),
              sum(discount_minor), sum(tax_minor), sum(transactions)
         FROM analytics_daily_product
        WHERE ${stores} AND day >= date_trunc('month', $2::date)::date AND day < (date_trunc('month', $3::date) + interval '1 month')::date
        GROUP BY tenant_id, store_id, date_trunc('month', day), product_id`,
      parameters,
    );
  }

  /** Recomputes `analytics_customer_total` from the customer-days: of these customers in one store, or everyone's when null. */
  private async deriveCustomerTotals(manager: EntityManager, only: { storeId: string; customerIds: readonly string[] } | null): Promise<void> {
    if (only?.customerIds.length === 0) return;
    const parameters = only ? [only.storeId, only.customerIds] : [null, null];
    const which = `($1::uuid IS NULL OR (store_id = $1 AND customer_id = ANY($2::uuid[])))`;
    await manager.query(`DELETE FROM analytics_customer_total WHERE ${which}`, parameters);
    await manager.query(
      `INSERT INTO analytics_customer_total (tenant_id, store_id, customer_id, first_day, last_day, first_order_day, last_order_day, orders, revenue_minor)
       SELECT tenant_id, store_id, customer_id, min(day), max(day), min(day) FILTER (WHERE orders > 0), max(day) FILTER (WHERE orders > 0),
              sum(orders), sum(revenue_minor)
         FROM analytics_customer_day WHERE ${which}
        GROUP BY tenant_id, store_id, customer_id`,
      parameters,
    );
  }

  /** Gives the products of the window's daily rows a key, and recomputes the window's day packs (decision 0049). */
  private async packDays(manager: EntityManager, window: { storeId: string | null; fromDay: string; toDay: string }): Promise<void> {
    const parameters = [window.storeId, window.fromDay, window.toDay];
    const rows = `($1::uuid IS NULL OR store_id = $1) AND day BETWEEN $2 AND $3`;
    await manager.query(
      `INSERT INTO analytics_product_key (tenant_id, product_id, key)
       SELECT current_setting('app.tenant_id')::uuid, product_id, (SELECT coalesce(max(key), 0) FROM analytics_product_key) + row_number() OVER (ORDER BY product_id)
         FROM (SELECT DISTINCT product_id FROM analytics_daily_product WHERE ${rows}) sold
        WHERE NOT EXISTS (SELECT 1 FROM analytics_product_key k WHERE k.product_id = sold.product_id)`,
      parameters,
    );
    await manager.query(
      `DELETE FROM analytics_basket_pack WHERE ($1::uuid IS NULL OR store_id = $1) AND first_day = last_day AND first_day BETWEEN $2 AND $3`,
      parameters,
    );
    await manager.query(
      `INSERT INTO analytics_basket_pack (tenant_id, store_id, first_day, last_day, baskets, products, pairs) ${packsSql('day', rows)}`,
      parameters,
    );
  }

  /**
   * Month packs exist for the months before each store's latest day with a pack, so a sale of the current month never
   * repacks one. Repacks the month of `changedDay` (of `storeId`) when it is one of those, drops it when it is not, and
   * packs the store's months still without a pack after its latest month pack (every store's months in a rebuild).
   */
  private async packMonths(manager: EntityManager, storeId: string | null, changedDay: string | null): Promise<void> {
    const latestOf = (store: string) =>
      `date_trunc('month', (SELECT max(first_day) FROM analytics_basket_pack l WHERE l.store_id = ${store} AND l.first_day = l.last_day))::date`;
    await manager.query(
      `DELETE FROM analytics_basket_pack p WHERE ($1::uuid IS NULL OR store_id = $1) AND last_day > first_day
          AND (first_day = date_trunc('month', $2::date)::date OR first_day >= ${latestOf('p.store_id')})`,
      [storeId, changedDay],
    );
    const months = await queryRows<{ storeId: string; month: string }>(
      manager,
      `WITH stores AS (
         SELECT store_id, ${latestOf('s.store_id')} AS latest,
                ((SELECT max(first_day) FROM analytics_basket_pack m WHERE m.store_id = s.store_id AND m.last_day > m.first_day) + interval '1 month')::date AS unpacked
           FROM (SELECT $1::uuid AS store_id WHERE $1 IS NOT NULL UNION SELECT DISTINCT store_id FROM analytics_basket_pack WHERE $1 IS NULL) s
       ), changed AS (
         SELECT date_trunc('month', $2::date)::date AS month
       )
       SELECT s.store_id AS "storeId", to_char(m.month, 'YYYY-MM-DD') AS month
         FROM stores s CROSS JOIN changed c CROSS JOIN LATERAL (
           SELECT DISTINCT date_trunc('month', d.first_day)::date AS month FROM analytics_basket_pack d
            WHERE d.store_id = s.store_id AND d.first_day = d.last_day AND d.first_day < s.latest
              AND d.first_day >= least(coalesce(s.unpacked, '-infinity'), coalesce(c.month, 'infinity'))
              AND (d.first_day >= coalesce(s.unpacked, '-infinity') OR date_trunc('month', d.first_day)::date = c.month)
         ) m`,
      [storeId, changedDay],
    );
    const storesByMonth = new Map<string, string[]>();
    for (const { storeId: store, month } of months) storesByMonth.set(month, [...(storesByMonth.get(month) ?? []), store]);
    for (const [month, stores] of storesByMonth) {
      await manager.query(
        `INSERT INTO analytics_basket_pack (tenant_id, store_id, first_day, last_day, baskets, products, pairs)
         ${packsSql('month', `store_id = ANY($1::uuid[]) AND day BETWEEN $2 AND (date_trunc('month', $2::date) + interval '1 month - 1 day')::date`)}`,
        [stores, month],
      );
    }
  }

  private async insert(manager: EntityManager, window: SaleFactWindow) {
    const { productDays, storeHours, basketPairs, customerDays } = await this.facts.all(manager, window);
    await this.insertProductDays(manager, productDays);
    await this.insertStoreHours(manager, storeHours);
    await this.insertBasketPairs(manager, basketPairs);
    await this.insertCustomerDays(manager, customerDays);
    return { productDays: productDays.length, storeHours: storeHours.length, basketPairs: basketPairs.length, customerDays: customerDays.length };
  }

  private async insertProductDays(manager: EntityManager, rows: ProductDayFacts[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_daily_product (tenant_id, store_id, day, product_id, ${FIGURE_COLUMNS})
       SELECT current_setting('app.tenant_id')::uuid, * FROM ${unnestOf(['uuid', 'date', 'uuid', ...FIGURE_TYPES], 1)}`,
      [rows.map((row) => row.storeId), rows.map((row) => row.day), rows.map((row) => row.productId), ...figureValues(rows)],
    );
  }

  private async insertStoreHours(manager: EntityManager, rows: StoreHourFacts[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_hourly_store (tenant_id, store_id, day, hour, ${FIGURE_COLUMNS})
       SELECT current_setting('app.tenant_id')::uuid, * FROM ${unnestOf(['uuid', 'date', 'smallint', ...FIGURE_TYPES], 1)}`,
      [rows.map((row) => row.storeId), rows.map((row) => row.day), rows.map((row) => row.hour), ...figureValues(rows)],
    );
  }

  private async insertBasketPairs(manager: EntityManager, rows: BasketPairFacts[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_basket_pair (tenant_id, store_id, day, product_a, product_b, baskets)
       SELECT current_setting('app.tenant_id')::uuid, * FROM ${unnestOf(['uuid', 'date', 'uuid', 'uuid', 'int'], 1)}`,
      [
        rows.map((row) => row.storeId),
        rows.map((row) => row.day),
        rows.map((row) => row.productA),
        rows.map((row) => row.productB),
        rows.map((row) => row.baskets),
      ],
    );
  }

  private async insertCustomerDays(manager: EntityManager, rows: CustomerDayFacts[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO analytics_customer_day (tenant_id, store_id, day, customer_id, orders, revenue_minor)
       SELECT current_setting('app.tenant_id')::uuid, * FROM ${unnestOf(['uuid', 'date', 'uuid', 'int', 'bigint'], 1)}`,
      [
        rows.map((row) => row.storeId),
        rows.map((row) => row.day),
        rows.map((row) => row.customerId),
        rows.map((row) => row.orders),
        rows.map((row) => row.revenueMinor),
      ],
    );
  }
}
