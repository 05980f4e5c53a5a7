import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { TenantCache } from '@kassa/api/cache';
import { isoTime, queryRows, updateSet } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import type { CategoryDto, CategoryListDto, CategoryQueryDto, CreateCategoryDto, DeletedCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { SYNCED_TO_SQL } from './catalog-deltas';
import { categoryCycle, categoryInUse, categoryNotFound, deletedOutsideDelta } from './catalog.exception';
import { CATEGORY_PATH_SEPARATOR } from './product-export';

const CATEGORY_COLUMNS = `c.id, c.name, c.parent_id AS "parentId", c.version, ${isoTime('c.created_at')} AS "createdAt"`;

@Injectable()
export class CategoriesService {
  constructor(
    private readonly audit: AuditLog,
    private readonly cache: TenantCache,
  ) {}

  /** The whole tree, parents before children, siblings by name; with `updatedSince`, the till's delta. */
  async list(context: RequestContext, query: CategoryQueryDto = {}): Promise<CategoryListDto> {
    if (query.updatedSince !== undefined) return this.changes(context, query.updatedSince, query.includeDeleted ?? false);
    if (query.includeDeleted !== undefined) throw deletedOutsideDelta();
    return this.cache.read(context, 'category-tree', {}, () => this.tree(context));
  }

  private async tree(context: RequestContext): Promise<CategoryListDto> {
    const items: CategoryDto[] = await context.manager.query(
      `WITH RECURSIVE tree AS (
         SELECT c.*, ARRAY[lower(c.name), c.id::text] AS path FROM category c WHERE c.parent_id IS NULL
         UNION ALL
         SELECT c.*, tree.path || ARRAY[lower(c.name), c.id::text] FROM category c JOIN tree ON c.parent_id = tree.id
       )
       SELECT ${CATEGORY_COLUMNS} FROM tree c ORDER BY c.path`,
    );
    return { items, nextCursor: null };
  }

  /** Categories changed (and, if asked, deleted) at or after `since`, unpaged like the tree; `syncedTo` as for products. */
  private async changes(context: RequestContext, since: string, includeDeleted: boolean): Promise<CategoryListDto> {
    // Before the rows' statements (their own snapshots): a transaction running now either is seen or holds syncedTo back.
    const [{ syncedTo }] = await queryRows<{ syncedTo: string }>(context.manager, SYNCED_TO_SQL);
    const items = await queryRows<CategoryDto>(
      context.manager,
      `SELECT ${CATEGORY_COLUMNS} FROM category c WHERE c.updated_at >= $1::timestamptz ORDER BY c.updated_at, c.id`,
      [since],
    );
    if (!includeDeleted) return { items, nextCursor: null, syncedTo };
    const deleted = await queryRows<DeletedCategoryDto>(
      context.manager,
      `SELECT id, ${isoTime('deleted_at')} AS "deletedAt" FROM category_deletion WHERE deleted_at >= $1::timestamptz ORDER BY deleted_at, id`,
      [since],
    );
    return { items, nextCursor: null, syncedTo, deleted };
  }

  /** Each category's id by its path as exports write it (`drinks > tea`, compared in lower case). */
  async idsByPath(context: RequestContext): Promise<Map<string, string>> {
    const rows = await queryRows<{ id: string; path: string }>(
      context.manager,
      `WITH RECURSIVE category_path AS (
         SELECT id, lower(name) AS path FROM category WHERE parent_id IS NULL
         UNION ALL
         SELECT c.id, cp.path || $1 || lower(c.name) FROM category c JOIN category_path cp ON c.parent_id = cp.id
       ) SELECT id, path FROM category_path`,
      [CATEGORY_PATH_SEPARATOR],
    );
    return new Map(rows.map((row) => [row.path, row.id]));
  }

  async get(context: RequestContext, id: string): Promise<CategoryDto> {
    const [category] = await queryRows<CategoryDto>(context.manager, `SELECT ${CATEGORY_COLUMNS} FROM category c WHERE c.id = $1`, [id]);
    if (!category) throw categoryNotFound();
    return category;
  }

  /** Refuses a category id from a body that is not one of this shop's, naming the field. */
  async assertExists(context: RequestContext, id: string, field: string): Promise<void> {
    const rows = await queryRows<{ found: number }>(context.manager, `SELECT 1 AS found FROM category WHERE id = $1`, [id]);
    if (rows.length === 0) throw categoryNotFound(field);
  }

  async create(context: RequestContext, input: CreateCategoryDto): Promise<CategoryDto> {
    if (input.parentId) await this.assertExists(context, input.parentId, 'parentId');
    const [created]: CategoryDto[] = await context.manager.query(
      `INSERT INTO category AS c (tenant_id, id, name, parent_id) VALUES ($1, $2, $3, $4) RETURNING ${CATEGORY_COLUMNS}`,
      [context.tenantId, uuidv7(), input.name, input.parentId ?? null],
    );
    await this.cache.invalidate(context, 'category-tree');
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'category', entityId: created.id, after: created });
    return created;
  }

  async update(context: RequestContext, id: string, changes: UpdateCategoryDto): Promise<CategoryDto> {
    const before = await this.get(context, id);
    if (changes.parentId) await this.assertAcceptableParent(context, id, changes.parentId);
    const set = updateSet({ name: changes.name, parent_id: changes.parentId }, 2);
    if (set.values.length === 0) return before;
    const [after] = await queryRows<CategoryDto>(
      context.manager,
      `UPDATE category c SET ${set.sql}, version = version + 1, updated_at = now() WHERE c.id = $1 RETURNING ${CATEGORY_COLUMNS}`,
      [id, ...set.values],
    );
    await this.cache.invalidate(context, 'category-tree');
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'category', entityId: id, before, after });
    return after;
  }

  /** Only an empty category goes: no children and no products. */
  async delete(context: RequestContext, id: string): Promise<void> {
    const before = await this.get(context, id);
    const [usage]: { children: number; products: number }[] = await context.manager.query(
      `SELECT (SELECT count(*) FROM category WHERE parent_id = $1)::int AS children,
              (SELECT count(*) FROM product WHERE category_id = $1 AND deleted_at IS NULL)::int AS products`,
      [id],
    );
    if (usage.children > 0 || usage.products > 0) {
      throw categoryInUse(usage.children, usage.products);
    }
    // Deleted products keep no link to it.
    await context.manager.query(`UPDATE product SET category_id = NULL WHERE category_id = $1`, [id]);
    await context.manager.query(`DELETE FROM category WHERE id = $1`, [id]);
    await context.manager.query(`INSERT INTO category_deletion (tenant_id, id) VALUES ($1, $2)`, [context.tenantId, id]);
    await this.cache.invalidate(context, 'category-tree');
    await this.audit.record(auditScopeOf(context), { action: 'delete', entityType: 'category', entityId: id, before });
  }

  private async assertAcceptableParent(context: RequestContext, id: string, parentId: string): Promise<void> {
    await this.assertExists(context, parentId, 'parentId');
    const [cycle] = await queryRows<{ found: number }>(
      context.manager,
      `WITH RECURSIVE ancestors AS (
         SELECT id, parent_id FROM category WHERE id = $1
         UNION ALL
         SELECT c.id, c.parent_id FROM category c JOIN ancestors a ON c.id = a.parent_id
       ) SELECT 1 AS found FROM ancestors WHERE id = $2 LIMIT 1`,
      [parentId, id],
    );
    if (cycle) {
      throw categoryCycle();
    }
  }
}
