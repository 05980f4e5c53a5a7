import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { DomainEvents } from '@kassa/api/events';
import { ApiException, RequestContext } from '@kassa/api/http';
import { StockService } from '@kassa/api/inventory';
import type { VoidSaleDto } from './dto/refund.dto';
import type { SaleDto } from './dto/sale.dto';
import { actorIdOf, lockCompletedSale } from './sale-lock';
import { SalesService } from './sales.service';

/**
 * Undoing a mistaken sale (issue 11): only on the sale's own business day in the shop's time zone —
 * after that the day is closed and a return is a refund — and only while nothing of it was refunded.
 * Every line goes back on the shelf.
 */
@Injectable()
export class SaleVoidsService {
  constructor(
    private readonly sales: SalesService,
    private readonly stock: StockService,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
  ) {}

  async void(context: RequestContext, saleId: string, input: VoidSaleDto): Promise<SaleDto> {
    const before = await this.sales.get(context, saleId);
    const version = await lockCompletedSale(context, saleId);
    const [state]: { sameDay: boolean; refunded: boolean }[] = await context.manager.query(
      `SELECT (s.occurred_at AT TIME ZONE t.time_zone)::date = (now() AT TIME ZONE t.time_zone)::date AS "sameDay",
              EXISTS (SELECT 1 FROM sale_refund r WHERE r.sale_id = s.id) AS refunded
         FROM sale s CROSS JOIN tenant t WHERE s.id = $1`,
      [saleId],
    );
    if (state.refunded) throw new ApiException(ErrorCode.SaleHasRefunds, 'Part of the sale was refunded: refund the rest instead of voiding it.');
    if (!state.sameDay) {
      throw new ApiException(ErrorCode.VoidWindowClosed, "A sale can be voided only on its own business day; refund it instead.");
    }
        await context.manager.query(`UPDATE sale SET status = 'voided', voided_at = now(), voided_by = $2, void_reason = $3 WHERE id = $1`, [
      saleId,
      actorIdOf(context),
      input.reason,
    ]);

    const tracked: { productId: string; quantity: number }[] = await context.manager.query(
      `SELECT l.product_id AS "productId", sum(l.quantity)::int AS quantity
         FROM sale_line l JOIN product p ON p.tenant_id = l.tenant_id AND p.id = l.product_id
        WHERE l.sale_id = $1 AND p.track_stock GROUP BY l.product_id ORDER BY l.product_id`,
      [saleId],
    );
    for (const line of tracked) {
      await this.stock.move(context, {
        storeId: before.storeId,
        productId: line.productId,
        delta: line.quantity,
        reason: 'void',
        reference: { type: 'sale', id: saleId },
        alreadyHappened: true,
      });
    }

    const after = await this.sales.get(context, saleId);
    await this.events.record(context, {
      type: 'sale.voided',
      aggregateType: 'sale',
      aggregateId: saleId,
      aggregateVersion: version,
      data: { saleId, storeId: after.storeId, registerId: after.registerId, receiptNumber: after.receiptNumber, totalMinor: after.totalMinor, reason: input.reason },
    });
    await this.audit.record(auditScopeOf(context), {
      action: 'void',
      entityType: 'sale',
      entityId: saleId,
      before: { status: before.status },
      after: { status: after.status },
      metadata: { reason: input.reason },
    });
    return after;
  }
}
