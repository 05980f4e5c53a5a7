import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog, auditActorOf, auditScopeOf } from '@kassa/api/audit';
import { ProductForSale, productNotFound, ProductsService } from '@kassa/api/catalog';
import { queryRows } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { cursorShape, invalidField, pageRequest, paginate, RequestContext, versionMismatch } from '@kassa/api/http';
import { canSeeStore, StoresService, TenantsService, visibleStoreIds } from '@kassa/api/tenancy';
import type { OnOrderListDto, OnOrderQueryDto } from './dto/purchasing.dto';
import type {
  CreatePurchaseOrderDto,
  NewPurchaseOrderLineDto,
  PurchaseOrderDto,
  PurchaseOrderLineDto,
  PurchaseOrderListDto,
  PurchaseOrderQueryDto,
  UpdatePurchaseOrderDto,
} from './dto/purchase-order.dto';
import { ON_ORDER, PurchaseOrderAction, transition } from './purchase-order-states';
import { orderNumberLabel, PURCHASE_ORDER_SELECT } from './purchase-order-query';
import { approvalLimitExceeded, invalidTransition, purchaseOrderNotFound } from './purchasing.exception';
import { PurchasingSettingsService } from './purchasing-settings.service';
import { SuppliersService } from './suppliers.service';

interface StoredOrder extends Omit<PurchaseOrderDto, 'number' | 'lines' | 'totalMinor'> {
  number: number;
  lines: Omit<PurchaseOrderLineDto, 'sku' | 'name' | 'outstandingQuantity' | 'totalMinor'>[];
}

/** What a receiver works on: orders with goods still due. */
const RECEIVABLE: readonly PurchaseOrderDto['status'][] = ['ordered', 'partially_received'];

/** Holds `purchasing:receive` but not `purchasing:read` (cashiers, by default). */
const receiverOnly = (context: RequestContext) => !context.actor.permissions.includes('purchasing:read');

/** Newest first (ids are UUIDv7). */
const ORDER_PAGES = cursorShape('purchase-orders', ['uuid']);

/** What an action writes besides the status; `$3` is who approves, or the reason for rejecting. */
const STAMPS: Record<PurchaseOrderAction, string> = {
  submit: 'submitted_at = now()',
  approve: 'approved_at = now(), approved_by = $3',
  reject: 'rejection_reason = $3',
  reopen: 'rejection_reason = NULL, submitted_at = NULL',
  order: 'ordered_at = now()',
  close: 'closed_at = now()',
  cancel: 'closed_at = now()',
};

/** The actions that announce an event; the rest change only the order's status. */
/** The actions other than `submit` (its event says more) that tell the world. */
const ANNOUNCED: Partial<Record<PurchaseOrderAction, 'purchase_order.approved' | 'purchase_order.closed'>> = {
  approve: 'purchase_order.approved',
  close: 'purchase_order.closed',
};

/** Purchase orders (issue 26): drafts, the approval state machine, and what is still on order. */
@Injectable()
export class PurchaseOrdersService {
  constructor(
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
    private readonly tenants: TenantsService,
    private readonly stores: StoresService,
    private readonly products: ProductsService,
    private readonly suppliers: SuppliersService,
    private readonly settings: PurchasingSettingsService,
  ) {}

  async get(context: RequestContext, id: string): Promise<PurchaseOrderDto> {
    const [stored] = await queryRows<StoredOrder>(context.manager, `${PURCHASE_ORDER_SELECT} WHERE o.id = $1`, [id]);
    if (!stored || !canSeeStore(context, stored.storeId)) throw purchaseOrderNotFound();
    return (await this.present(context, [stored]))[0];
  }

  /**
   * The order as its caller may open it: a receiver who may not read purchasing (a cashier) sees only
   * the orders there is something to receive on; any other is 404 to them, as if it were not there.
   */
  async open(context: RequestContext, id: string): Promise<PurchaseOrderDto> {
    const order = await this.get(context, id);
    if (receiverOnly(context) && !RECEIVABLE.includes(order.status)) throw purchaseOrderNotFound();
    return order;
  }

  /** Newest first, filtered by state, supplier or store; a receiver-only caller's list holds only the receivable orders. */
  async list(context: RequestContext, query: PurchaseOrderQueryDto): Promise<PurchaseOrderListDto> {
    const page = pageRequest(query, ORDER_PAGES);
    const statuses = receiverOnly(context) ? RECEIVABLE.filter((status) => !query.status || status === query.status) : query.status ? [query.status] : null;
    const rows = await queryRows<StoredOrder>(
      context.manager,
      `${PURCHASE_ORDER_SELECT}
        WHERE ($1::text[] IS NULL OR o.status = ANY($1)) AND ($2::uuid IS NULL OR o.supplier_id = $2) AND ($3::uuid IS NULL OR o.store_id = $3)
          AND ($4::uuid[] IS NULL OR o.store_id = ANY($4)) AND ($5::uuid IS NULL OR o.id < $5)
        ORDER BY o.id DESC LIMIT $6`,
      [statuses, query.supplierId ?? null, query.storeId ?? null, visibleStoreIds(context) ?? null, page.after?.[0] ?? null, page.fetch],
    );
    const { items, nextCursor } = paginate(rows, page, (order) => [order.id]);
    return { items: await this.present(context, items), nextCursor };
  }

