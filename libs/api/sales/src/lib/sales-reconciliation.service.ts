import { Injectable } from '@nestjs/common';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { queryRows } from '@kassa/api/database';
import { cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import { visibleStoreIds } from '@kassa/api/tenancy';
import type { ReconciliationQueryDto, ReviewSaleDto } from './dto/reconciliation.dto';
import type { SaleDto, SaleListDto } from './dto/sale.dto';
import { SALE_SELECT } from './sale-query';
import { SalesService, StoredSale } from './sales.service';

/** Oldest first. */
const FLAGGED_SALE_PAGES = cursorShape('sales-reconciliation', ['uuid']);

/** Offline sales that did what an online one could not (issue 10), listed until a manager has reviewed them. */
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
}
