import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog, auditActorOf, auditScopeOf } from '@kassa/api/audit';
import { ProductsService } from '@kassa/api/catalog';
import { isoTime, queryRows } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { forbidden, invalidField, RequestContext } from '@kassa/api/http';
import { StockService } from '@kassa/api/inventory';
import type { CreateReceiptDto, PurchaseOrderDto, ReceiptDto, ReceiptLineDto, ReceiptListDto } from './dto/purchase-order.dto';
import { RECEIVABLE } from './purchase-order-states';
import { invalidTransition, overReceipt } from './purchasing.exception';
import { PurchaseOrdersService } from './purchase-orders.service';

type StoredReceipt = Omit<ReceiptDto, 'purchaseOrder'>;

const RECEIPT_SELECT = `
  SELECT r.id, r.purchase_order_id AS "purchaseOrderId", r.note, ${isoTime('r.created_at')} AS "createdAt",
         (SELECT coalesce(json_agg(json_build_object('lineId', rl.line_id, 'productId', l.product_id, 'quantity', rl.quantity,
                   'unitCostMinor', rl.unit_cost_minor, 'ledgerEntryId', rl.ledger_entry_id) ORDER BY l.position), '[]')
            FROM purchase_order_receipt_line rl JOIN purchase_order_line l ON l.tenant_id = rl.tenant_id AND l.id = rl.line_id
           WHERE rl.tenant_id = r.tenant_id AND rl.receipt_id = r.id) AS lines
    FROM purchase_order_receipt r`;

/**
 * Receiving (issue 26): delivered units go into the order's store through the stock service (reason `receipt`),
 * each product's cost becomes the weighted average over all stores, and the order moves to partially received or
 * received — all in the request's one transaction, with the order locked so receipts of one order run one at a time.
 */
@Injectable()
export class PurchaseOrderReceiptsService {
  constructor(
    private readonly orders: PurchaseOrdersService,
    private readonly stock: StockService,
    private readonly products: ProductsService,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
  ) {}

  async list(context: RequestContext, orderId: string): Promise<ReceiptListDto> {
    await this.orders.get(context, orderId);
    const items = await queryRows<StoredReceipt>(context.manager, `${RECEIPT_SELECT} WHERE r.purchase_order_id = $1 ORDER BY r.id`, [orderId]);
    return { items };
  }

  async receive(context: RequestContext, orderId: string, input: CreateReceiptDto): Promise<ReceiptDto> {
    const order = await this.orders.lockOrder(context, orderId);
    if (!RECEIVABLE.includes(order.status)) throw invalidTransition(order.status, 'receive');
    if (input.allowOver && !context.actor.permissions.includes('purchasing:approve')) {
      throw forbidden('Taking in more than was ordered needs purchasing:approve.', [{ field: 'allowOver', message: 'needs purchasing:approve' }]);
    }
    const received = this.matchLines(order, input);
    const receiptId = uuidv7();
    const actor = auditActorOf(context.actor);
    await context.manager.query(
      `INSERT INTO purchase_order_receipt (tenant_id, id, purchase_order_id, note, actor_type, actor_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [context.tenantId, receiptId, orderId, input.note ?? null, actor.type, actor.id ?? null],
    );
    const onHandBefore = await this.stock.onHandEverywhere(
      context,
      received.map((line) => line.productId),
    );
    const lines: ReceiptLineDto[] = [];
    // Product by product in id order, so concurrent receipts and sales lock stock rows in one order.
    for (const line of [...received].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0))) {
      const [updated] = await queryRows(
        context.manager,
        `UPDATE purchase_order_line SET received_quantity = received_quantity + $2 WHERE id = $1 AND ($3 OR received_quantity + $2 <= quantity) RETURNING id`,
        [line.lineId, line.quantity, input.allowOver ?? false],
      );
      if (!updated) throw overReceipt(`lines.${line.index}.quantity`, line.outstanding, line.quantity);
      const moved = await this.stock.move(
        context,
        {
          storeId: order.storeId,
          productId: line.productId,
          delta: line.quantity,
          reason: 'receipt',
          reference: { type: 'purchase_order_receipt', id: receiptId },
        },
        { store: 'storeId', product: `lines.${line.index}.lineId`, delta: `lines.${line.index}.quantity` },
      );
      await this.products.receiveAtCost(context, line.productId, {
        onHandBefore: onHandBefore.get(line.productId) ?? 0,
        quantity: line.quantity,
        unitCostMinor: line.unitCostMinor,
      });
      lines.push({
        lineId: line.lineId,
        productId: line.productId,
        quantity: line.quantity,
        unitCostMinor: line.unitCostMinor,
        ledgerEntryId: moved.ledgerEntryId,
      });
    }
    await context.manager.query(
      `INSERT INTO purchase_order_receipt_line (tenant_id, id, receipt_id, line_id, quantity, unit_cost_minor, ledger_entry_id)
       SELECT $1, v.id, $2, v.line_id, v.quantity, v.unit_cost, v.ledger_entry_id
         FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::bigint[], $7::uuid[]) AS v (id, line_id, quantity, unit_cost, ledger_entry_id)`,
      [
        context.tenantId,
        receiptId,
        lines.map(() => uuidv7()),
        lines.map((line) => line.lineId),
        lines.map((line) => line.quantity),
        lines.map((line) => line.unitCostMinor),
        lines.map((line) => line.ledgerEntryId),
      ],
    );
    await context.manager.query(
      `UPDATE purchase_order o SET version = version + 1, updated_at = now(),
              status = CASE WHEN EXISTS (SELECT 1 FROM purchase_order_line l WHERE l.tenant_id = o.tenant_id AND l.purchase_order_id = o.id
                                                                               AND l.received_quantity < l.quantity)
                            THEN 'partially_received' ELSE 'received' END
        WHERE o.id = $1`,
      [orderId],
    );
    const purchaseOrder = await this.orders.get(context, orderId);
    const [stored] = await queryRows<StoredReceipt>(context.manager, `${RECEIPT_SELECT} WHERE r.id = $1`, [receiptId]);
    await this.events.record(context, {
      type: 'purchase_order.received',
      aggregateType: 'purchase_order',
      aggregateId: orderId,
      aggregateVersion: purchaseOrder.version,
      data: { ...stored, number: purchaseOrder.number, storeId: purchaseOrder.storeId, status: purchaseOrder.status },
    });
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'purchase_order',
      entityId: orderId,
      before: { status: order.status },
      after: { status: purchaseOrder.status },
      metadata: { receiptId, lines, allowOver: input.allowOver ?? false },
    });
    return { ...stored, purchaseOrder };
  }

  /** The order's lines the receipt names, with their unit cost (given, else the line's); a line named twice or not on the order is a 400. */
  private matchLines(order: PurchaseOrderDto, input: CreateReceiptDto) {
    const byId = new Map(order.lines.map((line) => [line.id, line]));
    const seen = new Set<string>();
    return input.lines.map((line, index) => {
      const ordered = byId.get(line.lineId);
      if (!ordered) throw invalidField(`lines.${index}.lineId`, 'not a line of this purchase order');
      if (seen.has(line.lineId)) throw invalidField(`lines.${index}.lineId`, 'the line is already in this receipt');
      seen.add(line.lineId);
      return {
        index,
        lineId: line.lineId,
        productId: ordered.productId,
        quantity: line.quantity,
        outstanding: ordered.outstandingQuantity,
        unitCostMinor: line.unitCostMinor ?? ordered.unitCostMinor,
      };
    });
  }
}
