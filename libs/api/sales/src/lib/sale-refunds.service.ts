import { Injectable } from '@nestjs/common';
import { ErrorCode, refundShare, roleHasPermission, uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { StaffPinsService } from '@kassa/api/auth';
import { ProductsService } from '@kassa/api/catalog';
import { CustomersService } from '@kassa/api/customers';
import { queryRows } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { ApiException, RequestContext } from '@kassa/api/http';
import { requestFingerprint } from '@kassa/api/idempotency';
import { StockService } from '@kassa/api/inventory';
import { RegistersService } from '@kassa/api/tenancy';
import type { CreateRefundDto, RefundDto, RefundListDto } from './dto/refund.dto';
import { SalesSummaryService } from './sales-summary.service';
import { REFUND_SELECT } from './refund-query';
import { ShiftDrawersService } from './shift-drawers.service';
import { actorIdOf, lockCompletedSale } from './sale-lock';
import { assertOfflineFromTill, SalesService } from './sales.service';
import { approverWorksIn } from './sale-approvals';
import { RefundFlag } from '@kassa/contracts';
import {
  approverMayNot,
  refundExceedsRemaining,
  refundExists,
  refundLineTwice,
  refundNeedsApproval,
  refundTenderMismatch,
  saleLineNotFound,
} from './sales.exception';

/** Approval answers that an offline refund records as a flag instead of refusing (the money already went out). */
const UNVERIFIED_APPROVAL = new Set<string>([ErrorCode.PinInvalid, ErrorCode.PinNotSet, ErrorCode.PinLocked, ErrorCode.Forbidden]);

interface ClaimedLine {
  id: string;
  productId: string;
  quantity: number;
  alreadyRefunded: number;
  totalMinor: number;
  taxMinor: number;
  taxRateBps: number;
}

/**
 * Returns (issue 11): part or all of a sale's lines come back, the money from what was paid for them
 * (their prices and discounts as sold), never more units than are left on a line.
 */
@Injectable()
export class SaleRefundsService {
  constructor(
    private readonly sales: SalesService,
    private readonly stock: StockService,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
    private readonly products: ProductsService,
    private readonly customers: CustomersService,
    private readonly summary: SalesSummaryService,
    private readonly registers: RegistersService,
    private readonly drawers: ShiftDrawersService,
    private readonly pins: StaffPinsService,
  ) {}

  async list(context: RequestContext, saleId: string): Promise<RefundListDto> {
    await this.sales.get(context, saleId);
    const items = await queryRows<RefundDto>(context.manager, `${REFUND_SELECT} WHERE r.sale_id = $1 ORDER BY r.id`, [saleId]);
    return { items, nextCursor: null };
  }

  async create(context: RequestContext, saleId: string, input: CreateRefundDto): Promise<RefundDto> {
    const sale = await this.sales.get(context, saleId);
    const registerId = input.registerId ?? sale.registerId;
    if (input.offline) assertOfflineFromTill(context, registerId);
    const requestHash = requestFingerprint('POST', `/api/v1/sales/${saleId}/refunds`, input);
    if (input.id) {
      const earlier = await this.earlier(context, input.id, requestHash);
      if (earlier) return earlier;
    }
    if (input.registerId) await this.registers.forSale(context, sale.storeId, input.registerId, input.offline ?? false);
    const { approvedBy, flags } = await this.approval(context, sale.storeId, input);
    const version = await lockCompletedSale(context, saleId);
    const id = input.id ?? uuidv7();

    // Lines in id order, so concurrent refunds of one sale lock them in one order.
    const requested = (await this.lineIds(context, saleId, input.lines))
      .map((saleLineId, index) => ({ ...input.lines[index], saleLineId, index }))
      .sort((x, y) => (x.saleLineId < y.saleLineId ? -1 : 1));
    const claimed: { line: ClaimedLine; index: number; restock: boolean; share: { amountMinor: number; taxMinor: number } }[] = [];
    for (const request of requested) {
      const line = await this.claim(context, saleId, request.saleLineId, request.quantity, request.index);
      claimed.push({ line, index: request.index, restock: request.restock, share: refundShare(line, line.alreadyRefunded, request.quantity) });
    }
    claimed.sort((x, y) => x.index - y.index);
    const totalMinor = claimed.reduce((sum, entry) => sum + entry.share.amountMinor, 0);
    const taxMinor = claimed.reduce((sum, entry) => sum + entry.share.taxMinor, 0);
    const tendered = input.tenders.reduce((sum, tender) => sum + tender.amountMinor, 0);
    if (tendered !== totalMinor) {
      throw refundTenderMismatch(totalMinor, tendered);
    }

    // The drawer that pays out: its open shift's report counts the refund (after the sale's lock, as a close locks no sale).
    const shiftId = await this.drawers.openShiftOf(context, registerId);
    await context.manager.query(
      `INSERT INTO sale_refund (tenant_id, id, sale_id, store_id, register_id, shift_id, reason, total_minor, tax_minor, actor_type, actor_id,
                                request_hash, occurred_at, offline, approved_by, flags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        context.tenantId,
        id,
        saleId,
        sale.storeId,
        registerId,
        shiftId,
        input.reason,
        totalMinor,
        taxMinor,
        context.actor.kind,
        actorIdOf(context),
        requestHash,
        input.occurredAt ?? null,
        input.offline ?? false,
        approvedBy,
        flags,
      ],
    );
    await context.manager.query(
      `INSERT INTO sale_refund_line (tenant_id, refund_id, id, sale_line_id, quantity, restock, tax_rate_bps, amount_minor, tax_minor)
       SELECT $1, $2, * FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::boolean[], $7::int[], $8::bigint[], $9::bigint[])`,
      [
        context.tenantId,
        id,
        claimed.map(() => uuidv7()),
        claimed.map((entry) => entry.line.id),
        claimed.map((entry) => input.lines[entry.index].quantity),
        claimed.map((entry) => entry.restock),
        claimed.map((entry) => entry.line.taxRateBps),
        claimed.map((entry) => entry.share.amountMinor),
        claimed.map((entry) => entry.share.taxMinor),
      ],
    );
    await context.manager.query(
      `INSERT INTO sale_refund_tender (tenant_id, refund_id, id, position, type, amount_minor)
       SELECT $1, $2, * FROM unnest($3::uuid[], $4::int[], $5::text[], $6::bigint[])`,
      [
        context.tenantId,
        id,
        input.tenders.map(() => uuidv7()),
        input.tenders.map((_, position) => position),
        input.tenders.map((t) => t.type),
        input.tenders.map((t) => t.amountMinor),
      ],
    );

    const restocked = (
      await this.tracked(
        context,
        claimed.filter((entry) => entry.restock),
      )
    ).sort((x, y) => (x.line.productId < y.line.productId ? -1 : 1));
    for (const entry of restocked) {
      // The goods are back in the shop whatever became of the product since: record it as it happened.
      await this.stock.move(context, {
        storeId: sale.storeId,
        productId: entry.line.productId,
        delta: input.lines[entry.index].quantity,
        reason: 'refund',
        reference: { type: 'refund', id },
        alreadyHappened: true,
      });
    }

    if (sale.customerId) await this.customers.recordPurchase(context, sale.customerId, { count: 0, totalMinor: -totalMinor });

    const [refund] = await queryRows<RefundDto>(context.manager, `${REFUND_SELECT} WHERE r.id = $1`, [id]);
    await this.events.record(context, {
      type: 'sale.refunded',
      aggregateType: 'sale',
      aggregateId: saleId,
      aggregateVersion: version,
      data: { ...refund, storeId: sale.storeId, saleRegisterId: sale.registerId, receiptNumber: sale.receiptNumber, currency: sale.currency },
    });
    await this.audit.record(auditScopeOf(context), {
      action: 'refund',
      entityType: 'sale',
      entityId: saleId,
      metadata: {
        refundId: id,
        registerId,
        shiftId,
        totalMinor,
        reason: input.reason,
        approvedBy,
        flags,
        lines: refund.lines.map((line) => ({ saleLineId: line.saleLineId, quantity: line.quantity, restock: line.restock })),
      },
    });
    await this.summary.invalidate(context);
    return refund;
  }

  /**
   * Who answers for the refund: the caller holding `sales:refund`, or the approver whose PIN is given (checked
   * whenever given, so a wrong PIN always counts toward their lockout). Offline, an approval that does not hold
   * is a flag for review, not a refusal.
   */
  private async approval(context: RequestContext, storeId: string, input: CreateRefundDto): Promise<{ approvedBy: string | null; flags: RefundFlag[] }> {
    const permitted = context.actor.permissions.includes('sales:refund');
    try {
      if (!input.approval) {
        if (permitted) return { approvedBy: null, flags: [] };
        throw refundNeedsApproval();
      }
      const approver = await this.pins.approve(context, input.approval.userId, input.approval.pin);
      if (!roleHasPermission(approver.role, 'sales:refund')) throw approverMayNot('sales:refund', 'permission');
      if (!approverWorksIn(approver, storeId)) throw approverMayNot('sales:refund', 'store');
      return { approvedBy: approver.userId, flags: [] };
    } catch (error) {
      if (input.offline && error instanceof ApiException && UNVERIFIED_APPROVAL.has(error.code)) {
        return { approvedBy: null, flags: permitted ? [] : ['approval_unverified'] };
      }
      throw error;
    }
  }

  /** A refund already recorded under this client id: the same request answers it again, another is refused. */
  private async earlier(context: RequestContext, id: string, requestHash: Buffer): Promise<RefundDto | undefined> {
    const [existing] = await queryRows<{ requestHash: Buffer | null }>(context.manager, `SELECT request_hash AS "requestHash" FROM sale_refund WHERE id = $1`, [
      id,
    ]);
    if (!existing) return undefined;
    if (!existing.requestHash?.equals(requestHash)) throw refundExists();
    const [refund] = await queryRows<RefundDto>(context.manager, `${REFUND_SELECT} WHERE r.id = $1`, [id]);
    return refund;
  }

  /** Each requested line's id: as given, or the sale's line at `position`. */
  private async lineIds(context: RequestContext, saleId: string, lines: CreateRefundDto['lines']): Promise<string[]> {
    if (lines.every((line) => line.saleLineId !== undefined)) return lines.map((line) => line.saleLineId as string);
    const rows = await queryRows<{ id: string; position: number }>(context.manager, `SELECT id, position FROM sale_line WHERE sale_id = $1`, [saleId]);
    const byPosition = new Map(rows.map((row) => [row.position, row.id]));
    const ids = lines.map((line, index) => {
      const id = line.saleLineId ?? byPosition.get(line.position as number);
      if (!id) throw saleLineNotFound(`lines.${index}.position`);
      return id;
    });
    if (new Set(ids).size < ids.length) throw refundLineTwice();
    return ids;
  }

  /** The entries whose product keeps stock, as the catalog has it now: the goods are back whatever it was when sold. */
  private async tracked<T extends { line: ClaimedLine }>(context: RequestContext, entries: T[]): Promise<T[]> {
    if (entries.length === 0) return [];
    const products = await this.products.forSale(
      context,
      entries.map((entry) => entry.line.productId),
    );
    const tracking = new Set(products.filter((product) => product.trackStock).map((product) => product.id));
    return entries.filter((entry) => tracking.has(entry.line.productId));
  }

  /** Counts the units as refunded in one guarded UPDATE: concurrent refunds of the last unit cannot both pass. */
  private async claim(context: RequestContext, saleId: string, saleLineId: string, quantity: number, index: number): Promise<ClaimedLine> {
    const [line] = await queryRows<ClaimedLine>(
      context.manager,
      `UPDATE sale_line l SET refunded_quantity = l.refunded_quantity + $3
        WHERE l.id = $1 AND l.sale_id = $2 AND l.refunded_quantity + $3 <= l.quantity
        RETURNING l.id, l.product_id AS "productId", l.quantity, l.refunded_quantity - $3 AS "alreadyRefunded", l.total_minor AS "totalMinor",
                  l.tax_minor AS "taxMinor", l.tax_rate_bps AS "taxRateBps"`,
      [saleLineId, saleId, quantity],
    );
    if (line) return line;
    const [existing] = await queryRows<{ left: number }>(
      context.manager,
      `SELECT quantity - refunded_quantity AS left FROM sale_line WHERE id = $1 AND sale_id = $2`,
      [saleLineId, saleId],
    );
    if (!existing) {
      throw saleLineNotFound(`lines.${index}.saleLineId`);
    }
    throw refundExceedsRemaining(existing.left, `lines.${index}.quantity`);
  }
}
