import { Injectable } from '@nestjs/common';
import { isLowStock, StockReason, uuidv7 } from '@kassa/contracts';
import { AuditLog, auditActorOf, auditScopeOf } from '@kassa/api/audit';
import { ProductForSale, productNotFound, ProductsService } from '@kassa/api/catalog';
import { queryRows } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { RequestContext } from '@kassa/api/http';
import { StoresService, TenantsService } from '@kassa/api/tenancy';
import { insufficientStock } from './inventory.exception';

export interface StockMovement {
  storeId: string;
  productId: string;
  delta: number;
  reason: StockReason;
  /** What caused it (a sale, a count, a transfer…), for the ledger. */
  reference?: { type: string; id: string };
  note?: string;
  /**
   * The movement already happened in the shop (a sale rung up offline): it is recorded as it was, even
   * below zero or for a product deleted since, whatever the shop's negative-stock setting.
   */
  alreadyHappened?: boolean;
}

export interface StockMoveResult {
  onHand: number;
  ledgerEntryId: string;
}

/** Which request fields a movement's store and product came from, for error messages. */
export interface MovementFields {
  store: string;
  product: string;
  delta: string;
}

const DEFAULT_FIELDS: MovementFields = { store: 'storeId', product: 'productId', delta: 'delta' };

/** A (store, product) stock level, locked for the rest of the transaction. */
export interface LockedLevel {
  id: string;
  onHand: number;
  low: boolean;
  /** The store's own reorder point if set, else the product's. */
  reorderPoint: number | null;
  productReorderPoint: number | null;
}

/**
 * The only way stock changes (sales, refunds, purchasing, counts and transfers all come here):
 * a guarded atomic update of on-hand, its ledger row, its events and its audit row, all in the
 * caller's transaction (DESIGN.md §2).
 */
@Injectable()
export class StockService {
  constructor(
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
    private readonly stores: StoresService,
    private readonly products: ProductsService,
    private readonly tenants: TenantsService,
  ) {}

  /** Units on hand per product, summed over `storeIds` (every store when null); products without a level are left out. */
  async onHand(context: RequestContext, storeIds: readonly string[] | null): Promise<Map<string, number>> {
    const rows = await queryRows<{ productId: string; onHand: number }>(
      context.manager,
      `SELECT product_id AS "productId", sum(on_hand)::bigint AS "onHand" FROM stock_level
        WHERE ($1::uuid[] IS NULL OR store_id = ANY($1)) GROUP BY product_id`,
      [storeIds],
    );
    return new Map(rows.map((row) => [row.productId, row.onHand]));
  }

