import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { isoTime, isUniqueViolation, queryRows, updateSet } from '@kassa/api/database';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { RequestContext } from '@kassa/api/http';
import type { EntityManager } from 'typeorm';
import { insertApiRegister } from './api-register';
import type { CreateStoreDto } from './dto/create-store.dto';
import type { StoreDto, StoreListDto } from './dto/store.dto';
import type { UpdateStoreDto } from './dto/update-store.dto';
import { assertStoreVisible, canSeeStore, visibleStoreIds } from './store-scope';
import { storeCodeTaken, storeNotFound, storesNotFound } from './tenancy.exception';

const STORE_COLUMNS = `id, name, code, version, ${isoTime('created_at')} AS "createdAt"`;

function withCodeConflict(code: string | undefined) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, 'store_code_key')) {
      throw storeCodeTaken(code);
    }
    throw error;
  };
}

@Injectable()
export class StoresService {
  /** Stores found usable in a transaction: stores are never deleted, so one found stays found until it ends. */
  private readonly usable = new WeakMap<EntityManager, Set<string>>();

  constructor(private readonly audit: AuditLog) {}

  async create(context: RequestContext, store: CreateStoreDto): Promise<StoreDto> {
    const [created] = await queryRows<StoreDto>(
      context.manager,
      `INSERT INTO store (tenant_id, id, name, code) VALUES ($1, $2, $3, $4) RETURNING ${STORE_COLUMNS}`,
      [context.tenantId, uuidv7(), store.name, store.code],
    ).catch(withCodeConflict(store.code));
    await insertApiRegister(context.manager, context.tenantId, created.id);
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'store', entityId: created.id, after: created });
    return created;
  }

  /** The stores the caller may see, by code. A shop has few stores, so there is one page. */
  async list(context: RequestContext): Promise<StoreListDto> {
    const visible = visibleStoreIds(context);
    const items = await queryRows<StoreDto>(context.manager, `SELECT ${STORE_COLUMNS} FROM store WHERE ($1::uuid[] IS NULL OR id = ANY($1)) ORDER BY code`, [
      visible ?? null,
    ]);
    return { items, nextCursor: null };
  }

  async get(context: RequestContext, id: string): Promise<StoreDto> {
    if (!canSeeStore(context, id)) throw storeNotFound();
    const [store] = await queryRows<StoreDto>(context.manager, `SELECT ${STORE_COLUMNS} FROM store WHERE id = $1`, [id]);
    if (!store) throw storeNotFound();
    return store;
  }

  /** The stores with these ids that exist, in no particular order. */
  getMany(context: RequestContext, ids: string[]): Promise<StoreDto[]> {
    return queryRows<StoreDto>(context.manager, `SELECT ${STORE_COLUMNS} FROM store WHERE id = ANY($1)`, [ids]);
  }

  /**
   * Refuses a store that is not this tenant's or that the caller is limited away from, naming the
   * field it came in. Asked once per store and transaction: a checkout's stock moves ask again for free.
   */
  async assertUsable(context: RequestContext, storeId: string, field: string): Promise<void> {
    assertStoreVisible(context, storeId, field);
    const known = this.usable.get(context.manager) ?? new Set<string>();
    if (known.has(storeId)) return;
    const [store] = await queryRows<{ id: string }>(context.manager, `SELECT id FROM store WHERE id = $1`, [storeId]);
    if (!store) throw storeNotFound(field);
    this.noteUsable(context, storeId);
  }

  /** A store this transaction has found usable another way (a sale's register check): `assertUsable` asks no more. */
  noteUsable(context: RequestContext, storeId: string): void {
    this.usable.set(context.manager, (this.usable.get(context.manager) ?? new Set<string>()).add(storeId));
  }

  async update(context: RequestContext, id: string, changes: UpdateStoreDto): Promise<StoreDto> {
    const before = await this.get(context, id);
    const set = updateSet({ name: changes.name, code: changes.code }, 2);
    if (set.values.length === 0) return before;
    const [store] = await queryRows<StoreDto>(
      context.manager,
      `UPDATE store SET ${set.sql}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${STORE_COLUMNS}`,
      [id, ...set.values],
    ).catch(withCodeConflict(changes.code));
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'store', entityId: id, before, after: store });
    return store;
  }

  /**
   * Refuses ids that are not stores the caller can see, naming the field they came in: to a caller
   * limited to some stores, the others do not exist (as another tenant's do not).
   */
  async assertStoresExist(context: RequestContext, storeIds: string[], field: string): Promise<void> {
    if (storeIds.length === 0) return;
    const stores = await this.getMany(context, storeIds);
    const found = new Set(stores.filter((store) => canSeeStore(context, store.id)).map((store) => store.id));
    const missing = storeIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw storesNotFound(field, missing);
    }
  }
}
