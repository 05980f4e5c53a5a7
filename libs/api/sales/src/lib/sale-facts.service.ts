import { Injectable } from '@nestjs/common';
import { queryRows } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';

/**
 * Which sales to aggregate: local calendar days `fromDay`…`toDay` (inclusive, YYYY-MM-DD; open when
 * null) in `timeZone`, of one store or all. Sales count on the day they happened, refunds on the day
 * they were made, voided sales nowhere (docs/analytics.md).
 */
export interface SaleFactWindow {
  timeZone: string;
  storeId?: string | null;
  fromDay?: string | null;
  toDay?: string | null;
}

/** Sums over a group of lines: revenue net of discounts and tax excluded; refunds negative. */
export interface SaleFigures {
  quantity: number;
  revenueMinor: number;
  /** Over the lines with a cost snapshot only (`costedRevenueMinor` is their revenue). */
  costMinor: number;
  costedRevenueMinor: number;
  /** Sold lines without a cost snapshot (sold before costs were recorded). */
  unknownCostLines: number;
  discountMinor: number;
  taxMinor: number;
  /** Sales (not voided) in the group. */
  transactions: number;
}

export interface ProductDayFacts extends SaleFigures {
  storeId: string;
  day: string;
  productId: string;
}

export interface StoreHourFacts extends SaleFigures {
  storeId: string;
  day: string;
  hour: number;
}

/** Sales that held both products (`productA` < `productB`). */
export interface BasketPairFacts {
  storeId: string;
  day: string;
  productA: string;
  productB: string;
  baskets: number;
}

export interface CustomerDayFacts {
  storeId: string;
  day: string;
  customerId: string;
  orders: number;
  revenueMinor: number;
}

/** A window's four aggregates, read together (`SaleFactsService.all`). */
export interface SaleFacts {
  productDays: ProductDayFacts[];
  storeHours: StoreHourFacts[];
  basketPairs: BasketPairFacts[];
  customerDays: CustomerDayFacts[];
}

export interface StoreDay {
  storeId: string;
  day: string;
}

/**
 * Every sold line (positive) and refunded part of a line (negative) in the window, `$1` time zone,
 * `$2`/`$3` first and last local day, `$4` store. Refunds of a sale voided later cannot exist (a void
 * needs a sale without refunds); the status check keeps that true here whatever happens.
 */
const ENTRIES = `
  WITH bounds AS (
    SELECT coalesce($2::date::timestamp AT TIME ZONE $1, '-infinity') AS from_at,
           coalesce(($3::date + 1)::timestamp AT TIME ZONE $1, 'infinity') AS to_at
  ), entries AS (
    SELECT s.store_id, s.id AS sale_id, s.customer_id, s.occurred_at AT TIME ZONE $1 AS local_at, l.product_id, true AS sold,
           l.quantity::bigint AS quantity, l.total_minor - l.tax_minor AS revenue, l.unit_cost_minor * l.quantity AS cost,
           l.line_discount_minor + l.sale_discount_minor AS discount, l.tax_minor AS tax
      FROM bounds b, sale s JOIN sale_line l ON l.tenant_id = s.tenant_id AND l.sale_id = s.id
     WHERE s.status = 'completed' AND s.occurred_at >= b.from_at AND s.occurred_at < b.to_at AND ($4::uuid IS NULL OR s.store_id = $4)
    UNION ALL
    SELECT r.store_id, r.sale_id, s.customer_id, r.created_at AT TIME ZONE $1, l.product_id, false,
           -rl.quantity::bigint, -(rl.amount_minor - rl.tax_minor), -(l.unit_cost_minor * rl.quantity),
           -((l.line_discount_minor + l.sale_discount_minor) * rl.quantity / l.quantity), -rl.tax_minor
      FROM bounds b, sale_refund r
      JOIN sale_refund_line rl ON rl.tenant_id = r.tenant_id AND rl.refund_id = r.id
      JOIN sale_line l ON l.tenant_id = rl.tenant_id AND l.id = rl.sale_line_id
      JOIN sale s ON s.tenant_id = r.tenant_id AND s.id = r.sale_id
     WHERE s.status = 'completed' AND r.created_at >= b.from_at AND r.created_at < b.to_at AND ($4::uuid IS NULL OR r.store_id = $4)
  )`;

const FIGURES = `
  sum(quantity)::bigint AS quantity, sum(revenue)::bigint AS "revenueMinor", coalesce(sum(cost), 0)::bigint AS "costMinor",
  coalesce(sum(revenue) FILTER (WHERE cost IS NOT NULL), 0)::bigint AS "costedRevenueMinor",
  (count(*) FILTER (WHERE sold AND cost IS NULL))::int AS "unknownCostLines", sum(discount)::bigint AS "discountMinor",
  sum(tax)::bigint AS "taxMinor", (count(DISTINCT sale_id) FILTER (WHERE sold))::int AS transactions`;

