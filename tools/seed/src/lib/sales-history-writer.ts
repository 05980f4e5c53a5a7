import { uuidv7 } from '@kassa/contracts';
import type { EntityManager } from 'typeorm';
import type { HistorySale, SalesHistory } from './sales-history-generator';

/** Where a generated history lands: the ids of the rows its indexes point at. */
export interface SalesHistoryTarget {
  tenantId: string;
  /** The owner, who rang every past sale up. */
  actorUserId: string;
  currency: string;
  pricesIncludeTax: boolean;
  storeIds: readonly string[];
  /** By `${storeIndex}/${registerName}`. */
  registerIds: ReadonlyMap<string, string>;
  products: readonly { id: string; sku: string; name: string; costMinor: number | null }[];
  customerIds: readonly string[];
}

const SALES_PER_CHUNK = 5000;

const registerKey = (sale: Pick<HistorySale, 'storeIndex' | 'registerName'>) => `${sale.storeIndex}/${sale.registerName}`;
const json = (value: object | null) => (value === null ? null : JSON.stringify(value));

/**
 * Writes past sales with multi-row inserts in chunks (COPY is refused under forced row-level
 * security), then moves each register's receipt counter to its last number. History only: no stock
 * ledger rows and no outbox events, as these sales describe the past and the stock levels seeded
 * now stand as they are; replaying them as events would flood webhooks and rollups with old news.
 */
