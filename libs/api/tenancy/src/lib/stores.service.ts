import { Injectable } from '@nestjs/common';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { isoTime, isUniqueViolation, queryRows, updateSet } from '@kassa/api/database';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { ApiException, RequestContext } from '@kassa/api/http';
import { insertApiRegister } from './api-register';
import type { CreateStoreDto } from './dto/create-store.dto';
import type { StoreDto, StoreListDto } from './dto/store.dto';
import type { UpdateStoreDto } from './dto/update-store.dto';
import { canSeeStore, visibleStoreIds } from './store-scope';

const STORE_COLUMNS = `id, name, code, version, ${isoTime('created_at')} AS "createdAt"`;

function storeNotFound(): ApiException {
  return new ApiException(ErrorCode.StoreNotFound, 'No such store.');
}

function withCodeConflict(code: string | undefined) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, 'store_code_key')) {
      throw new ApiException(ErrorCode.StoreCodeTaken, 'Another store has that code.', [
        { field: 'code', message: `code ${code} is already used by another store` },
      ]);
    }
    throw error;
  };
}

@Injectable()
export class StoresService {
  constructor(private readonly audit: AuditLog) {}

  async create(context: RequestContext, store: CreateStoreDto): Promise<StoreDto> {
    const [created] = await context.manager
      .query(`INSERT INTO store (tenant_id, id, name, code) VALUES ($1, $2, $3, $4) RETURNING ${STORE_COLUMNS}`, [
        context.tenantId,
        uuidv7(),
        store.name,
        store.code,
      ])
      .catch(withCodeConflict(store.code));
    await insertApiRegister(context.manager, context.tenantId, created.id);
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'store', entityId: created.id, after: created });
    return created;
  }

  /** The stores the caller may see, by code. A shop has few stores, so there is one page. */
  async list(context: RequestContext): Promise<StoreListDto> {
    const visible = visibleStoreIds(context);
    const items: StoreDto[] = await context.manager.query(
      `SELECT ${STORE_COLUMNS} FROM store WHERE ($1::uuid[] IS NULL OR id = ANY($1)) ORDER BY code`,
      [visible ?? null],
    );
    return { items, nextCursor: null };
  }

  async get(context: RequestContext, id: string): Promise<StoreDto> {
    if (!canSeeStore(context, id)) throw storeNotFound();
    const [store] = await context.manager.query(`SELECT ${STORE_COLUMNS} FROM store WHERE id = $1`, [id]);
    if (!store) throw storeNotFound();
    return store;
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
    const rows: { id: string }[] = await context.manager.query(
      `SELECT id FROM store WHERE id = ANY($1) AND ($2::uuid[] IS NULL OR id = ANY($2))`,
      [storeIds, visibleStoreIds(context) ?? null],
    );
    const found = new Set(rows.map((row) => row.id));
    const missing = storeIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new ApiException(ErrorCode.ReferenceNotFound,
        'Some stores do not exist.',
        missing.map((id) => ({ field, message: `store ${id} does not exist` })),
      );
    }
  }
}
