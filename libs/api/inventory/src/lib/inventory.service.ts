import { Injectable } from '@nestjs/common';
import { isLowStock, uuidv7 } from '@kassa/contracts';
import { ProductsService } from '@kassa/api/catalog';
import { isoTime, queryRows } from '@kassa/api/database';
import { cursorShape, pageRequest, paginate, PageRequest, RequestContext } from '@kassa/api/http';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { pickExportColumns, SpreadsheetExport } from '@kassa/api/spreadsheets';
import { assertStoreVisible, StoresService, TenantsService, visibleStoreIds } from '@kassa/api/tenancy';
import { LEDGER_CSV_HEADER, LEDGER_EXPORT_COLUMNS, LEDGER_EXPORT_SQL, LedgerExportRow, StoredLedgerEntry } from './ledger-export';
import { LEVEL_CSV_HEADER, LEVEL_EXPORT_COLUMNS, LEVELS_EXPORT_SQL, LevelExportRow, StoredLevel } from './levels-export';
import type {
  AdjustmentDto,
  CountDto,
  CountResultDto,
  LedgerEntryDto,
  LedgerListDto,
  LedgerQueryDto,
  LevelsExportQueryDto,
  MovementResultDto,
  ReconcileDto,
  StockLevelListDto,
  StockLevelQueryDto,
  StockLevelRowDto,
  TransferDto,
  TransferResultDto,
} from './dto/inventory.dto';
import { StockService } from './stock.service';
import { productFilterWithoutZero, sameStoreTransfer } from './inventory.exception';

const EXPORT_PAGE = 5000;

/** By store, then product. */
const LEVEL_PAGES = cursorShape('stock-levels', ['uuid', 'uuid']);
type LevelCursor = readonly ['uuid', 'uuid'];
/**
 * One store's levels for `includeZero`: every product that is not deleted (within the product filters), at 0 and
 * the product's reorder point where the store never moved it. `lowOnly` and `state` are the SQL forms of
 * isLowStock and stockStateOf (libs/contracts).
 */
const LEVELS_WITH_ZERO_SQL = `
  SELECT p.id AS "productId", p.sku, p.name AS "productName", coalesce(s.on_hand, 0) AS "onHand",
         coalesce(s.reorder_point, p.reorder_point) AS "reorderPoint"
    FROM product p
    LEFT JOIN stock_level s ON s.tenant_id = p.tenant_id AND s.store_id = $1 AND s.product_id = p.id
   WHERE p.deleted_at IS NULL AND ($2::uuid IS NULL OR p.id > $2) AND ($3::uuid IS NULL OR p.id = $3)
     AND ($4::uuid IS NULL OR p.category_id = $4) AND ($5::boolean IS NULL OR p.active = $5)
     AND (NOT $6 OR coalesce(s.on_hand, 0) <= coalesce(s.reorder_point, p.reorder_point))
     AND ($7::text IS NULL OR $7 = CASE WHEN coalesce(s.on_hand, 0) <= 0 THEN 'out'
                                        WHEN coalesce(s.on_hand, 0) <= coalesce(s.reorder_point, p.reorder_point) THEN 'low' ELSE 'in' END)
   ORDER BY p.id LIMIT $8`;
/** Newest first. */
const LEDGER_PAGES = cursorShape('stock-ledger', ['uuid']);

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

/** Adjustments, counts, transfers and the read side of stock; every change goes through StockService.move. */
@Injectable()
export class InventoryService {
  constructor(
    private readonly stock: StockService,
    private readonly audit: AuditLog,
    private readonly stores: StoresService,
    private readonly products: ProductsService,
    private readonly tenants: TenantsService,
  ) {}

  adjust(context: RequestContext, adjustment: AdjustmentDto): Promise<MovementResultDto> {
    return this.stock.move(context, adjustment);
  }

  /** All or nothing (one transaction); rows are locked in a fixed order so concurrent batches cannot deadlock. */
  async adjustBatch(context: RequestContext, adjustments: AdjustmentDto[]): Promise<MovementResultDto[]> {
    const ordered = adjustments
      .map((adjustment, index) => ({ adjustment, index }))
      .sort(byKey(({ adjustment }) => `${adjustment.storeId}:${adjustment.productId}`));
    const results: MovementResultDto[] = new Array(adjustments.length);
    for (const { adjustment, index } of ordered) {
      results[index] = await this.stock.move(context, adjustment, {
        store: `adjustments.${index}.storeId`,
        product: `adjustments.${index}.productId`,
        delta: `adjustments.${index}.delta`,
      });
    }
    return results;
  }

