import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { type AuditEntry, AuditLog, auditScopeOf } from '@kassa/api/audit';
import { TenantCache } from '@kassa/api/cache';
import { isoTime, isUniqueViolation, queryRows, updateSet } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { CursorShape, cursorShape, invalidCursor, pageRequest, paginate, RequestContext, versionMismatch } from '@kassa/api/http';
import type { ExportFormat, SpreadsheetExport } from '@kassa/api/spreadsheets';
import { TenantsService } from '@kassa/api/tenancy';
import { changesNothing } from './product-changes';
import { CategoriesService } from './categories.service';
import type { CreateProductDto, ProductDto, ProductListDto, ProductQueryDto, UpdateProductDto } from './dto/product.dto';
import { pickProductColumns, PRODUCT_EXPORT_SQL, ProductExportRow } from './product-export';
import {
  PRODUCT_COLUMNS,
  productByBarcodeQuery,
  ProductChangeRow,
  productChangesQuery,
  productListQuery,
  productsByIdQuery,
  productSearchQuery,
  type ProductSort,
  RankedProductRow,
} from './product-queries';
import { SYNCED_TO_SQL } from './catalog-deltas';
import { gtin14Forms, skuPrefixRange } from './product-search';
import { barcodesTaken, deletedOutsideDelta, deltaWithSearch, idsWithListing, productNotFound, skuTaken, sortWithSearch } from './catalog.exception';
import { productListKey } from './catalog-cache-keys';

const EXPORT_PAGE = 5000;

/** Each order its own cursors (a cursor of one order is refused by another); by name keeps the name it always had. */
const PRODUCT_PAGES: Record<ProductSort, CursorShape<readonly ['text' | 'integer', 'uuid']>> = {
  name: cursorShape('products', ['text', 'uuid']),
  '-name': cursorShape('products:-name', ['text', 'uuid']),
  sku: cursorShape('products:sku', ['text', 'uuid']),
  '-sku': cursorShape('products:-sku', ['text', 'uuid']),
  price: cursorShape('products:price', ['integer', 'uuid']),
  '-price': cursorShape('products:-price', ['integer', 'uuid']),
};
const SORT_KEYS: Record<ProductSort, (product: ProductDto) => string | number> = {
  name: (product) => product.name,
  '-name': (product) => product.name,
  sku: (product) => product.sku,
  '-sku': (product) => product.sku,
  price: (product) => product.priceMinor,
  '-price': (product) => product.priceMinor,
};
/** A delta's pages: the pass's `syncedTo` (the same on every page), then the exact `updated_at` and id. */
const PRODUCT_CHANGE_PAGES = cursorShape('product-changes', ['text', 'text', 'uuid']);
const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const SEARCH_PAGES = cursorShape('product-search', ['integer', 'number', 'text', 'uuid']);

/** What sales and inventory need of a product: to price and ring it up, and to count it in stock. */
export interface ProductForSale {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
  /** What one unit costs the shop now: copied onto sale lines so margins keep the cost of the day. */
  costMinor: number | null;
  taxRateBps: number;
  active: boolean;
  /** Soft-deleted: gone from the catalog, still there for sales rung up before (and offline). */
  deleted: boolean;
  trackStock: boolean;
  reorderPoint: number | null;
}

/** A product of the shop found by its SKU or by one of its barcodes (`barcode`: the one that matched). */
export interface ProductCodeMatch {
  id: string;
  sku: string;
  barcode: string | null;
}

@Injectable()
export class ProductsService {
  constructor(
    private readonly categories: CategoriesService,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
    private readonly tenants: TenantsService,
    private readonly cache: TenantCache,
  ) {}