export async function insertSalesHistory(manager: EntityManager, target: SalesHistoryTarget, history: SalesHistory): Promise<{ lines: number }> {
  let lineCount = 0;
  for (let start = 0; start < history.sales.length; start += SALES_PER_CHUNK) {
    const chunk = history.sales.slice(start, start + SALES_PER_CHUNK);
    const saleIds = chunk.map((sale) => uuidv7(sale.occurredAt));
    const occurredAt = chunk.map((sale) => new Date(sale.occurredAt).toISOString());
    const registerIds = chunk.map((sale) => {
      const id = target.registerIds.get(registerKey(sale));
      if (!id) throw new Error(`no register ${registerKey(sale)}`);
      return id;
    });
    // The request hash only has to be stable for the sale: a hash of its id stands in for the body's.
    await manager.query(
      `INSERT INTO sale (tenant_id, id, store_id, register_id, receipt_number, customer_id, actor_type, actor_id, status, offline, flags,
                         currency, prices_include_tax, discount, subtotal_minor, discount_minor, tax_minor, total_minor,
                         tendered_minor, change_due_minor, note, request_hash, occurred_at, created_at)
       SELECT $1, s.id, s.store_id, s.register_id, s.receipt_number, s.customer_id, 'user', $2, 'completed', false, '{}',
              $3, $4, s.discount, s.subtotal, s.discount_minor, s.tax, s.total,
              s.tendered, s.change_due, s.note, sha256(convert_to(s.id::text, 'UTF8')), s.occurred_at, s.occurred_at
       FROM unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::int[], $9::uuid[], $10::jsonb[], $11::bigint[], $12::bigint[], $13::bigint[],
                   $14::bigint[], $15::bigint[], $16::bigint[], $17::text[], $18::timestamptz[])
            AS s(id, store_id, register_id, receipt_number, customer_id, discount, subtotal, discount_minor, tax, total,
                 tendered, change_due, note, occurred_at)`,
      [
        target.tenantId,
        target.actorUserId,
        target.currency,
        target.pricesIncludeTax,
        saleIds,
        chunk.map((sale) => target.storeIds[sale.storeIndex]),
        registerIds,
        chunk.map((sale) => sale.receiptNumber),
        chunk.map((sale) => (sale.customerIndex === null ? null : target.customerIds[sale.customerIndex])),
        chunk.map((sale) => json(sale.discount)),
        chunk.map((sale) => sale.subtotalMinor),
        chunk.map((sale) => sale.discountMinor),
        chunk.map((sale) => sale.taxMinor),
        chunk.map((sale) => sale.totalMinor),
        chunk.map((sale) => sale.tenderedMinor),
        chunk.map((sale) => sale.changeDueMinor),
        chunk.map((sale) => sale.note),
        occurredAt,
      ],
    );

    // Line and tender positions count from 0, as the sales service writes them.
    const lines = chunk.flatMap((sale, index) => sale.lines.map((line, position) => ({ line, position, saleIndex: index })));
    lineCount += lines.length;
    const products = lines.map(({ line }) => target.products[line.productIndex]);
    await manager.query(
      `INSERT INTO sale_line (tenant_id, id, sale_id, position, product_id, sku, name, quantity, unit_price_minor, list_price_minor,
                              tax_rate_bps, discount, gross_minor, line_discount_minor, sale_discount_minor, tax_minor, total_minor, unit_cost_minor, flags)
       SELECT $1, l.*, '{}' FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::int[], $9::bigint[],
                                        $10::bigint[], $11::int[], $12::jsonb[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[], $17::bigint[],
                                        $18::bigint[]) AS l`,
      [
        target.tenantId,
        lines.map(({ saleIndex }) => uuidv7(chunk[saleIndex].occurredAt)),
        lines.map(({ saleIndex }) => saleIds[saleIndex]),
        lines.map(({ position }) => position),
        products.map((product) => product.id),
        products.map((product) => product.sku),
        products.map((product) => product.name),
        lines.map(({ line }) => line.quantity),
        lines.map(({ line }) => line.unitPriceMinor),
        lines.map(({ line }) => line.listPriceMinor),
        lines.map(({ line }) => line.taxRateBps),
        lines.map(({ line }) => json(line.discount)),
        lines.map(({ line }) => line.grossMinor),
        lines.map(({ line }) => line.lineDiscountMinor),
        lines.map(({ line }) => line.saleDiscountMinor),
        lines.map(({ line }) => line.taxMinor),
        lines.map(({ line }) => line.totalMinor),
        products.map((product) => product.costMinor),
      ],
    );

    const tenders = chunk.flatMap((sale, index) => sale.tenders.map((tender, position) => ({ tender, position, saleIndex: index })));
    await manager.query(
      `INSERT INTO sale_tender (tenant_id, id, sale_id, position, type, amount_minor)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::bigint[])`,
      [
        target.tenantId,
        tenders.map(({ saleIndex }) => uuidv7(chunk[saleIndex].occurredAt)),
        tenders.map(({ saleIndex }) => saleIds[saleIndex]),
        tenders.map(({ position }) => position),
        tenders.map(({ tender }) => tender.type),
        tenders.map(({ tender }) => tender.amountMinor),
      ],
    );
  }

  const lastReceipts = new Map<string, number>();
  for (const sale of history.sales) lastReceipts.set(registerKey(sale), sale.receiptNumber);
  const counters = [...lastReceipts].map(([key, last]) => ({ id: target.registerIds.get(key) as string, last }));
  await manager.query(`UPDATE register r SET last_receipt_number = c.last FROM unnest($1::uuid[], $2::int[]) AS c(id, last) WHERE r.id = c.id`, [
    counters.map((counter) => counter.id),
    counters.map((counter) => counter.last),
  ]);

  // What each customer has bought, as the sales service keeps it (CustomersService.recordPurchase): all completed, none refunded.
  const purchases = new Map<string, { count: number; totalMinor: number; lastAt: number }>();
  for (const sale of history.sales) {
    if (sale.customerIndex === null) continue;
    const customerId = target.customerIds[sale.customerIndex];
    const earlier = purchases.get(customerId) ?? { count: 0, totalMinor: 0, lastAt: sale.occurredAt };
    purchases.set(customerId, {
      count: earlier.count + 1,
      totalMinor: earlier.totalMinor + sale.totalMinor,
      lastAt: Math.max(earlier.lastAt, sale.occurredAt),
    });
  }
  const totals = [...purchases.values()];
  await manager.query(
    `UPDATE customer c SET purchase_count = c.purchase_count + p.count, purchase_total_minor = c.purchase_total_minor + p.total_minor,
            last_purchase_at = greatest(c.last_purchase_at, p.last_at)
       FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::timestamptz[]) AS p(id, count, total_minor, last_at)
      WHERE c.id = p.id`,
    [
      [...purchases.keys()],
      totals.map((total) => total.count),
      totals.map((total) => total.totalMinor),
      totals.map((total) => new Date(total.lastAt).toISOString()),
    ],
  );
  return { lines: lineCount };
}