  /** Differences against on-hand at the moment of posting (each level locked first), as `count` ledger rows. */
  async count(context: RequestContext, count: CountDto): Promise<CountResultDto> {
    const countId = uuidv7();
    const lines: CountResultDto['lines'] = [];
    for (const { line, index } of count.lines.map((line, index) => ({ line, index })).sort(byKey(({ line }) => line.productId))) {
      const fields = { store: 'storeId', product: `lines.${index}.productId`, delta: `lines.${index}.counted` };
      const level = await this.stock.lockLevel(context, count.storeId, line.productId, fields);
      const delta = line.counted - level.onHand;
      const moved =
        delta === 0
          ? undefined
          : await this.stock.move(
              context,
              { storeId: count.storeId, productId: line.productId, delta, reason: 'count', reference: { type: 'count', id: countId } },
              fields,
            );
      lines[index] = { productId: line.productId, counted: line.counted, previousOnHand: level.onHand, delta, ledgerEntryId: moved?.ledgerEntryId ?? null };
    }
    return { countId, storeId: count.storeId, lines };
  }

  /** Out of one store and into another in one transaction: a line that cannot leave the source changes neither. */
  async transfer(context: RequestContext, transfer: TransferDto): Promise<TransferResultDto> {
    if (transfer.fromStoreId === transfer.toStoreId) {
      throw sameStoreTransfer();
    }
    const transferId = uuidv7();
    const reference = { type: 'transfer', id: transferId };
    const lines: TransferResultDto['lines'] = [];
    for (const [index, line] of transfer.lines.entries()) {
      const out = await this.stock.move(
        context,
        { storeId: transfer.fromStoreId, productId: line.productId, delta: -line.quantity, reason: 'transfer_out', reference },
        { store: 'fromStoreId', product: `lines.${index}.productId`, delta: `lines.${index}.quantity` },
      );
      const into = await this.stock.move(
        context,
        { storeId: transfer.toStoreId, productId: line.productId, delta: line.quantity, reason: 'transfer_in', reference },
        { store: 'toStoreId', product: `lines.${index}.productId`, delta: `lines.${index}.quantity` },
      );
      lines.push({ productId: line.productId, quantity: line.quantity, fromOnHand: out.onHand, toOnHand: into.onHand });
    }
    return { transferId, lines };
  }

  setReorderPoint(context: RequestContext, storeId: string, productId: string, reorderPoint: number | null) {
    return this.stock.setReorderPoint(context, storeId, productId, reorderPoint);
  }

  async levels(context: RequestContext, query: StockLevelQueryDto): Promise<StockLevelListDto> {
    if (query.storeId) assertStoreVisible(context, query.storeId, 'storeId');
    const page = pageRequest(query, LEVEL_PAGES);
    if (query.includeZero) return this.levelsWithZero(context, query, page);
    if (query.categoryId !== undefined) throw productFilterWithoutZero('categoryId');
    if (query.active !== undefined) throw productFilterWithoutZero('active');
    const rows = await queryRows<{ storeId: string; productId: string; onHand: number; reorderPoint: number | null }>(
      context.manager,
      `SELECT s.store_id AS "storeId", s.product_id AS "productId", s.on_hand AS "onHand",
              coalesce(s.reorder_point, p.reorder_point) AS "reorderPoint"
         FROM stock_level s JOIN product p ON p.tenant_id = s.tenant_id AND p.id = s.product_id
        WHERE ($1::uuid IS NULL OR s.store_id = $1) AND ($2::uuid IS NULL OR s.product_id = $2)
          AND ($3::uuid[] IS NULL OR s.store_id = ANY($3))
          -- the SQL form of isLowStock (libs/contracts), so pages hold only low levels
          AND (NOT $4 OR s.on_hand <= coalesce(s.reorder_point, p.reorder_point))
          AND ($5::uuid IS NULL OR (s.store_id, s.product_id) > ($5, $6::uuid))
          -- the SQL form of stockStateOf (libs/contracts)
          AND ($8::text IS NULL OR $8 = CASE WHEN s.on_hand <= 0 THEN 'out'
                                             WHEN s.on_hand <= coalesce(s.reorder_point, p.reorder_point) THEN 'low' ELSE 'in' END)
        ORDER BY s.store_id, s.product_id LIMIT $7`,
      [
        query.storeId ?? null,
        query.productId ?? null,
        visibleStoreIds(context) ?? null,
        query.lowOnly ?? false,
        page.after?.[0] ?? null,
        page.after?.[1] ?? null,
        page.fetch,
        query.state ?? null,
      ],
    );
    const { items, nextCursor } = paginate(rows, page, (level) => [level.storeId, level.productId]);
    const products = new Map(
      (
        await this.products.forSale(
          context,
          items.map((level) => level.productId),
        )
      ).map((product) => [product.id, product]),
    );
    return {
      items: items.map((level) => ({
        ...level,
        sku: products.get(level.productId)?.sku ?? '',
        productName: products.get(level.productId)?.name ?? '',
        low: isLowStock(level.onHand, level.reorderPoint),
      })),
      nextCursor,
    };
  }

