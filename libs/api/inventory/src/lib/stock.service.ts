import { Injectable } from '@nestjs/common';
import { isLowStock, StockReason, uuidv7 } from '@kassa/contracts';
import { AuditLog, auditActorOf, auditScopeOf } from '@kassa/api/audit';
import { ProductForSale, productNotFound, ProductsService } from '@kassa/api/catalog';
import { queryRows } from '@kassa/api/database';
import { DomainEvents, NewEvent } from '@kassa/api/events';
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

export interface MoveManyOptions {
  /** Each movement's request fields, for error messages (by index; the defaults otherwise). */
  fields?: MovementFields[];
  /** The movements' products as the caller already read them in this transaction (ProductsService.forSale), saving a read. */
  products?: ProductForSale[];
}

/** A level's movements together: their sum, whether it must stay at or above zero, and which movements (in order). */
interface LevelMoves {
  storeId: string;
  productId: string;
  delta: number;
  guarded: boolean;
  indexes: number[];
}

interface MovedLevel {
  id: string;
  onHand: number;
  version: number;
  low: boolean;
  reorderPoint: number | null;
}

const levelKey = (level: { storeId: string; productId: string }) => `${level.storeId}:${level.productId}`;

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
    const [moved] = await this.moveMany(context, [movement], { fields: [fields] });
    return moved;
  }

  /**
   * Several movements in a fixed number of statements (issue 31, decision 0038): one guarded UPDATE of every level they
   * touch, locked in (product, store) order so concurrent callers never deadlock, then one insert each for the ledger
   * rows, the events and the audit rows. The guard holds per level on the movements' sum; a level moved twice gets two
   * ledger rows, two events and two versions, as two `move` calls would. Answers in the order of `movements`.
   */
  async moveMany(context: RequestContext, movements: StockMovement[], options: MoveManyOptions = {}): Promise<StockMoveResult[]> {
    if (movements.length === 0) return [];
    const fieldsOf = (index: number) => options.fields?.[index] ?? DEFAULT_FIELDS;
    for (const [index, movement] of movements.entries()) await this.stores.assertUsable(context, movement.storeId, fieldsOf(index).store);
    const products = new Map(
      (options.products ?? (await this.products.forSale(context, [...new Set(movements.map((movement) => movement.productId))]))).map((product) => [
        product.id,
        product,
      ]),
    );
    movements.forEach((movement, index) => {
      const product = products.get(movement.productId);
      if (!product || (product.deleted && !movement.alreadyHappened)) throw productNotFound(fieldsOf(index).product);
    });
    const negativeAllowed = movements.every((movement) => movement.alreadyHappened) || (await this.tenants.current(context)).allowNegativeStock;

    const byLevel = new Map<string, LevelMoves>();
    movements.forEach((movement, index) => {
      const key = levelKey(movement);
      const level = byLevel.get(key) ?? { storeId: movement.storeId, productId: movement.productId, delta: 0, guarded: false, indexes: [] };
      level.delta += movement.delta;
      level.guarded ||= !(negativeAllowed || movement.alreadyHappened);
      level.indexes.push(index);
      byLevel.set(key, level);
    });
    const levels = [...byLevel.values()];
    const moved = await this.updateLevels(context, levels);
    const missing = levels.filter((level) => !moved.has(levelKey(level)));
    if (missing.length > 0) {
      const existing = await this.onHandOf(context, missing);
      const refused = missing.find((level) => existing.has(levelKey(level)));
      if (refused) throw this.refusal(refused, existing.get(levelKey(refused)) as number, movements, fieldsOf);
      await context.manager.query(
        `INSERT INTO stock_level (tenant_id, id, store_id, product_id)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) ON CONFLICT (tenant_id, store_id, product_id) DO NOTHING`,
        [context.tenantId, missing.map(() => uuidv7()), missing.map((level) => level.storeId), missing.map((level) => level.productId)],
      );
      const created = await this.updateLevels(context, missing);
      const stillRefused = missing.find((level) => !created.has(levelKey(level)));
      if (stillRefused) throw this.refusal(stillRefused, (await this.onHandOf(context, [stillRefused])).get(levelKey(stillRefused)) ?? 0, movements, fieldsOf);
      for (const [key, level] of created) moved.set(key, level);
    }

    // Each movement's own on hand and version, as if the level's movements had run one by one in the given order.
    const results: (StockMoveResult & { levelId: string; version: number; before: number })[] = [];
    for (const level of levels) {
      const after = moved.get(levelKey(level)) as MovedLevel;
      let onHand = after.onHand - level.delta;
      let version = after.version - level.indexes.length;
      for (const index of level.indexes) {
        const before = onHand;
        onHand += movements[index].delta;
        version += 1;
        results[index] = { onHand, ledgerEntryId: uuidv7(), levelId: after.id, version, before };
      }
    }

    const actor = auditActorOf(context.actor);
    await context.manager.query(
      `INSERT INTO stock_ledger (tenant_id, actor_type, actor_id, request_id, id, store_id, product_id, delta, on_hand_after, reason,
                                 reference_type, reference_id, note)
       SELECT $1, $2, $3, $4, * FROM unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::int[], $9::int[], $10::text[], $11::text[], $12::uuid[], $13::text[])`,
      [
        context.tenantId,
        actor.type,
        actor.id ?? null,
        context.requestId,
        results.map((result) => result.ledgerEntryId),
        movements.map((movement) => movement.storeId),
        movements.map((movement) => movement.productId),
        movements.map((movement) => movement.delta),
        results.map((result) => result.onHand),
        movements.map((movement) => movement.reason),
        movements.map((movement) => movement.reference?.type ?? null),
        movements.map((movement) => movement.reference?.id ?? null),
        movements.map((movement) => movement.note ?? null),
      ],
    );

    const change = (movement: StockMovement) => ({ storeId: movement.storeId, productId: movement.productId, delta: movement.delta, reason: movement.reason });
    const events: NewEvent[] = movements.map((movement, index) => ({
      type: 'stock.adjusted',
      aggregateType: 'stock_level',
      aggregateId: results[index].levelId,
      aggregateVersion: results[index].version,
      data: { ...change(movement), onHand: results[index].onHand, ledgerEntryId: results[index].ledgerEntryId },
    }));
    const crossings = levels.flatMap((level) => {
      const after = moved.get(levelKey(level)) as MovedLevel;
      const reorderPoint = after.reorderPoint ?? (products.get(level.productId) as ProductForSale).reorderPoint;
      const low = isLowStock(after.onHand, reorderPoint);
      return low === after.low ? [] : [{ level, after, reorderPoint, low }];
    });
    if (crossings.length > 0) {
      await context.manager.query(`UPDATE stock_level s SET low = v.low FROM unnest($1::uuid[], $2::boolean[]) AS v (id, low) WHERE s.id = v.id`, [
        crossings.map((crossing) => crossing.after.id),
        crossings.map((crossing) => crossing.low),
      ]);
      for (const { level, after, reorderPoint, low } of crossings) {
        // Only a reorder point makes a level low (isLowStock).
        if (!low || reorderPoint === null) continue;
        events.push({
          type: 'stock.low',
          aggregateType: 'stock_level',
          aggregateId: after.id,
          aggregateVersion: after.version,
          data: { storeId: level.storeId, productId: level.productId, onHand: after.onHand, reorderPoint },
        });
      }
    }
    await this.events.recordMany(context, events);
    await this.audit.recordMany(
      auditScopeOf(context),
      movements.map((movement, index) => ({
        action: 'update',
        entityType: 'stock_level',
        entityId: results[index].levelId,
        before: { onHand: results[index].before },
        after: { onHand: results[index].onHand },
        metadata: { ...change(movement), ledgerEntryId: results[index].ledgerEntryId, reference: movement.reference ?? null },
      })),
    );
    return results.map(({ onHand, ledgerEntryId }) => ({ onHand, ledgerEntryId }));
  }

  /** Moves every level that exists and passes its guard, locking them in (product, store) order first; answers those moved. */
  private async updateLevels(context: RequestContext, levels: LevelMoves[]): Promise<Map<string, MovedLevel>> {
    const rows = await queryRows<MovedLevel & { storeId: string; productId: string }>(
      context.manager,
      `WITH v AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::boolean[], $5::int[]) AS v (store_id, product_id, delta, guarded, moves)),
            locked AS MATERIALIZED (
              SELECT s.id FROM stock_level s JOIN v ON s.store_id = v.store_id AND s.product_id = v.product_id
               ORDER BY s.product_id, s.store_id FOR UPDATE OF s)
       UPDATE stock_level s SET on_hand = s.on_hand + v.delta, version = s.version + v.moves, updated_at = now()
         FROM locked, v
        WHERE s.id = locked.id AND v.store_id = s.store_id AND v.product_id = s.product_id AND (NOT v.guarded OR s.on_hand + v.delta >= 0)
       RETURNING s.id, s.store_id AS "storeId", s.product_id AS "productId", s.on_hand AS "onHand", s.version, s.low, s.reorder_point AS "reorderPoint"`,
      [
        levels.map((level) => level.storeId),
        levels.map((level) => level.productId),
        levels.map((level) => level.delta),
        levels.map((level) => level.guarded),
        levels.map((level) => level.indexes.length),
      ],
    );
    return new Map(rows.map(({ storeId, productId, ...level }) => [levelKey({ storeId, productId }), level]));
  }

  /** On hand of the levels that exist among `levels`, locked. */
  private async onHandOf(context: RequestContext, levels: LevelMoves[]): Promise<Map<string, number>> {
    const rows = await queryRows<{ storeId: string; productId: string; onHand: number }>(
      context.manager,
      `SELECT s.store_id AS "storeId", s.product_id AS "productId", s.on_hand AS "onHand"
         FROM stock_level s JOIN unnest($1::uuid[], $2::uuid[]) AS v (store_id, product_id) ON s.store_id = v.store_id AND s.product_id = v.product_id
        ORDER BY s.product_id, s.store_id FOR UPDATE OF s`,
      [levels.map((level) => level.storeId), levels.map((level) => level.productId)],
    );
    return new Map(rows.map((row) => [levelKey(row), row.onHand]));
  }

  /** The movement of a refused level that takes it below zero, named as `move` would have named it. */
  private refusal(level: LevelMoves, onHand: number, movements: StockMovement[], fieldsOf: (index: number) => MovementFields) {
    let running = onHand;
    for (const index of level.indexes) {
      if (running + movements[index].delta < 0) return insufficientStock(running, movements[index].delta, fieldsOf(index).delta);
      running += movements[index].delta;
    }
    const last = level.indexes[level.indexes.length - 1];
    return insufficientStock(onHand, level.delta, fieldsOf(last).delta);
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
