import { Injectable } from '@nestjs/common';
import { PricedSale, priceSale, ROLE_PERMISSIONS, uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { StaffPinsService } from '@kassa/api/auth';
import { ProductForSale, ProductsService } from '@kassa/api/catalog';
import { CustomersService } from '@kassa/api/customers';
import { isoTime, isUniqueViolation, queryRows } from '@kassa/api/database';
import { DomainEvents, newEvent } from '@kassa/api/events';
import { cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import { requestFingerprint } from '@kassa/api/idempotency';
import { StockService } from '@kassa/api/inventory';
import type { SpreadsheetExport } from '@kassa/api/spreadsheets';
import { canSeeStore, RegistersService, SaleRegister, StoresService, TenantsService, visibleStoreIds, type TenantDto } from '@kassa/api/tenancy';
import type { CreateSaleDto } from './dto/create-sale.dto';
import { discountOf } from './dto/discount.dto';
import type { SaleDto, SaleSearchListDto } from './dto/sale.dto';
import type { SaleExportQueryDto, SaleFilters, SaleQueryDto } from './dto/sale-query.dto';
import { SALE_CSV_HEADER, SALE_EXPORT_COLUMNS, type SaleExportRow } from './sales-export';
import { ResolvedLine, resolveLines } from './sale-lines';
import { discountsBeyondGrant, saleDiscountGrant } from './sale-discounts';
import { assertSaleSize } from './sale-size';
import { actorIdOf, actorTypeOf } from './sale-lock';
import { SalesSummaryService } from './sales-summary.service';
import { SALE_SELECT } from './sale-query';
import { SaleFlag } from '@kassa/contracts';
import { ShiftDrawersService } from './shift-drawers.service';
import { settleTenders } from './tenders';
import {
  changeOnlyInCash,
  discountForbidden,
  offlineSaleForbidden,
  offlineTenderInvalid,
  cashierMayNotSell,
  receiptNumberNotAllowed,
  receiptNumberRequired,
  receiptNumberTaken,
  saleExists,
  saleNotFound,
  tenderShort,
} from './sales.exception';

export interface StoredSale extends Omit<SaleDto, 'negativeStockLines' | 'lines' | 'customerName'> {
  lines: (SaleDto['lines'][number] & { onHandAfter: number | null })[];
}

export interface RecordedSale {
  sale: SaleDto;
  /** The sale existed already with the same body: this is its first response again. */
  replayed: boolean;
}

/** Newest first (ids are UUIDv7). */
const SALE_PAGES = cursorShape('sales', ['uuid']);
const EXPORT_PAGE = 1000;

/**
 * A stored sale as the API shows it: with its customer's name (from `customerNames`), and lines without
 * their stock note, which surfaces as `negativeStockLines`.
 */
export function presentSale(stored: StoredSale, customerNames: Map<string, string>): SaleDto {
  const lines = stored.lines.map(({ onHandAfter: _onHandAfter, ...line }) => line);
  const negativeStockLines = stored.lines
    .filter((line) => line.onHandAfter !== null && line.onHandAfter < 0)
    .map((line) => ({ lineId: line.id, productId: line.productId, onHand: line.onHandAfter as number }));
  const customerName = stored.customerId === null ? null : (customerNames.get(stored.customerId) ?? null);
  return { ...stored, customerName, lines, negativeStockLines };
}

/**
 * Checkout (issue 10): a sale priced by the shared pricing function, its stock moved, its receipt
 * numbered, its events and audit row written — all in the request's one transaction.
 */
@Injectable()
export class SalesService {
  constructor(
    private readonly stock: StockService,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
    private readonly tenants: TenantsService,
    private readonly stores: StoresService,
    private readonly registers: RegistersService,
    private readonly products: ProductsService,
    private readonly customers: CustomersService,
    private readonly summary: SalesSummaryService,
    private readonly pins: StaffPinsService,
    private readonly drawers: ShiftDrawersService,
  ) {}

  get(context: RequestContext, id: string): Promise<SaleDto> {
    return this.read(context, id);
  }

  /** Stored sales as the API shows them, their customers' names asked of customers in one query. */
  async present(context: RequestContext, stored: StoredSale[]): Promise<SaleDto[]> {
    const names = await this.customers.namesOf(
      context,
      stored.flatMap((sale) => (sale.customerId ? [sale.customerId] : [])),
    );
    return stored.map((sale) => presentSale(sale, names));
  }

  /** One sale; `customerNames` saves asking for a name the caller already has. */
  private async read(context: RequestContext, id: string, customerNames?: Map<string, string>): Promise<SaleDto> {
    const [stored] = await queryRows<StoredSale>(context.manager, `${SALE_SELECT} WHERE s.id = $1`, [id]);
    if (!stored || !canSeeStore(context, stored.storeId)) throw saleNotFound();
    return customerNames ? presentSale(stored, customerNames) : (await this.present(context, [stored]))[0];
  }

  /** Newest first; `q` is a receipt number or part of the customer's name (the command palette's search). */
  async list(context: RequestContext, query: SaleQueryDto): Promise<SaleSearchListDto> {
    const page = pageRequest(query, SALE_PAGES);
    const rows = await this.matching(context, query, page.after?.[0] ?? null, page.fetch);
    const { items, nextCursor } = paginate(rows, page, (sale) => [sale.id]);
    const refunded = await this.refundedTotals(context, items);
    return { items: (await this.present(context, items)).map((sale) => ({ ...sale, refundedMinor: refunded.get(sale.id) ?? 0 })), nextCursor };
  }

  /**
   * The sales the list's filters match, one row per sale (voided ones with their status), newest first, as CSV
   * or xlsx; read page by page inside the request's transaction. Audited as `export` once written.
   */
  async export(context: RequestContext, query: SaleExportQueryDto): Promise<SpreadsheetExport<SaleExportRow>> {
    const { currency, timeZone } = await this.tenants.current(context);
    const rowsOf = (sales: StoredSale[]) => this.exportRows(context, sales);
    const matching = (after: string | null) => this.matching(context, query, after, EXPORT_PAGE);
    const { format, bom, ...filters } = query;
    return {
      filename: 'sales',
      format,
      bom: bom ?? false,
      csvHeader: SALE_CSV_HEADER,
      sheet: { name: 'Sales', columns: SALE_EXPORT_COLUMNS, currency, timeZone },
      pages: async function* (this: void) {
        let after: string | null = null;
        for (;;) {
          const sales: StoredSale[] = await matching(after);
          if (sales.length > 0) yield await rowsOf(sales);
          if (sales.length < EXPORT_PAGE) return;
          after = sales[sales.length - 1].id;
        }
      },
      written: (rows) => this.audit.record(auditScopeOf(context), { action: 'export', entityType: 'sale', metadata: { format, filters, rows } }),
    };
  }

  /** The sales matching the list's filters within the caller's stores, newest first, after the sale `after`. */
  private matching(context: RequestContext, filters: SaleFilters, after: string | null, limit: number): Promise<StoredSale[]> {
    const q = filters.q?.trim() || null;
    const receiptNumber = q && /^\d{1,9}$/.test(q) ? Number(q) : null;
    const namePattern = q ? `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
    return queryRows<StoredSale>(
      context.manager,
      `${SALE_SELECT}
        WHERE ($1::text IS NULL OR s.receipt_number = $2
               OR EXISTS (SELECT 1 FROM customer c WHERE c.tenant_id = s.tenant_id AND c.id = s.customer_id AND c.name ILIKE $1))
          AND ($3::uuid IS NULL OR s.store_id = $3) AND ($4::uuid[] IS NULL OR s.store_id = ANY($4))
          AND ($5::uuid IS NULL OR s.register_id = $5) AND ($6::uuid IS NULL OR (s.actor_type = 'user' AND s.actor_id = $6))
          AND ($7::uuid IS NULL OR s.customer_id = $7) AND ($8::text IS NULL OR s.status = $8)
          AND ($9::timestamptz IS NULL OR s.occurred_at >= $9) AND ($10::timestamptz IS NULL OR s.occurred_at < $10)
          AND ($11::uuid IS NULL OR s.id < $11)
          AND ($13::boolean IS NULL OR s.offline = $13) AND ($14::boolean IS NULL OR (cardinality(s.flags) > 0) = $14)
        ORDER BY s.id DESC LIMIT $12`,
      [
        namePattern,
        receiptNumber,
        filters.storeId ?? null,
        visibleStoreIds(context) ?? null,
        filters.registerId ?? null,
        filters.cashierId ?? null,
        filters.customerId ?? null,
        filters.status ?? null,
        filters.from ?? null,
        filters.to ?? null,
        after,
        limit,
        filters.offline ?? null,
        filters.flagged ?? null,
      ],
    );
  }

  /** What the sales' refunds gave back so far, by sale (absent: none). */
  private async refundedTotals(context: RequestContext, sales: { id: string }[]): Promise<Map<string, number>> {
    const rows = await queryRows<{ saleId: string; refundedMinor: string }>(
      context.manager,
      `SELECT sale_id AS "saleId", sum(total_minor)::bigint AS "refundedMinor" FROM sale_refund WHERE sale_id = ANY($1::uuid[]) GROUP BY sale_id`,
      [sales.map((sale) => sale.id)],
    );
    return new Map(rows.map((row) => [row.saleId, Number(row.refundedMinor)]));
  }

  /** Export rows: the store's code and the register's name from tenancy, the customer's name, the refunds so far. */
  private async exportRows(context: RequestContext, stored: StoredSale[]): Promise<SaleExportRow[]> {
    const sales = await this.present(context, stored);
    const stores = new Map((await this.stores.getMany(context, [...new Set(sales.map((sale) => sale.storeId))])).map((store) => [store.id, store.code]));
    const registers = new Map<string, string>();
    for (const registerId of new Set(sales.map((sale) => sale.registerId))) {
      registers.set(registerId, (await this.registers.placeOf(context, registerId)).registerName);
    }
    const refunded = await this.refundedTotals(context, stored);
    return sales.map((sale) => ({
      id: sale.id,
      receiptNumber: sale.receiptNumber,
      occurredAt: sale.occurredAt,
      status: sale.status,
      storeCode: stores.get(sale.storeId) ?? '',
      registerName: registers.get(sale.registerId) ?? '',
      customerName: sale.customerName,
      subtotalMinor: sale.subtotalMinor,
      discountMinor: sale.discountMinor,
      taxMinor: sale.taxMinor,
      totalMinor: sale.totalMinor,
      refundedMinor: refunded.get(sale.id) ?? 0,
      tenders: sale.tenders.map((tender) => `${tender.type} ${tender.amountMinor}`).join('; '),
      offline: sale.offline,
      flagged: sale.flags.length > 0,
    }));
  }

  async create(context: RequestContext, input: CreateSaleDto): Promise<RecordedSale> {
    const offline = input.offline ?? false;
    assertOfflineTenders(input);
    // An offline sale is taken as rung up (prices, discounts, short tenders only flagged): only a till, or a device manager importing a till's queue, may claim it.
    assertMaySendAsTill(context, input);
    const id = input.id ?? uuidv7();
    const requestHash = requestFingerprint('POST', '/api/v1/sales', input);
    if (input.id) {
      const earlier = await this.earlier(context, id, requestHash);
      if (earlier) return { sale: earlier, replayed: true };
    }
    const register = await this.register(context, input);
    const shiftId = await this.drawers.forSale(context, register, offline);
    const customerNames = input.customerId
      ? new Map([[input.customerId, await this.customers.nameOf(context, input.customerId, 'customerId')]])
      : new Map<string, string>();
    const tenant = await this.tenants.current(context);
    // Prices and discounts are judged as the cashier who rang the sale up, not as whoever sends it.
    const seller = input.cashierId ? await this.cashierContext(context, input.cashierId, input.storeId) : context;

    const products = await this.products.forSale(
      context,
      input.lines.map((line) => line.productId),
    );
    const lines = resolveLines(seller, products, input.lines, offline);
    assertSaleSize(lines);
    const priced = priceSale({ lines: lines.map((line) => line.pricing), discount: discountOf(input.discount), pricesIncludeTax: tenant.pricesIncludeTax });
    const saleFlags: SaleFlag[] = [];
    // Checked whenever given, so a wrong PIN always counts toward the approver's lockout.
    const approver = input.approval ? await this.pins.approve(context, input.approval.userId, input.approval.pin) : undefined;
    const discountGrant = saleDiscountGrant(seller, tenant.discountLimitBps, approver && { approver, storeId: input.storeId });
    const discountApprovedBy = priced.discountMinor > 0 ? discountGrant.approvedBy : null;
    const discountsBeyond = discountsBeyondGrant(priced, discountGrant);
    if (discountsBeyond.length > 0) {
      if (!offline) throw discountForbidden(discountsBeyond, discountGrant.allowanceBps, priced.subtotalMinor, priced.discountMinor);
      saleFlags.push('discount_unapproved');
    }
    const tendered = settleTenders(priced.totalMinor, input.tenders);
    if (tendered.overpaidWithoutCash) {
      throw changeOnlyInCash(priced.totalMinor);
    }
    if (offline && beyondOfflineLimits(tenant, input.tenders, priced.totalMinor)) saleFlags.push('offline_limit_exceeded');
    if (tendered.short) {
      if (!offline) {
        throw tenderShort(tendered.tenderedMinor, priced.totalMinor);
      }
      saleFlags.push('tender_short');
    }

    const lineFlags = lines.map((line) => [...line.flags]);
    // Writes in a fixed number of statements (issue 31): events and audit rows go in one insert each at the end.
    return this.events.collecting(context, () =>
      this.audit.collecting(context.manager, async () => {
        const inserted = await queryRows<{ occurredAt: string; createdAt: string }>(
          context.manager,
          `INSERT INTO sale (tenant_id, id, store_id, register_id, receipt_number, customer_id, actor_type, actor_id, offline,
                             currency, prices_include_tax, discount, subtotal_minor, discount_minor, tax_minor, total_minor,
                             tendered_minor, change_due_minor, note, request_hash, occurred_at, discount_approved_by, shift_id, flags)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, coalesce($21::timestamptz, now()), $22, $23, $24)
           ON CONFLICT (tenant_id, id) DO NOTHING RETURNING ${isoTime('occurred_at')} AS "occurredAt", ${isoTime('created_at')} AS "createdAt"`,
          [
            context.tenantId,
            id,
            input.storeId,
            register.id,
            // An api register's number is taken last (its row stays locked until commit); a POS register's comes with the sale.
            register.kind === 'pos' ? (input.receiptNumber as number) : null,
            input.customerId ?? null,
            actorTypeOf(seller),
            actorIdOf(seller),
            offline,
            tenant.currency,
            tenant.pricesIncludeTax,
            input.discount ? JSON.stringify(discountOf(input.discount)) : null,
            priced.subtotalMinor,
            priced.discountMinor,
            priced.taxMinor,
            priced.totalMinor,
            tendered.tenderedMinor,
            tendered.changeDueMinor,
            input.note ?? null,
            requestHash,
            input.occurredAt ?? null,
            discountApprovedBy,
            shiftId,
            saleFlagsOf(saleFlags, lineFlags),
          ],
        ).catch((error: unknown) => {
          if (isUniqueViolation(error, 'sale_receipt_number_key')) {
            throw receiptNumberTaken(input.receiptNumber);
          }
          throw error;
        });
        // A concurrent resend of the same id committed first (the insert waited for it).
        if (inserted.length === 0) return { sale: (await this.earlier(context, id, requestHash)) as SaleDto, replayed: true };

        const onHand = await this.moveStock(context, id, input.storeId, lines, products, offline);
        // An offline sale already happened: a line that took the store below zero is flagged for review.
        lines.forEach((line, index) => {
          if (offline && (onHand.get(line.index) ?? 0) < 0) lineFlags[index].push('negative_stock');
        });
        // After the stock rows and before the register's, as refunds and voids lock stock before the customer.
        if (input.customerId) {
          await this.customers.recordPurchase(context, input.customerId, { count: 1, totalMinor: priced.totalMinor, purchasedAt: inserted[0].occurredAt });
        }
        const receiptNumber = register.kind === 'api' ? await this.registers.nextReceiptNumber(context, register.id) : (input.receiptNumber as number);
        if (register.kind === 'pos') await this.registers.noteReceiptNumber(context, register.id, receiptNumber);
        const flags = saleFlagsOf(saleFlags, lineFlags);
        if (
          register.kind === 'api' ||
          flags.length >
            saleFlagsOf(
              saleFlags,
              lines.map((line) => line.flags),
            ).length
        ) {
          await context.manager.query(`UPDATE sale SET receipt_number = $2, flags = $3 WHERE id = $1`, [id, receiptNumber, flags]);
        }
        const written = await this.insertLinesAndTenders(context, id, lines, lineFlags, onHand, priced, input);

        const sale = presentSale(
          {
            id,
            storeId: input.storeId,
            registerId: register.id,
            receiptNumber,
            customerId: input.customerId ?? null,
            status: 'completed',
            offline,
            flags,
            currency: tenant.currency,
            pricesIncludeTax: tenant.pricesIncludeTax,
            discount: discountOf(input.discount) ?? null,
            subtotalMinor: priced.subtotalMinor,
            discountMinor: priced.discountMinor,
            taxMinor: priced.taxMinor,
            discountApprovedBy,
            totalMinor: priced.totalMinor,
            tenderedMinor: tendered.tenderedMinor,
            changeDueMinor: tendered.changeDueMinor,
            note: input.note ?? null,
            actorType: actorTypeOf(seller),
            actorId: actorIdOf(seller),
            occurredAt: inserted[0].occurredAt,
            createdAt: inserted[0].createdAt,
            reviewedAt: null,
            voidedAt: null,
            voidReason: null,
            shiftId,
            voidRegisterId: null,
            voidShiftId: null,
            ...written,
          },
          customerNames,
        );
        await this.recordEvents(context, sale);
        await this.audit.record(auditScopeOf(context), {
          action: 'create',
          entityType: 'sale',
          entityId: id,
          after: {
            storeId: sale.storeId,
            registerId: sale.registerId,
            receiptNumber: sale.receiptNumber,
            discountMinor: sale.discountMinor,
            discountApprovedBy: sale.discountApprovedBy,
            totalMinor: sale.totalMinor,
            offline,
            flags: sale.flags,
          },
          metadata: auditMetadata({
            discountGrantedBy: sale.discountMinor > 0 ? discountGrant.grantedBy : undefined,
            cashierId: seller === context ? undefined : input.cashierId,
          }),
        });
        await this.summary.invalidate(context);
        return { sale, replayed: false };
      }),
    );
  }

  /** The request as the cashier who rang the sale up: an active user of the shop who may sell at the store. */
  private async cashierContext(context: RequestContext, cashierId: string, storeId: string): Promise<RequestContext> {
    const cashier = await this.pins.staffMember(context, cashierId);
    const permissions = cashier ? ROLE_PERMISSIONS[cashier.role] : [];
    if (!cashier || !permissions.includes('sales:create') || (cashier.storeIds.length > 0 && !cashier.storeIds.includes(storeId))) {
      throw cashierMayNotSell();
    }
    return { ...context, actor: { kind: 'user', userId: cashier.userId, role: cashier.role, storeIds: cashier.storeIds, permissions } };
  }

  /** A sale already recorded under this id: the same body replays it, another is a conflict. */
  private async earlier(context: RequestContext, id: string, requestHash: Buffer): Promise<SaleDto | undefined> {
    const [existing]: { requestHash: Buffer }[] = await context.manager.query(`SELECT request_hash AS "requestHash" FROM sale WHERE id = $1`, [id]);
    if (!existing) return undefined;
    if (!existing.requestHash.equals(requestHash)) {
      throw saleExists();
    }
    return this.get(context, id);
  }

  private async register(context: RequestContext, input: CreateSaleDto): Promise<SaleRegister> {
    const register = await this.registers.forSale(context, input.storeId, input.registerId, input.offline ?? false);
    if (register.kind === 'pos' && input.receiptNumber === undefined) {
      throw receiptNumberRequired();
    }
    if (register.kind === 'api' && input.receiptNumber !== undefined) {
      throw receiptNumberNotAllowed();
    }
    return register;
  }

  /** Lines (with their final flags and on hand after) and tenders in one statement; answers them as the sale shows them. */
  private async insertLinesAndTenders(
    context: RequestContext,
    saleId: string,
    lines: ResolvedLine[],
    lineFlags: SaleFlag[][],
    onHand: Map<number, number>,
    priced: PricedSale,
    input: CreateSaleDto,
  ): Promise<Pick<StoredSale, 'lines' | 'tenders'>> {
    const stored: StoredSale['lines'] = lines.map((line, index) => ({
      id: uuidv7(),
      productId: line.product.id,
      sku: line.product.sku,
      name: line.product.name,
      quantity: line.pricing.quantity,
      unitPriceMinor: line.pricing.unitPriceMinor,
      listPriceMinor: line.product.priceMinor,
      taxRateBps: line.pricing.taxRateBps,
      discount: line.pricing.discount ?? null,
      grossMinor: priced.lines[index].grossMinor,
      lineDiscountMinor: priced.lines[index].lineDiscountMinor,
      saleDiscountMinor: priced.lines[index].saleDiscountMinor,
      taxMinor: priced.lines[index].taxMinor,
      totalMinor: priced.lines[index].totalMinor,
      flags: lineFlags[index],
      refundedQuantity: 0,
      onHandAfter: onHand.get(line.index) ?? null,
    }));
    const tenders = input.tenders.map((tender) => ({ id: uuidv7(), type: tender.type, amountMinor: tender.amountMinor, offline: tender.offline ?? false }));
    await context.manager.query(
      `WITH tenders AS (
         INSERT INTO sale_tender (tenant_id, sale_id, id, position, type, amount_minor, offline)
         SELECT $1, $2, * FROM unnest($20::uuid[], $21::int[], $22::text[], $23::bigint[], $24::boolean[])
       )
       INSERT INTO sale_line (tenant_id, sale_id, id, position, product_id, sku, name, quantity, unit_price_minor, list_price_minor,
                              tax_rate_bps, discount, gross_minor, line_discount_minor, sale_discount_minor, tax_minor, total_minor, flags, unit_cost_minor,
                              on_hand_after)
       SELECT $1, $2, v.id, v.position, v.product_id, v.sku, v.name, v.quantity, v.unit_price, v.list_price, v.tax_rate, v.discount,
              v.gross, v.line_discount, v.sale_discount, v.tax, v.total, coalesce(string_to_array(nullif(v.flags, ''), ','), '{}'), v.unit_cost, v.on_hand
         FROM unnest($3::uuid[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::int[], $9::bigint[], $10::bigint[], $11::int[],
                     $12::jsonb[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[], $17::bigint[], $18::text[], $19::bigint[], $25::int[])
           AS v (id, position, product_id, sku, name, quantity, unit_price, list_price, tax_rate, discount, gross, line_discount,
                 sale_discount, tax, total, flags, unit_cost, on_hand)`,
      [
        context.tenantId,
        saleId,
        stored.map((line) => line.id),
        lines.map((line) => line.index),
        stored.map((line) => line.productId),
        stored.map((line) => line.sku),
        stored.map((line) => line.name),
        stored.map((line) => line.quantity),
        stored.map((line) => line.unitPriceMinor),
        stored.map((line) => line.listPriceMinor),
        stored.map((line) => line.taxRateBps),
        stored.map((line) => (line.discount ? JSON.stringify(line.discount) : null)),
        stored.map((line) => line.grossMinor),
        stored.map((line) => line.lineDiscountMinor),
        stored.map((line) => line.saleDiscountMinor),
        stored.map((line) => line.taxMinor),
        stored.map((line) => line.totalMinor),
        // Arrays of arrays must not be ragged in PostgreSQL: each line's flags travel comma-joined.
        stored.map((line) => line.flags.join(',')),
        // The catalog's cost now: margins keep the cost of the day the goods were sold (issue 29).
        lines.map((line) => line.product.costMinor),
        tenders.map((tender) => tender.id),
        tenders.map((_, position) => position),
        tenders.map((tender) => tender.type),
        tenders.map((tender) => tender.amountMinor),
        tenders.map((tender) => tender.offline),
        stored.map((line) => line.onHandAfter),
      ],
    );
    return { lines: stored, tenders };
  }

  /**
   * Takes the sold units out of the store in one move of every line (StockService locks the levels in product order,
   * so concurrent sales never deadlock). Answers on hand after each stocked line, by line index.
   */
  private async moveStock(
    context: RequestContext,
    saleId: string,
    storeId: string,
    lines: ResolvedLine[],
    products: ProductForSale[],
    offline: boolean,
  ): Promise<Map<number, number>> {
    const stocked = lines.filter((line) => line.product.trackStock);
    const moved = await this.stock.moveMany(
      context,
      stocked.map((line) => ({
        storeId,
        productId: line.product.id,
        delta: -line.pricing.quantity,
        reason: 'sale' as const,
        reference: { type: 'sale', id: saleId },
        alreadyHappened: offline,
      })),
      {
        fields: stocked.map((line) => ({ store: 'storeId', product: `lines.${line.index}.productId`, delta: `lines.${line.index}.quantity` })),
        products,
      },
    );
    return new Map(stocked.map((line, index) => [line.index, moved[index].onHand]));
  }

  private async recordEvents(context: RequestContext, sale: SaleDto): Promise<void> {
    const where = { saleId: sale.id, storeId: sale.storeId, registerId: sale.registerId, receiptNumber: sale.receiptNumber, currency: sale.currency };
    await this.events.recordMany(context, [
      newEvent({ type: 'sale.created', aggregateType: 'sale', aggregateId: sale.id, aggregateVersion: 1, data: { ...sale } }),
      ...sale.tenders.map((tender) =>
        newEvent({
          type: 'payment.received',
          aggregateType: 'sale',
          aggregateId: sale.id,
          aggregateVersion: 1,
          data: { ...where, tenderId: tender.id, type: tender.type, amountMinor: tender.amountMinor },
        }),
      ),
    ]);
  }
}

/** Only a card tender of an offline sale was taken without the network. */
function assertOfflineTenders(input: CreateSaleDto): void {
  input.tenders.forEach((tender, index) => {
    if (tender.offline && (!input.offline || tender.type !== 'card')) throw offlineTenderInvalid(index);
  });
}

/** An offline sale beyond the shop's limits: recorded as rung up (it happened), flagged for review. */
function beyondOfflineLimits(tenant: TenantDto, tenders: CreateSaleDto['tenders'], totalMinor: number): boolean {
  const cardOffline = tenders.some((tender) => tender.offline);
  return (cardOffline && !tenant.offlineCardAllowed) || (tenant.offlineMaxSaleMinor !== null && totalMinor > tenant.offlineMaxSaleMinor);
}

/** A sale's flags: its own and its lines', once each, in order. */
function saleFlagsOf(saleFlags: SaleFlag[], lineFlags: SaleFlag[][]): SaleFlag[] {
  return [...new Set([...saleFlags, ...lineFlags.flat()])].sort();
}

const auditMetadata = (fields: Record<string, unknown>) => {
  const given = Object.entries(fields).filter(([, value]) => value !== undefined);
  return given.length > 0 ? Object.fromEntries(given) : undefined;
};

/**
 * Who may send what only a till sends (decision 0032): a user signed in by PIN on a paired device carries its
 * register and sends offline sales and other cashiers' sales for that register only; a user holding
 * `devices:manage` outside a till imports a till's exported queue, each sale naming its `cashierId`.
 */
export function assertMaySendAsTill(context: RequestContext, input: Pick<CreateSaleDto, 'offline' | 'registerId' | 'cashierId'>): void {
  if (!input.offline && input.cashierId === undefined) return;
  if (context.registerId !== undefined) {
    if (input.registerId !== context.registerId) throw offlineSaleForbidden('registerId', "must be the till's own register");
    return;
  }
  const importer = context.actor.kind === 'user' && context.actor.permissions.includes('devices:manage');
  if (!importer) throw offlineSaleForbidden(input.offline ? 'offline' : 'cashierId', "only a till, or a device manager importing a till's queue, sends these");
  if (input.cashierId === undefined) throw offlineSaleForbidden('offline', 'an imported offline sale names its cashier (cashierId)');
}

/** A caller signed in by PIN on a paired device carries its register; an offline refund must be for that register. */
export function assertOfflineFromTill(context: RequestContext, registerId: string | undefined): void {
  if (context.registerId === undefined) throw offlineSaleForbidden('offline', 'only a user signed in by PIN on a paired till sends offline sales');
  if (registerId !== context.registerId) throw offlineSaleForbidden('registerId', "must be the till's own register");
}