const PRODUCT_DAYS = `
  SELECT store_id AS "storeId", to_char(local_at::date, 'YYYY-MM-DD') AS day, product_id AS "productId", ${FIGURES}
    FROM entries GROUP BY store_id, local_at::date, product_id`;

const STORE_HOURS = `
  SELECT store_id AS "storeId", to_char(local_at::date, 'YYYY-MM-DD') AS day, extract(hour FROM local_at)::int AS hour, ${FIGURES}
    FROM entries GROUP BY store_id, local_at::date, extract(hour FROM local_at)`;

const BASKET_PAIRS = `
  SELECT a.store_id AS "storeId", to_char(a.local_at::date, 'YYYY-MM-DD') AS day, a.product_id AS "productA", b.product_id AS "productB",
         count(DISTINCT a.sale_id)::int AS baskets
    FROM entries a JOIN entries b ON b.sale_id = a.sale_id AND b.sold AND b.product_id > a.product_id
   WHERE a.sold GROUP BY a.store_id, a.local_at::date, a.product_id, b.product_id`;

const CUSTOMER_DAYS = `
  SELECT store_id AS "storeId", to_char(local_at::date, 'YYYY-MM-DD') AS day, customer_id AS "customerId",
         (count(DISTINCT sale_id) FILTER (WHERE sold))::int AS orders, sum(revenue)::bigint AS "revenueMinor"
    FROM entries WHERE customer_id IS NOT NULL GROUP BY store_id, local_at::date, customer_id`;

const parametersOf = (window: SaleFactWindow) => [window.timeZone, window.fromDay ?? null, window.toDay ?? null, window.storeId ?? null];

/**
 * What analytics needs to know of sales, aggregated by the shop's local day (issue 29): the rollups are
 * built from these and only these, so the outbox consumer and a rebuild can never disagree.
 */
@Injectable()
export class SaleFactsService {
  productDays(manager: EntityManager, window: SaleFactWindow): Promise<ProductDayFacts[]> {
    return queryRows<ProductDayFacts>(manager, `${ENTRIES} ${PRODUCT_DAYS}`, parametersOf(window));
  }

  storeHours(manager: EntityManager, window: SaleFactWindow): Promise<StoreHourFacts[]> {
    return queryRows<StoreHourFacts>(manager, `${ENTRIES} ${STORE_HOURS}`, parametersOf(window));
  }

  basketPairs(manager: EntityManager, window: SaleFactWindow): Promise<BasketPairFacts[]> {
    return queryRows<BasketPairFacts>(manager, `${ENTRIES} ${BASKET_PAIRS}`, parametersOf(window));
  }

  customerDays(manager: EntityManager, window: SaleFactWindow): Promise<CustomerDayFacts[]> {
    return queryRows<CustomerDayFacts>(manager, `${ENTRIES} ${CUSTOMER_DAYS}`, parametersOf(window));
  }

  /**
   * All four aggregates of the window in one statement, so they come from one snapshot: a sale that commits
   * meanwhile is in all of them or in none, and the rollup tables written from them never disagree.
   */
  async all(manager: EntityManager, window: SaleFactWindow): Promise<SaleFacts> {
    const list = (select: string) => `(SELECT coalesce(json_agg(row), '[]') FROM (${select}) row)`;
    const [facts] = await queryRows<SaleFacts>(
      manager,
      `${ENTRIES}
       SELECT ${list(PRODUCT_DAYS)} AS "productDays", ${list(STORE_HOURS)} AS "storeHours", ${list(BASKET_PAIRS)} AS "basketPairs",
              ${list(CUSTOMER_DAYS)} AS "customerDays"`,
      parametersOf(window),
    );
    return facts;
  }

  /** The local days a sale's figures land on: the day it happened and each of its refunds' days. */
  daysOf(manager: EntityManager, saleId: string, timeZone: string): Promise<StoreDay[]> {
    return queryRows<StoreDay>(
      manager,
      `SELECT DISTINCT store_id AS "storeId", to_char((at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day
         FROM (SELECT store_id, occurred_at AS at FROM sale WHERE id = $1
               UNION ALL SELECT store_id, created_at FROM sale_refund WHERE sale_id = $1) touched`,
      [saleId, timeZone],
    );
  }

  /** The first and last local day with a sale or a refund; null when the shop has none. */
  async span(manager: EntityManager, timeZone: string): Promise<{ firstDay: string; lastDay: string } | null> {
    const [span] = await queryRows<{ firstDay: string | null; lastDay: string | null }>(
      manager,
      `SELECT to_char((min(at) AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS "firstDay", to_char((max(at) AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS "lastDay"
         FROM (SELECT min(occurred_at) AS at FROM sale UNION ALL SELECT max(occurred_at) FROM sale
               UNION ALL SELECT min(created_at) FROM sale_refund UNION ALL SELECT max(created_at) FROM sale_refund) bounds`,
      [timeZone],
    );
    return span.firstDay && span.lastDay ? { firstDay: span.firstDay, lastDay: span.lastDay } : null;
  }
}