  /**
   * Every product that is not deleted in each store (by store id, then product id), at 0 where the store never
   * moved it: one statement per store, so a stock state that few products are in is found by PostgreSQL, not by
   * walking the catalog here.
   */
  private async levelsWithZero(context: RequestContext, query: StockLevelQueryDto, page: PageRequest<LevelCursor>): Promise<StockLevelListDto> {
    // Zeros are made up here, so a store that does not exist must be refused rather than shown with every product at 0.
    if (query.storeId) await this.stores.assertUsable(context, query.storeId, 'storeId');
    const stores = query.storeId ? [query.storeId] : (await this.stores.list(context)).items.map((store) => store.id).sort();
    const rows: StockLevelRowDto[] = [];
    const [afterStore, afterProduct] = page.after ?? [null, null];
    for (const storeId of stores.filter((id) => afterStore === null || id >= afterStore)) {
      const levels = await queryRows<Omit<StockLevelRowDto, 'storeId' | 'low'>>(context.manager, LEVELS_WITH_ZERO_SQL, [
        storeId,
        storeId === afterStore ? afterProduct : null,
        query.productId ?? null,
        query.categoryId ?? null,
        query.active ?? null,
        query.lowOnly ?? false,
        query.state ?? null,
        page.fetch - rows.length,
      ]);
      rows.push(...levels.map((level) => ({ storeId, ...level, low: isLowStock(level.onHand, level.reorderPoint) })));
      if (rows.length === page.fetch) break;
    }
    return paginate(rows, page, (level) => [level.storeId, level.productId]);
  }

  /** Levels of the stores the caller may see, as CSV or xlsx; the export itself is audited. */
  async exportLevels(context: RequestContext, query: LevelsExportQueryDto): Promise<SpreadsheetExport<LevelExportRow>> {
    const { format, storeId } = query;
    if (storeId) assertStoreVisible(context, storeId, 'storeId');
    const { csvHeader, sheetColumns } = pickExportColumns({ csvHeader: LEVEL_CSV_HEADER, sheetColumns: LEVEL_EXPORT_COLUMNS }, query.columns);
    const { currency, timeZone } = await this.tenants.current(context);
    const visible = visibleStoreIds(context) ?? null;
    const named = (levels: StoredLevel[]) => this.named(context, levels);
    return {
      filename: 'stock-levels',
      format,
      bom: query.bom ?? false,
      csvHeader,
      sheet: { name: 'Stock', columns: sheetColumns, currency, timeZone },
      pages: async function* (this: void) {
        let after: string | null = null;
        for (;;) {
          const levels: StoredLevel[] = await queryRows<StoredLevel>(context.manager, LEVELS_EXPORT_SQL, [storeId ?? null, visible, after, EXPORT_PAGE]);
          const page = await named(levels);
          if (page.length > 0) yield page;
          if (levels.length < EXPORT_PAGE) return;
          after = levels[levels.length - 1].id;
        }
      },
      written: (rows) =>
        this.audit.record(auditScopeOf(context), { action: 'export', entityType: 'stock_level', metadata: { format, storeId: storeId ?? null, rows } }),
    };
  }

  /** The ledger of the stores the caller may see, oldest first, as CSV or xlsx; the export itself is audited. */
  async exportLedger(context: RequestContext, query: LevelsExportQueryDto): Promise<SpreadsheetExport<LedgerExportRow>> {
    const { format, storeId } = query;
    if (storeId) assertStoreVisible(context, storeId, 'storeId');
    const { csvHeader, sheetColumns } = pickExportColumns({ csvHeader: LEDGER_CSV_HEADER, sheetColumns: LEDGER_EXPORT_COLUMNS }, query.columns);
    const { currency, timeZone } = await this.tenants.current(context);
    const visible = visibleStoreIds(context) ?? null;
    const named = (entries: StoredLedgerEntry[]) => this.namedEntries(context, entries);
    return {
      filename: 'stock-ledger',
      format,
      bom: query.bom ?? false,
      csvHeader,
      sheet: { name: 'Ledger', columns: sheetColumns, currency, timeZone },
      pages: async function* (this: void) {
        let after: string | null = null;
        for (;;) {
          const entries: StoredLedgerEntry[] = await queryRows<StoredLedgerEntry>(context.manager, LEDGER_EXPORT_SQL, [
            storeId ?? null,
            visible,
            after,
            EXPORT_PAGE,
          ]);
          const page = await named(entries);
          if (page.length > 0) yield page;
          if (entries.length < EXPORT_PAGE) return;
          after = entries[entries.length - 1].id;
        }
      },
      written: (rows) =>
        this.audit.record(auditScopeOf(context), { action: 'export', entityType: 'stock_ledger', metadata: { format, storeId: storeId ?? null, rows } }),
    };
  }

