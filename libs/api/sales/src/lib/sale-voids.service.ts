import { Injectable } from '@nestjs/common';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { ProductsService } from '@kassa/api/catalog';
import { CustomersService } from '@kassa/api/customers';
import { DomainEvents } from '@kassa/api/events';
import { isoTime, queryRows } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import { StockService } from '@kassa/api/inventory';
import { RegistersService, TenantsService } from '@kassa/api/tenancy';
import type { VoidSaleDto } from './dto/refund.dto';
import { SalesSummaryService } from './sales-summary.service';
import { ShiftDrawersService } from './shift-drawers.service';
import type { SaleDto } from './dto/sale.dto';
import { actorIdOf, lockCompletedSale } from './sale-lock';
import { SalesService } from './sales.service';
import { saleHasRefunds, voidWindowClosed } from './sales.exception';

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
    private readonly tenants: TenantsService,
    private readonly products: ProductsService,
    private readonly customers: CustomersService,
    private readonly summary: SalesSummaryService,
    private readonly registers: RegistersService,
    private readonly drawers: ShiftDrawersService,
  ) {}

  async void(context: RequestContext, saleId: string, input: VoidSaleDto): Promise<SaleDto> {
    const before = await this.sales.get(context, saleId);
    const registerId = input.registerId === undefined ? before.registerId : (await this.registers.get(context, input.registerId, 'registerId')).id;
    const version = await lockCompletedSale(context, saleId);
    const { timeZone } = await this.tenants.current(context);
    const [state] = await queryRows<{ sameDay: boolean; refunded: boolean }>(
      context.manager,
      `SELECT (s.occurred_at AT TIME ZONE $2)::date = (now() AT TIME ZONE $2)::date AS "sameDay",
              EXISTS (SELECT 1 FROM sale_refund r WHERE r.sale_id = s.id) AS refunded
         FROM sale s WHERE s.id = $1`,
      [saleId, timeZone],
    );
    if (state.refunded) throw saleHasRefunds();
    if (!state.sameDay) {
      throw voidWindowClosed();
    }
    // The drawer that pays the sale back: its open shift's report counts the void.
    const shiftId = await this.drawers.openShiftOf(context, registerId);
    await context.manager.query(
      `UPDATE sale SET status = 'voided', voided_at = now(), voided_by = $2, void_reason = $3, void_register_id = $4, void_shift_id = $5 WHERE id = $1`,
      [saleId, actorIdOf(context), input.reason, registerId, shiftId],
    );

    // Every line goes back, product by product in id order (as checkout locks stock), for products that keep stock now.
    const sold = new Map<string, number>();
    for (const line of before.lines) sold.set(line.productId, (sold.get(line.productId) ?? 0) + line.quantity);
    const products = await this.products.forSale(context, [...sold.keys()]);
    const tracked = products
      .filter((product) => product.trackStock)
      .map((product) => product.id)
      .sort();
    for (const productId of tracked) {
      await this.stock.move(context, {
        storeId: before.storeId,
        productId,
        delta: sold.get(productId) as number,
        reason: 'void',
        reference: { type: 'sale', id: saleId },
        alreadyHappened: true,
      });
    }

    const { customerId } = before;
    if (customerId) {
      // The sale no longer counts; their last purchase may now be an earlier one.
      await this.customers.recordPurchase(context, customerId, {
        count: -1,
        totalMinor: -before.totalMinor,
        latestPurchase: async () => {
          const [latest] = await queryRows<{ at: string | null }>(
            context.manager,
            `SELECT ${isoTime('max(occurred_at)')} AS at FROM sale WHERE customer_id = $1 AND status = 'completed'`,
            [customerId],
          );
          return latest.at;
        },
      });
    }

    const after = await this.sales.get(context, saleId);
    await this.events.record(context, {
      type: 'sale.voided',
      aggregateType: 'sale',
      aggregateId: saleId,
      aggregateVersion: version,
      data: {
        saleId,
        storeId: after.storeId,
        registerId: after.registerId,
        receiptNumber: after.receiptNumber,
        totalMinor: after.totalMinor,
        reason: input.reason,
        voidRegisterId: registerId,
        voidShiftId: shiftId,
      },
    });
    await this.audit.record(auditScopeOf(context), {
      action: 'void',
      entityType: 'sale',
      entityId: saleId,
      before: { status: before.status },
      after: { status: after.status, voidRegisterId: registerId, voidShiftId: shiftId },
      metadata: { reason: input.reason },
    });
    await this.summary.invalidate(context);
    return after;
  }
}