  /** The products with these ids, deleted ones included (and flagged), in one query; unknown ids are left out. */
  forSale(context: RequestContext, ids: string[]): Promise<ProductForSale[]> {
    return queryRows<ProductForSale>(
      context.manager,
      `SELECT id, sku, name, price_minor AS "priceMinor", cost_minor AS "costMinor", tax_rate_bps AS "taxRateBps", active,
              deleted_at IS NOT NULL AS deleted, track_stock AS "trackStock", reorder_point AS "reorderPoint"
         FROM product WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
  }

  /**
   * The shop's products (not deleted) with one of these SKUs or barcodes, barcodes compared as GTIN-14
   * (`barcode` is the code as stored): a product matching by two barcodes comes twice.
   */
  findByCodes(context: RequestContext, skus: string[], barcodes: string[]): Promise<ProductCodeMatch[]> {
    return queryRows<ProductCodeMatch>(
      context.manager,
      `SELECT p.id, p.sku, b.code AS barcode
         FROM product p
         LEFT JOIN product_barcode b ON b.tenant_id = p.tenant_id AND b.product_id = p.id AND b.code = ANY($2)
        WHERE p.deleted_at IS NULL AND (p.sku = ANY($1) OR b.code IS NOT NULL)`,
      [skus, barcodes.flatMap(gtin14Forms)],
    );
  }

  async get(context: RequestContext, id: string): Promise<ProductDto> {
    const [product] = await queryRows<ProductDto>(context.manager, `SELECT ${PRODUCT_COLUMNS} FROM product p WHERE p.id = $1 AND p.deleted_at IS NULL`, [id]);
    if (!product) throw productNotFound();
    return product;
  }

  /** The product as readers see it, from the cache (writers read with `get`, inside their own transaction). */
  detail(context: RequestContext, id: string): Promise<ProductDto> {
    return this.cache.read(context, 'product', { id }, () => this.get(context, id));
  }

  async byBarcode(context: RequestContext, code: string): Promise<ProductDto> {
    const lookup = productByBarcodeQuery(code);
    const [product] = await queryRows<ProductDto>(context.manager, lookup.sql, lookup.parameters);
    if (!product) throw productNotFound();
    return product;
  }

  /**
   * Without `q`: by name. With `q`: exact barcode or SKU first, then SKU prefixes, then names by
   * trigram word similarity (so "banan" finds "Organic Bananas").
   */
  async list(context: RequestContext, query: ProductQueryDto): Promise<ProductListDto> {
    const filters = { categoryId: query.categoryId, active: query.active };
    if (query.updatedSince !== undefined) return this.changes(context, query, query.updatedSince);
    if (query.includeDeleted !== undefined) throw deletedOutsideDelta();
    const q = query.q?.trim();
    if (query.ids !== undefined) {
      if (q || query.sort || query.cursor) throw idsWithListing();
      const { sql, parameters } = productsByIdQuery(filters, query.ids);
      return { items: await queryRows<ProductDto>(context.manager, sql, parameters), nextCursor: null };
    }
    if (!q) {
      const sort: ProductSort = query.sort ?? 'name';
      const page = pageRequest(query, PRODUCT_PAGES[sort]);
      const listing = async () => {
        const { sql, parameters } = productListQuery(filters, page.fetch, page.after, sort);
        return paginate(await queryRows<ProductDto>(context.manager, sql, parameters), page, (product) => [SORT_KEYS[sort](product), product.id]);
      };
      // The first page is what every screen opens on; later pages are read once each.
      return page.after ? listing() : this.cache.read(context, 'product-list', productListKey(filters, sort, page.fetch), listing);
    }
    if (query.sort) throw sortWithSearch();
    const page = pageRequest(query, SEARCH_PAGES);
    const search = productSearchQuery(q, filters, page.fetch, page.after);
    const rows = await queryRows<RankedProductRow>(context.manager, search.sql, search.parameters);
    const { items, nextCursor } = paginate(rows, page, (row) => [row.searchClass, row.searchScore, row.name, row.id]);
    return { items: items.map(({ searchClass: _class, searchScore: _score, ...product }) => product), nextCursor };
  }

  /**
   * The till's delta: products changed at or after `since`, oldest change first, and the `syncedTo` to
   * ask from next time (carried in the cursor, so every page of one pass answers the same).
   */
  private async changes(context: RequestContext, query: ProductQueryDto, since: string): Promise<ProductListDto> {
    if (query.q !== undefined) throw deltaWithSearch();
    const page = pageRequest(query, PRODUCT_CHANGE_PAGES);
    if (page.after && !page.after.slice(0, 2).every((part) => EXACT_TIME.test(String(part)))) throw invalidCursor();
    // Before the rows' statement (its own snapshot): a transaction running now either is seen by it or holds syncedTo back.
    const syncedTo = page.after?.[0] ?? (await queryRows<{ syncedTo: string }>(context.manager, SYNCED_TO_SQL))[0].syncedTo;
    const listing = productChangesQuery(
      { categoryId: query.categoryId, active: query.active },
      since,
      query.includeDeleted ?? false,
      page.fetch,
      page.after && [page.after[1], page.after[2]],
    );
    const { items, nextCursor } = paginate(await queryRows<ProductChangeRow>(context.manager, listing.sql, listing.parameters), page, (row) => [
      syncedTo,
      row.changedAt,
      row.id,
    ]);
    const deleted = items.flatMap(({ id, deletedAt }) => (deletedAt === null ? [] : [{ id, deletedAt }]));
    return {
      items: items.filter((row) => row.deletedAt === null).map(({ deletedAt: _deletedAt, changedAt: _changedAt, ...product }) => product),
      nextCursor,
      syncedTo,
      ...(query.includeDeleted ? { deleted } : {}),
    };
  }

  /** The products a list view shows (its filters and search), by SKU, as CSV or xlsx; the export itself is audited. */
  async export(
    context: RequestContext,
    format: ExportFormat,
    bom: boolean,
    columns?: string,
    filters: { q?: string; categoryId?: string; active?: boolean } = {},
  ): Promise<SpreadsheetExport<ProductExportRow>> {
    const { csvHeader, sheetColumns } = pickProductColumns(columns);
    const q = filters.q?.trim() || null;
    const [skuFrom, skuTo] = q ? skuPrefixRange(q) : [null, null];
    const filterParameters = [filters.categoryId ?? null, filters.active ?? null, q, skuFrom, skuTo];
    const { currency, timeZone } = await this.tenants.current(context);
    return {
      filename: 'products',
      format,
      bom,
      csvHeader,
      sheet: { name: 'Products', columns: sheetColumns, currency, timeZone },
      pages: async function* (this: void) {
        let after: string | null = null;
        for (;;) {
          const page: ProductExportRow[] = await queryRows<ProductExportRow>(context.manager, PRODUCT_EXPORT_SQL, [after, EXPORT_PAGE, ...filterParameters]);
          if (page.length > 0) yield page;
          if (page.length < EXPORT_PAGE) return;
          after = page[page.length - 1].sku;
        }
      },
      written: (rows) =>
        this.audit.record(auditScopeOf(context), {
          action: 'export',
          entityType: 'product',
          metadata: { format, rows, ...(q || filters.categoryId || filters.active !== undefined ? { filters } : {}) },
        }),
    };
  }

  async create(context: RequestContext, input: CreateProductDto): Promise<ProductDto> {
    if (input.categoryId) await this.categories.assertExists(context, input.categoryId, 'categoryId');
    await this.assertBarcodesFree(context, input.barcodes ?? []);
    const id = uuidv7();
    await context.manager
      .query(
        `INSERT INTO product (tenant_id, id, sku, name, description, category_id, unit, price_minor, cost_minor, tax_rate_bps,
                              active, track_stock, reorder_point, reorder_quantity, image_url)
         VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, 'piece'), $8, $9, coalesce($10, 0), coalesce($11, true), coalesce($12, true), $13, $14, $15)`,
        [
          context.tenantId,
          id,
          input.sku,
          input.name,
          input.description ?? null,
          input.categoryId ?? null,
          input.unit ?? null,
          input.priceMinor,
          input.costMinor ?? null,
          input.taxRateBps ?? null,
          input.active ?? null,
          input.trackStock ?? null,
          input.reorderPoint ?? null,
          input.reorderQuantity ?? null,
          input.imageUrl ?? null,
        ],
      )
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'product_sku_key') ? skuTaken(input.sku) : error;
      });
    await this.replaceBarcodes(context, id, input.barcodes ?? []);
    const product = await this.get(context, id);
    await this.invalidate(context);
    await this.events.record(context, { type: 'product.created', aggregateType: 'product', aggregateId: id, aggregateVersion: 1, data: { ...product } });
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'product', entityId: id, after: product });
    return product;
  }

  /** Applies the changes if the product is still at `expectedVersion` (If-Match), else 412 and nothing changes. */
  async update(context: RequestContext, id: string, changes: UpdateProductDto, expectedVersion?: number): Promise<ProductDto> {
    const before = await this.get(context, id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw versionMismatch();
    if (changesNothing(changes, before)) return before;
    if (changes.categoryId) await this.categories.assertExists(context, changes.categoryId, 'categoryId');
    if (changes.barcodes) await this.assertBarcodesFree(context, changes.barcodes, id);
    const set = updateSet(
      {
        sku: changes.sku,
        name: changes.name,
        description: changes.description,
        category_id: changes.categoryId,
        unit: changes.unit,
        price_minor: changes.priceMinor,
        cost_minor: changes.costMinor,
        tax_rate_bps: changes.taxRateBps,
        active: changes.active,
        track_stock: changes.trackStock,
        reorder_point: changes.reorderPoint,
        reorder_quantity: changes.reorderQuantity,
        image_url: changes.imageUrl,
      },
      3,
    );
    // The version bumps even when only barcodes change, and only if nobody changed it meanwhile.
    const updated = await queryRows(
      context.manager,
      `UPDATE product SET ${set.sql ? `${set.sql}, ` : ''}version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
      [id, before.version, ...set.values],
    ).catch((error: unknown) => {
      throw isUniqueViolation(error, 'product_sku_key') ? skuTaken(changes.sku ?? before.sku) : error;
    });
    if (updated.length === 0) throw versionMismatch();
    if (changes.barcodes) await this.replaceBarcodes(context, id, changes.barcodes);
    const after = await this.get(context, id);
    await this.announceUpdate(context, after, { before, after });
    return after;
  }

  /**
   * Undoes a soft delete (the web's undo): the product comes back with `barcodes`, as a new version
   * with a `product.updated` event. 409 `sku_taken` if another product took its SKU meanwhile; a
   * product that is not deleted is answered as it is.
   */
  async restore(context: RequestContext, id: string, barcodes: string[]): Promise<ProductDto> {
    const [deleted] = await queryRows<{ sku: string; deletedAt: string | null }>(
      context.manager,
      `SELECT sku, ${isoTime('deleted_at')} AS "deletedAt" FROM product WHERE id = $1`,
      [id],
    );
    if (!deleted) throw productNotFound();
    if (deleted.deletedAt === null) return this.get(context, id);
    await this.assertBarcodesFree(context, barcodes, id);
    await context.manager
      .query(`UPDATE product SET deleted_at = NULL, version = version + 1, updated_at = now() WHERE id = $1 AND deleted_at IS NOT NULL`, [id])
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'product_sku_key') ? skuTaken(deleted.sku) : error;
      });
    await this.replaceBarcodes(context, id, barcodes);
    const product = await this.get(context, id);
    await this.announceUpdate(context, product, { before: { deletedAt: deleted.deletedAt }, after: product, metadata: { restored: true } });
    return product;
  }

  /**
   * Goods came in (purchasing): the cost becomes the weighted average
   * round_half_even((onHand·oldCost + quantity·unitCost) / (onHand + quantity)), or the delivery's unit cost when
   * nothing was on hand (onHand ≤ 0) or no cost was known. One atomic UPDATE, bumping the version; product.updated.
   */
  async receiveAtCost(context: RequestContext, id: string, receipt: { onHandBefore: number; quantity: number; unitCostMinor: number }): Promise<ProductDto> {
    const [before] = await queryRows<{ costMinor: number | null }>(context.manager, `SELECT cost_minor AS "costMinor" FROM product WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    if (!before) throw productNotFound();
    await context.manager.query(
      `UPDATE product SET version = version + 1, updated_at = now(),
              cost_minor = CASE WHEN $2::int <= 0 OR cost_minor IS NULL THEN $4::bigint
                           ELSE (SELECT a.q + CASE WHEN 2 * a.r > a.d THEN 1 WHEN 2 * a.r < a.d THEN 0 ELSE mod(a.q, 2) END
                                   FROM (SELECT div(w.n, w.d) AS q, mod(w.n, w.d) AS r, w.d
                                           FROM (SELECT $2::int::numeric * cost_minor + $3::int::numeric * $4::bigint AS n, ($2::int + $3::int)::numeric AS d) w) a)::bigint
                           END
        WHERE id = $1`,
      [id, receipt.onHandBefore, receipt.quantity, receipt.unitCostMinor],
    );
    const [after] = await queryRows<ProductDto>(context.manager, `SELECT ${PRODUCT_COLUMNS} FROM product p WHERE p.id = $1`, [id]);
    await this.announceUpdate(context, after, {
      before: { costMinor: before.costMinor },
      after: { costMinor: after.costMinor },
      metadata: { receivedAtCost: receipt },
    });
    return after;
  }

  /** Every change to a product ends the same way: cached reads dropped, `product.updated`, one audit row. */
  private async announceUpdate(context: RequestContext, product: ProductDto, change: Pick<AuditEntry, 'before' | 'after' | 'metadata'>): Promise<void> {
    await this.invalidate(context);
    await this.events.record(context, {
      type: 'product.updated',
      aggregateType: 'product',
      aggregateId: product.id,
      aggregateVersion: product.version,
      data: { ...product },
    });
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'product', entityId: product.id, ...change });
  }

  /** Soft delete: sales history keeps pointing at it; its SKU and barcodes are free again. */
  async delete(context: RequestContext, id: string, expectedVersion?: number): Promise<void> {
    const before = await this.get(context, id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw versionMismatch();
    const deleted = await queryRows<{ version: number }>(
      context.manager,
      `UPDATE product SET deleted_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING version`,
      [id, before.version],
    );
    if (deleted.length === 0) throw versionMismatch();
    await context.manager.query(`DELETE FROM product_barcode WHERE product_id = $1`, [id]);
    await this.invalidate(context);
    await this.events.record(context, {
      type: 'product.deleted',
      aggregateType: 'product',
      aggregateId: id,
      aggregateVersion: deleted[0].version,
      data: { id, sku: before.sku },
    });
    await this.audit.record(auditScopeOf(context), { action: 'delete', entityType: 'product', entityId: id, before });
  }

  /** Drops the tenant's cached products and product lists once the writer's transaction commits. */
  async invalidate(context: RequestContext): Promise<void> {
    await Promise.all([this.cache.invalidate(context, 'product'), this.cache.invalidate(context, 'product-list')]);
  }

  private async assertBarcodesFree(context: RequestContext, codes: string[], ownProductId?: string): Promise<void> {
    if (codes.length === 0) return;
    const taken: { code: string }[] = await context.manager.query(
      `SELECT code FROM product_barcode WHERE code = ANY($1) AND product_id IS DISTINCT FROM $2::uuid`,
      [codes.flatMap(gtin14Forms), ownProductId ?? null],
    );
    if (taken.length > 0) throw barcodesTaken(taken.map((row) => row.code));
  }

  private async replaceBarcodes(context: RequestContext, productId: string, codes: string[]): Promise<void> {
    await context.manager.query(`DELETE FROM product_barcode WHERE product_id = $1`, [productId]);
    if (codes.length === 0) return;
    await context.manager
      .query(`INSERT INTO product_barcode (tenant_id, product_id, code) SELECT $1, $2, unnest($3::text[])`, [context.tenantId, productId, codes])
      .catch((error: unknown) => {
        throw isBarcodeTaken(error) ? barcodesTaken(codes) : error;
      });
  }
}

/** Two products' barcodes equal as typed, or as GTIN-14 (the unique index on gtin14(code)), written at once. */
export function isBarcodeTaken(error: unknown): boolean {
  return isUniqueViolation(error, 'product_barcode_pkey') || isUniqueViolation(error, 'product_barcode_gtin14_key');
}