  /** Ledger entries with their store code and product, asked of tenancy and catalog (deleted products included: history). */
  private async namedEntries(context: RequestContext, entries: StoredLedgerEntry[]): Promise<LedgerExportRow[]> {
    if (entries.length === 0) return [];
    const stores = await this.stores.getMany(context, [...new Set(entries.map((entry) => entry.storeId))]);
    const products = await this.products.forSale(context, [...new Set(entries.map((entry) => entry.productId))]);
    const storeById = new Map(stores.map((store) => [store.id, store]));
    const productById = new Map(products.map((product) => [product.id, product]));
    return entries.map(({ storeId, productId, delta, onHandAfter, reason, note, createdAt }) => ({
      createdAt,
      storeCode: storeById.get(storeId)?.code ?? '',
      sku: productById.get(productId)?.sku ?? '',
      productName: productById.get(productId)?.name ?? '',
      delta,
      onHandAfter,
      reason,
      note,
    }));
  }

  /** Levels with their store's and product's names, asked of tenancy and catalog; levels of deleted products are left out. */
  private async named(context: RequestContext, levels: StoredLevel[]): Promise<LevelExportRow[]> {
    if (levels.length === 0) return [];
    const stores = await this.stores.getMany(context, [...new Set(levels.map((level) => level.storeId))]);
    const products = await this.products.forSale(
      context,
      levels.map((level) => level.productId),
    );
    const storeById = new Map(stores.map((store) => [store.id, store]));
    const productById = new Map(products.map((product) => [product.id, product]));
    return levels.flatMap(({ storeId, productId, onHand, reorderPoint: own, updatedAt }) => {
      const store = storeById.get(storeId);
      const product = productById.get(productId);
      if (!store || !product || product.deleted) return [];
      const reorderPoint = own ?? product.reorderPoint;
      const low = isLowStock(onHand, reorderPoint);
      return [{ storeCode: store.code, storeName: store.name, sku: product.sku, productName: product.name, onHand, reorderPoint, low, updatedAt }];
    });
  }

  async ledger(context: RequestContext, query: LedgerQueryDto): Promise<LedgerListDto> {
    if (query.storeId) assertStoreVisible(context, query.storeId, 'storeId');
    const page = pageRequest(query, LEDGER_PAGES);
    const rows = await queryRows<Omit<LedgerEntryDto, 'sku' | 'productName'>>(
      context.manager,
      `SELECT id, store_id AS "storeId", product_id AS "productId", delta, on_hand_after AS "onHandAfter", reason,
              actor_type AS "actorType", actor_id AS "actorId", reference_type AS "referenceType", reference_id AS "referenceId",
              note, ${isoTime('created_at')} AS "createdAt"
         FROM stock_ledger
        WHERE ($1::uuid IS NULL OR store_id = $1) AND ($2::uuid IS NULL OR product_id = $2)
          AND ($3::uuid[] IS NULL OR store_id = ANY($3)) AND ($4::uuid IS NULL OR id < $4)
          AND ($6::uuid IS NULL OR reference_id = $6)
        ORDER BY id DESC LIMIT $5`,
      [query.storeId ?? null, query.productId ?? null, visibleStoreIds(context) ?? null, page.after?.[0] ?? null, page.fetch, query.referenceId ?? null],
    );
    const { items, nextCursor } = paginate(rows, page, (entry) => [entry.id]);
    const products = new Map(
      (
        await this.products.forSale(
          context,
          items.map((entry) => entry.productId),
        )
      ).map((product) => [product.id, product]),
    );
    return {
      items: items.map((entry) => ({ ...entry, sku: products.get(entry.productId)?.sku ?? '', productName: products.get(entry.productId)?.name ?? '' })),
      nextCursor,
    };
  }

  /** Recomputes every on-hand from its ledger; any difference is a bug and is reported, not fixed. */
  async reconcile(context: RequestContext): Promise<ReconcileDto> {
    const rows: { storeId: string; productId: string; onHand: number; ledgerSum: number; checked: number }[] = await context.manager.query(
      `SELECT s.store_id AS "storeId", s.product_id AS "productId", s.on_hand AS "onHand",
              coalesce(l.total, 0)::int AS "ledgerSum", count(*) OVER ()::int AS checked
         FROM stock_level s
         LEFT JOIN (SELECT store_id, product_id, sum(delta) AS total FROM stock_ledger GROUP BY store_id, product_id) l
           ON l.store_id = s.store_id AND l.product_id = s.product_id
        WHERE ($1::uuid[] IS NULL OR s.store_id = ANY($1))`,
      [visibleStoreIds(context) ?? null],
    );
    return {
      checked: rows[0]?.checked ?? 0,
      differences: rows.filter((row) => row.onHand !== row.ledgerSum).map(({ checked: _checked, ...difference }) => difference),
    };
  }
}
