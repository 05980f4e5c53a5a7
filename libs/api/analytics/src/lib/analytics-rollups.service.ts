import { Injectable } from '@nestjs/common';
import { TenantCache } from '@kassa/api/cache';
import { BasketPairFacts, CustomerDayFacts, ProductDayFacts, SaleFactsService, SaleFactWindow, SaleFigures, StoreHourFacts } from '@kassa/api/sales';
import { TenantsService } from '@kassa/api/tenancy';
import type { EntityManager } from 'typeorm';
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
      await this.replace(manager, { timeZone, storeId, fromDay: day, toDay: day });
    }
    await this.cache.invalidate({ tenantId: id, manager }, 'analytics');
  }

  /** Drops the tenant's rollups and recomputes them from every sale, a month at a time. */
  async rebuild(manager: EntityManager): Promise<RebuildResult> {
    await this.lockTenant(manager);
    const { id, timeZone } = await this.tenants.inTransaction(manager);
    await this.cache.invalidate({ tenantId: id, manager }, 'analytics');
    for (const table of ROLLUP_TABLES) await manager.query(`DELETE FROM ${table}`);
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
    }
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
