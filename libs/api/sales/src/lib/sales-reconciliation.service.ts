import { Injectable } from '@nestjs/common';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { isoTime, queryRows } from '@kassa/api/database';
import { cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import { visibleStoreIds } from '@kassa/api/tenancy';
import type { ReconciliationQueryDto, ReviewSaleDto } from './dto/reconciliation.dto';
import type { RefundReviewDto, RefundReviewListDto } from './dto/refund.dto';
import { REFUND_SELECT } from './refund-query';
import { offlineRefundNotFound } from './sales.exception';
import type { SaleDto, SaleListDto } from './dto/sale.dto';
import { SALE_SELECT } from './sale-query';
import { SalesService, StoredSale } from './sales.service';

/** Oldest first. */
const FLAGGED_SALE_PAGES = cursorShape('sales-reconciliation', ['uuid']);
const OFFLINE_REFUND_PAGES = cursorShape('refunds-reconciliation', ['uuid']);

const REFUND_REVIEW_SELECT = REFUND_SELECT.replace(
  'FROM sale_refund r',
  `, r.store_id AS "storeId", s.receipt_number AS "receiptNumber", r.reviewed_by AS "reviewedBy", r.review_note AS "reviewNote"
    FROM sale_refund r JOIN sale s ON s.tenant_id = r.tenant_id AND s.id = r.sale_id`,
);

/**
 * Offline sales that did what an online one could not (issue 10), and every offline refund (issue 21: its
 * approval could not be checked at the till), listed until a manager has reviewed them.
 */
@Injectable()
export class SalesReconciliationService {
  constructor(
    private readonly sales: SalesService,
    private readonly audit: AuditLog,
  ) {}

  async list(context: RequestContext, query: ReconciliationQueryDto): Promise<SaleListDto> {
    const page = pageRequest(query, FLAGGED_SALE_PAGES);
    const rows = await queryRows<StoredSale>(
      context.manager,
      `${SALE_SELECT}
        WHERE cardinality(s.flags) > 0 AND (s.reviewed_at IS NULL) = $1
          AND ($2::uuid IS NULL OR s.store_id = $2) AND ($3::uuid[] IS NULL OR s.store_id = ANY($3))
          AND ($4::uuid IS NULL OR s.id > $4)
        ORDER BY s.id LIMIT $5`,
      [(query.status ?? 'open') === 'open', query.storeId ?? null, visibleStoreIds(context) ?? null, page.after?.[0] ?? null, page.fetch],
    );
    const { items, nextCursor } = paginate(rows, page, (sale) => [sale.id]);
    return { items: await this.sales.present(context, items), nextCursor };
  }

  async review(context: RequestContext, id: string, input: ReviewSaleDto): Promise<SaleDto> {
    const before = await this.sales.get(context, id);
    const reviewer = context.actor.kind === 'user' ? context.actor.userId : null;
    await context.manager.query(`UPDATE sale SET reviewed_at = now(), reviewed_by = $2, review_note = $3 WHERE id = $1`, [id, reviewer, input.note ?? null]);
    const after = await this.sales.get(context, id);
    await this.audit.record(auditScopeOf(context), {
      action: 'approve',
      entityType: 'sale',
      entityId: id,
      before: { reviewedAt: before.reviewedAt },
      after: { reviewedAt: after.reviewedAt },
      metadata: { flags: after.flags, note: input.note ?? null },
    });
    return after;
  }

  async listRefunds(context: RequestContext, query: ReconciliationQueryDto): Promise<RefundReviewListDto> {
    const page = pageRequest(query, OFFLINE_REFUND_PAGES);
    const rows = await queryRows<RefundReviewDto>(
      context.manager,
      `${REFUND_REVIEW_SELECT}
        WHERE r.offline AND (r.reviewed_at IS NULL) = $1
          AND ($2::uuid IS NULL OR r.store_id = $2) AND ($3::uuid[] IS NULL OR r.store_id = ANY($3))
          AND ($4::uuid IS NULL OR r.id > $4)
        ORDER BY r.id LIMIT $5`,
      [(query.status ?? 'open') === 'open', query.storeId ?? null, visibleStoreIds(context) ?? null, page.after?.[0] ?? null, page.fetch],
    );
    return paginate(rows, page, (refund) => [refund.id]);
  }

  async reviewRefund(context: RequestContext, id: string, input: ReviewSaleDto): Promise<RefundReviewDto> {
    const reviewer = context.actor.kind === 'user' ? context.actor.userId : null;
    const [reviewed] = await queryRows<{ saleId: string; before: string | null }>(
      context.manager,
      `UPDATE sale_refund r SET reviewed_at = now(), reviewed_by = $2, review_note = $3
         FROM sale_refund old
        WHERE r.tenant_id = old.tenant_id AND r.id = old.id AND r.id = $1 AND r.offline AND ($4::uuid[] IS NULL OR r.store_id = ANY($4))
        RETURNING r.sale_id AS "saleId", ${isoTime('old.reviewed_at')} AS before`,
      [id, reviewer, input.note ?? null, visibleStoreIds(context) ?? null],
    );
    if (!reviewed) throw offlineRefundNotFound();
    const [after] = await queryRows<RefundReviewDto>(context.manager, `${REFUND_REVIEW_SELECT} WHERE r.id = $1`, [id]);
    await this.audit.record(auditScopeOf(context), {
      action: 'approve',
      entityType: 'sale',
      entityId: reviewed.saleId,
      before: { refundReviewedAt: reviewed.before },
      after: { refundReviewedAt: after.reviewedAt },
      metadata: { refundId: id, flags: after.flags, note: input.note ?? null },
    });
    return after;
  }
}