  async move(context: RequestContext, movement: StockMovement, fields: MovementFields = DEFAULT_FIELDS): Promise<StockMoveResult> {
    const level = await this.lockLevel(context, movement.storeId, movement.productId, fields, movement.alreadyHappened);
    const negativeAllowed = movement.alreadyHappened || (await this.tenants.current(context)).allowNegativeStock;
    const [moved] = await queryRows<{ onHand: number; version: number }>(
      context.manager,
      `UPDATE stock_level SET on_hand = on_hand + $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND ($3 OR on_hand + $2 >= 0)
        RETURNING on_hand AS "onHand", version`,
      [level.id, movement.delta, negativeAllowed],
    );
    if (!moved) {
      throw insufficientStock(level.onHand, movement.delta, fields.delta);
    }

    const actor = auditActorOf(context.actor);
    const ledgerEntryId = uuidv7();
    await context.manager.query(
      `INSERT INTO stock_ledger (tenant_id, id, store_id, product_id, delta, on_hand_after, reason, actor_type, actor_id,
                                 reference_type, reference_id, note, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        context.tenantId,
        ledgerEntryId,
        movement.storeId,
        movement.productId,
        movement.delta,
        moved.onHand,
        movement.reason,
        actor.type,
        actor.id ?? null,
        movement.reference?.type ?? null,
        movement.reference?.id ?? null,
        movement.note ?? null,
        context.requestId,
      ],
    );

    const change = { storeId: movement.storeId, productId: movement.productId, delta: movement.delta, reason: movement.reason };
    await this.events.record(context, {
      type: 'stock.adjusted',
      aggregateType: 'stock_level',
      aggregateId: level.id,
      aggregateVersion: moved.version,
      data: { ...change, onHand: moved.onHand, ledgerEntryId },
    });
    await this.noteLowCrossing(context, { ...level, version: moved.version }, moved.onHand, level.reorderPoint, {
      storeId: movement.storeId,
      productId: movement.productId,
    });
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'stock_level',
      entityId: level.id,
      before: { onHand: level.onHand },
      after: { onHand: moved.onHand },
      metadata: { ...change, ledgerEntryId, reference: movement.reference ?? null },
    });
    return { onHand: moved.onHand, ledgerEntryId };
  }

  /** On hand per product summed over every store (purchasing's weighted-average cost); products never stocked are left out. */
  async onHandEverywhere(context: RequestContext, productIds: string[]): Promise<Map<string, number>> {
    const rows = await queryRows<{ productId: string; onHand: number }>(
      context.manager,
      `SELECT product_id AS "productId", sum(on_hand)::int AS "onHand" FROM stock_level WHERE product_id = ANY($1::uuid[]) GROUP BY product_id`,
      [[...new Set(productIds)]],
    );
    return new Map(rows.map((row) => [row.productId, row.onHand]));
  }

  /** A store's on hand and own reorder point (null: the product's applies) per product; products never stocked there are left out. */
  async levelsIn(context: RequestContext, storeId: string, productIds: string[]): Promise<Map<string, { onHand: number; reorderPoint: number | null }>> {
    const rows = await queryRows<{ productId: string; onHand: number; reorderPoint: number | null }>(
      context.manager,
      `SELECT product_id AS "productId", on_hand AS "onHand", reorder_point AS "reorderPoint"
         FROM stock_level WHERE store_id = $1 AND product_id = ANY($2::uuid[])`,
      [storeId, [...new Set(productIds)]],
    );
    return new Map(rows.map(({ productId, ...level }) => [productId, level]));
  }

  /** Sets or clears (null) the store's own reorder point for a product; the product's applies otherwise. */
  async setReorderPoint(context: RequestContext, storeId: string, productId: string, reorderPoint: number | null) {
    const level = await this.lockLevel(context, storeId, productId);
    const [updated] = await queryRows<{ version: number }>(
      context.manager,
      `UPDATE stock_level SET reorder_point = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
      [level.id, reorderPoint],
    );
    const effective = reorderPoint ?? level.productReorderPoint;
    await this.noteLowCrossing(context, { ...level, version: updated.version }, level.onHand, effective, { storeId, productId });
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'stock_level',
      entityId: level.id,
      before: { reorderPoint: level.reorderPoint },
      after: { reorderPoint: effective },
    });
    return { storeId, productId, onHand: level.onHand, reorderPoint: effective, low: isLowStock(level.onHand, effective) };
  }

  /** Keeps `low` current and emits stock.low once per crossing: again only after stock rose above the point. */
  private async noteLowCrossing(
    context: RequestContext,
    level: { id: string; low: boolean; version: number },
    onHand: number,
    reorderPoint: number | null,
    where: { storeId: string; productId: string },
  ): Promise<void> {
    const low = isLowStock(onHand, reorderPoint);
    if (low === level.low) return;
    await context.manager.query(`UPDATE stock_level SET low = $2 WHERE id = $1`, [level.id, low]);
    if (!low || reorderPoint === null) return;
    await this.events.record(context, {
      type: 'stock.low',
      aggregateType: 'stock_level',
      aggregateId: level.id,
      aggregateVersion: level.version,
      data: { ...where, onHand, reorderPoint },
    });
  }

  /**
   * The (store, product) level, created at 0 on first use, locked until the transaction ends so
   * a count or a check reads the number the following update starts from.
   */
  async lockLevel(
    context: RequestContext,
    storeId: string,
    productId: string,
    fields: MovementFields = DEFAULT_FIELDS,
    includeDeleted = false,
  ): Promise<LockedLevel> {
    const product = await this.assertStoreAndProduct(context, storeId, productId, fields, includeDeleted);
    await context.manager.query(
      `INSERT INTO stock_level (tenant_id, id, store_id, product_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, store_id, product_id) DO NOTHING`,
      [context.tenantId, uuidv7(), storeId, productId],
    );
    const [level] = await queryRows<{ id: string; onHand: number; low: boolean; reorderPoint: number | null }>(
      context.manager,
      `SELECT id, on_hand AS "onHand", low, reorder_point AS "reorderPoint"
         FROM stock_level WHERE store_id = $1 AND product_id = $2
          FOR UPDATE`,
      [storeId, productId],
    );
    return { ...level, reorderPoint: level.reorderPoint ?? product.reorderPoint, productReorderPoint: product.reorderPoint };
  }

  private async assertStoreAndProduct(
    context: RequestContext,
    storeId: string,
    productId: string,
    fields: MovementFields,
    includeDeleted: boolean,
  ): Promise<ProductForSale> {
    await this.stores.assertUsable(context, storeId, fields.store);
    const [product] = await this.products.forSale(context, [productId]);
    if (!product || (product.deleted && !includeDeleted)) {
      throw productNotFound(fields.product);
    }
    return product;
  }
}