  async create(context: RequestContext, input: CreatePurchaseOrderDto): Promise<PurchaseOrderDto> {
    await this.suppliers.get(context, input.supplierId, 'supplierId');
    await this.stores.assertUsable(context, input.storeId, 'storeId');
    const lines = await this.priceLines(context, input.supplierId, input.lines);
    const { currency } = await this.tenants.current(context);
    const id = uuidv7();
    const number = await this.settings.nextOrderNumber(context);
    const actor = auditActorOf(context.actor);
    await context.manager.query(
      `INSERT INTO purchase_order (tenant_id, id, number, supplier_id, store_id, currency, note, created_by_type, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [context.tenantId, id, number, input.supplierId, input.storeId, currency, input.note ?? null, actor.type, actor.id ?? null],
    );
    await this.insertLines(context, id, lines);
    const order = await this.get(context, id);
    await this.events.record(context, {
      type: 'purchase_order.created',
      aggregateType: 'purchase_order',
      aggregateId: id,
      aggregateVersion: 1,
      data: { ...order },
    });
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'purchase_order', entityId: id, after: order });
    return order;
  }

  /** Drafts only; `lines` replaces them all. */
  async update(context: RequestContext, id: string, changes: UpdatePurchaseOrderDto, expectedVersion?: number): Promise<PurchaseOrderDto> {
    const before = await this.lockOrder(context, id, expectedVersion);
    if (before.status !== 'draft') throw invalidTransition(before.status, 'edit');
    const supplierId = changes.supplierId ?? before.supplierId;
    if (changes.supplierId) await this.suppliers.get(context, changes.supplierId, 'supplierId');
    if (changes.storeId) await this.stores.assertUsable(context, changes.storeId, 'storeId');
    const lines = changes.lines ? await this.priceLines(context, supplierId, changes.lines) : undefined;
    await context.manager.query(
      `UPDATE purchase_order SET supplier_id = $2, store_id = $3, note = CASE WHEN $4 THEN $5 ELSE note END, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, supplierId, changes.storeId ?? before.storeId, changes.note !== undefined, changes.note ?? null],
    );
    if (lines) {
      await context.manager.query(`DELETE FROM purchase_order_line WHERE purchase_order_id = $1`, [id]);
      await this.insertLines(context, id, lines);
    }
    const after = await this.get(context, id);
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'purchase_order', entityId: id, before, after });
    return after;
  }

  /** One step of the state machine; anything it does not allow is 409 `invalid_transition`. */
  async act(context: RequestContext, id: string, action: PurchaseOrderAction, options: { reason?: string; expectedVersion?: number } = {}) {
    const before = await this.lockOrder(context, id, options.expectedVersion);
    const next = transition(before.status, action);
    if (!next) throw invalidTransition(before.status, action);
    if (action === 'approve') await this.assertMayApprove(context, before);
    const actor = auditActorOf(context.actor);
    await context.manager.query(`UPDATE purchase_order SET status = $2, version = version + 1, updated_at = now(), ${STAMPS[action]} WHERE id = $1`, [
      id,
      next,
      ...(action === 'approve' ? [actor.id ?? null] : action === 'reject' ? [options.reason ?? null] : []),
    ]);
    const after = await this.get(context, id);
    const head = { aggregateType: 'purchase_order', aggregateId: id, aggregateVersion: after.version };
    const event = ANNOUNCED[action];
    if (action === 'submit') {
      // Who may approve a submitted order decides who is told it waits (the notifications consumer).
      const approval = { submittedBy: actor.id ?? null, ownerApprovalRequired: (await this.ownerThreshold(context, after)) !== null };
      await this.events.record(context, { ...head, type: 'purchase_order.submitted', data: { ...after, ...approval } });
    } else if (event) {
      await this.events.record(context, { ...head, type: event, data: { ...after } });
    }
    await this.audit.record(auditScopeOf(context), {
      action: action === 'approve' ? 'approve' : action === 'reject' ? 'reject' : 'update',
      entityType: 'purchase_order',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status },
      metadata: { action, ...(options.reason ? { reason: options.reason } : {}) },
    });
    return after;
  }

  /** The order, locked until the transaction ends (actions and receipts of one order run one at a time). */
  async lockOrder(context: RequestContext, id: string, expectedVersion?: number): Promise<PurchaseOrderDto> {
    const [locked] = await queryRows<{ storeId: string }>(context.manager, `SELECT store_id AS "storeId" FROM purchase_order WHERE id = $1 FOR UPDATE`, [id]);
    if (!locked || !canSeeStore(context, locked.storeId)) throw purchaseOrderNotFound();
    const order = await this.get(context, id);
    if (expectedVersion !== undefined && expectedVersion !== order.version) throw versionMismatch();
    return order;
  }

  /** Units still due per (store, product) on approved, ordered and partially received orders. */
  async onOrder(context: RequestContext, query: OnOrderQueryDto): Promise<OnOrderListDto> {
    const items = await queryRows<{ storeId: string; productId: string; quantity: number }>(
      context.manager,
      `SELECT o.store_id AS "storeId", l.product_id AS "productId", sum(greatest(l.quantity - l.received_quantity, 0))::int AS quantity
         FROM purchase_order o JOIN purchase_order_line l ON l.tenant_id = o.tenant_id AND l.purchase_order_id = o.id
        WHERE o.status = ANY($1) AND ($2::uuid IS NULL OR o.store_id = $2) AND ($3::uuid IS NULL OR l.product_id = $3)
          AND ($4::uuid[] IS NULL OR o.store_id = ANY($4))
        GROUP BY o.store_id, l.product_id HAVING sum(greatest(l.quantity - l.received_quantity, 0)) > 0
        ORDER BY o.store_id, l.product_id`,
      [ON_ORDER, query.storeId ?? null, query.productId ?? null, visibleStoreIds(context) ?? null],
    );
    return { items };
  }

  /** Lines as they will be stored: one per product, each with its unit cost (given, else the supplier's, else the product's). */
  async priceLines(context: RequestContext, supplierId: string, lines: NewPurchaseOrderLineDto[]) {
    const seen = new Map<string, number>();
    lines.forEach((line, index) => {
      if (seen.has(line.productId)) throw invalidField(`lines.${index}.productId`, `the product is already on line ${seen.get(line.productId)}`);
      seen.set(line.productId, index);
    });
    const productIds = lines.map((line) => line.productId);
    const products = new Map((await this.products.forSale(context, productIds)).map((product) => [product.id, product]));
    const terms = await this.suppliers.termsFor(context, supplierId, productIds);
    return lines.map((line, index) => {
      const product = products.get(line.productId);
      if (!product || product.deleted) throw productNotFound(`lines.${index}.productId`);
      const unitCostMinor = line.unitCostMinor ?? terms.get(line.productId)?.unitCostMinor ?? product.costMinor;
      if (unitCostMinor === null)
        throw invalidField(`lines.${index}.unitCostMinor`, 'the supplier has no cost for this product and neither has the product: give one');
      return { productId: line.productId, quantity: line.quantity, unitCostMinor, expectedDate: line.expectedDate ?? null };
    });
  }

  async insertLines(
    context: RequestContext,
    orderId: string,
    lines: { productId: string; quantity: number; unitCostMinor: number; expectedDate: string | null }[],
  ) {
    await context.manager.query(
      `INSERT INTO purchase_order_line (tenant_id, id, purchase_order_id, position, product_id, quantity, unit_cost_minor, expected_date)
       SELECT $1, v.id, $2, v.position, v.product_id, v.quantity, v.unit_cost, v.expected_date
         FROM unnest($3::uuid[], $4::int[], $5::uuid[], $6::int[], $7::bigint[], $8::date[]) AS v (id, position, product_id, quantity, unit_cost, expected_date)`,
      [
        context.tenantId,
        orderId,
        lines.map(() => uuidv7()),
        lines.map((_, position) => position),
        lines.map((line) => line.productId),
        lines.map((line) => line.quantity),
        lines.map((line) => line.unitCostMinor),
        lines.map((line) => line.expectedDate),
      ],
    );
  }

  /** Approving needs purchasing:approve (the route checks it); above the shop's threshold it takes an owner. */
  private async assertMayApprove(context: RequestContext, order: PurchaseOrderDto): Promise<void> {
    const threshold = await this.ownerThreshold(context, order);
    if (threshold === null) return;
    const isOwner = context.actor.kind === 'user' && context.actor.role === 'owner';
    if (!isOwner) throw approvalLimitExceeded(order.totalMinor, threshold);
  }

  /** The shop's approval threshold when the order is above it (then only an owner may approve), null otherwise. */
  private async ownerThreshold(context: RequestContext, order: PurchaseOrderDto): Promise<number | null> {
    const { approvalThresholdMinor } = await this.settings.get(context);
    return approvalThresholdMinor !== null && order.totalMinor > approvalThresholdMinor ? approvalThresholdMinor : null;
  }

  /** Stored orders as the API shows them: numbers as PO-000123, lines with the catalog's SKU and name and their totals. */
  private async present(context: RequestContext, stored: StoredOrder[]): Promise<PurchaseOrderDto[]> {
    const products = new Map<string, ProductForSale>(
      (
        await this.products.forSale(
          context,
          stored.flatMap((order) => order.lines.map((line) => line.productId)),
        )
      ).map((product) => [product.id, product]),
    );
    return stored.map((order) => {
      const lines = order.lines.map((line) => ({
        ...line,
        sku: products.get(line.productId)?.sku ?? '',
        name: products.get(line.productId)?.name ?? '',
        outstandingQuantity: Math.max(line.quantity - line.receivedQuantity, 0),
        totalMinor: line.quantity * line.unitCostMinor,
      }));
      return { ...order, number: orderNumberLabel(order.number), lines, totalMinor: lines.reduce((sum, line) => sum + line.totalMinor, 0) };
    });
  }
}
