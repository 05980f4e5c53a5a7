import { BARCODE_INDEX, CATEGORY_INDEX, SKU_INDEX, STORES, type TillDb } from './till-db';
import { foldSearchText } from './fold-search-text';

/** What the till keeps of a product: enough to find it, price it and show it. */
export interface SnapshotProduct {
  id: string;
  sku: string;
  name: string;
  categoryId: string | null;
  priceMinor: number;
  taxRateBps: number;
  barcodes: string[];
  active: boolean;
  trackStock: boolean;
  unit: string;
}

export interface SnapshotCategory {
  id: string;
  name: string;
  parentId: string | null;
}

export interface StockHint {
  productId: string;
  onHand: number;
}

/** A whole catalog as of `syncedTo` (pairing). */
export interface FullCatalog {
  products: SnapshotProduct[];
  categories: SnapshotCategory[];
  stock: StockHint[];
  /** The register's favourites, in order. */
  favouriteIds: string[];
  syncedTo: string;
}

/** What changed since the last mark, up to `syncedTo` (a delta refresh). */
export interface CatalogChanges {
  products: SnapshotProduct[];
  deletedProductIds: string[];
  categories: SnapshotCategory[];
  deletedCategoryIds: string[];
  stock: StockHint[];
  /** The register's favourites as they are now (a small list: read whole on every refresh). */
  favouriteIds: string[];
  syncedTo: string;
}

const FAVOURITES = 'favourites';
const SYNC_MARK = 'catalogSyncedTo';
const SYNCED_AT = 'catalogSyncedAt';

/** The till's catalog in IndexedDB: every lookup a sale needs answers from here, never from the network. */
export class CatalogSnapshot {
  constructor(private readonly db: TillDb) {}

  /** A scanned or typed code: a barcode first, then a SKU; inactive products are not for sale. */
  async lookup(code: string): Promise<SnapshotProduct | undefined> {
    const trimmed = code.trim();
    if (!trimmed) return undefined;
    const byBarcode = await this.db.firstFromIndex<SnapshotProduct>(STORES.products, BARCODE_INDEX, trimmed);
    const found = byBarcode ?? (await this.db.firstFromIndex<SnapshotProduct>(STORES.products, SKU_INDEX, trimmed));
    return found?.active ? found : undefined;
  }

  product(id: string): Promise<SnapshotProduct | undefined> {
    return this.db.get<SnapshotProduct>(STORES.products, id);
  }

  /**
   * Active products whose name or SKU contains every word of `text`, accents and case aside ("gruner" finds
   * "Grüner Tee", as the API's search does), in catalog order; stops early once `signal` aborts.
   */
  async search(text: string, limit = 24, signal?: AbortSignal): Promise<SnapshotProduct[]> {
    const words = foldSearchText(text).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const found: SnapshotProduct[] = [];
    await this.db.scan<SnapshotProduct>(STORES.products, (product) => {
      const haystack = foldSearchText(`${product.name} ${product.sku}`);
      if (product.active && words.every((word) => haystack.includes(word))) found.push(product);
      return found.length < limit && !signal?.aborted;
    });
    return found;
  }

  /** Active products of a category by name; `null` for the uncategorised. */
  async inCategory(categoryId: string | null, limit = 200): Promise<SnapshotProduct[]> {
    const products =
      categoryId === null ? await this.uncategorised(limit) : await this.db.fromIndex<SnapshotProduct>(STORES.products, CATEGORY_INDEX, categoryId, limit);
    return products.filter((product) => product.active).sort((a, b) => a.name.localeCompare(b.name));
  }

  private async uncategorised(limit: number): Promise<SnapshotProduct[]> {
    const found: SnapshotProduct[] = [];
    await this.db.scan<SnapshotProduct>(STORES.products, (product) => {
      if (product.categoryId === null) found.push(product);
      return found.length < limit;
    });
    return found;
  }

  /** The register's favourites in the order a manager put them; products no longer for sale are left out. */
  async favourites(): Promise<SnapshotProduct[]> {
    const ids = (await this.db.get<string[]>(STORES.meta, FAVOURITES)) ?? [];
    const products = await Promise.all(ids.map((id) => this.product(id)));
    return products.filter((product): product is SnapshotProduct => product?.active === true);
  }

  favouriteIds(): Promise<string[]> {
    return this.db.get<string[]>(STORES.meta, FAVOURITES).then((ids) => ids ?? []);
  }

  /** A list a manager just saved on this till: shown at once, without waiting for the next refresh. */
  async setFavourites(ids: string[]): Promise<void> {
    await this.db.write([STORES.meta], (transaction) => transaction.objectStore(STORES.meta).put(ids, FAVOURITES));
  }

  async categories(): Promise<SnapshotCategory[]> {
    return (await this.db.getAll<SnapshotCategory>(STORES.categories)).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** On hand in this till's store as of the last sync; undefined when the product's stock is not tracked there. */
  stockOf(productId: string): Promise<number | undefined> {
    return this.db.get<number>(STORES.stock, productId);
  }

  /** A live stock hint (a `stock.adjusted` push); the next refresh reads every hint again anyway. */
  setStock(productId: string, onHand: number): Promise<void> {
    return this.db.write([STORES.stock], (transaction) => {
      transaction.objectStore(STORES.stock).put(onHand, productId);
    });
  }

  /** Where the next delta starts; undefined before the first load. */
  syncMark(): Promise<string | undefined> {
    return this.db.get<string>(STORES.meta, SYNC_MARK);
  }

  /** When this device last brought the snapshot up to date (its own clock). */
  syncedAt(): Promise<string | undefined> {
    return this.db.get<string>(STORES.meta, SYNCED_AT);
  }

  /** Replaces the whole snapshot in one transaction: a till never sells from half a catalog. */
  replace(catalog: FullCatalog, now = new Date()): Promise<void> {
    return this.db.write([STORES.products, STORES.categories, STORES.stock, STORES.meta], (transaction) => {
      const products = transaction.objectStore(STORES.products);
      const categories = transaction.objectStore(STORES.categories);
      const stock = transaction.objectStore(STORES.stock);
      products.clear();
      categories.clear();
      stock.clear();
      for (const product of catalog.products) products.put(product);
      for (const category of catalog.categories) categories.put(category);
      for (const hint of catalog.stock) stock.put(hint.onHand, hint.productId);
      transaction.objectStore(STORES.meta).put(catalog.favouriteIds, FAVOURITES);
      transaction.objectStore(STORES.meta).put(catalog.syncedTo, SYNC_MARK);
      transaction.objectStore(STORES.meta).put(now.toISOString(), SYNCED_AT);
    });
  }

  /** Applies a delta and moves the mark in the same transaction, so an interrupted refresh is simply redone. */
  apply(changes: CatalogChanges, now = new Date()): Promise<void> {
    return this.db.write([STORES.products, STORES.categories, STORES.stock, STORES.meta], (transaction) => {
      const products = transaction.objectStore(STORES.products);
      const categories = transaction.objectStore(STORES.categories);
      const stock = transaction.objectStore(STORES.stock);
      for (const product of changes.products) products.put(product);
      for (const id of changes.deletedProductIds) {
        products.delete(id);
        stock.delete(id);
      }
      for (const category of changes.categories) categories.put(category);
      for (const id of changes.deletedCategoryIds) categories.delete(id);
      for (const hint of changes.stock) stock.put(hint.onHand, hint.productId);
      transaction.objectStore(STORES.meta).put(changes.favouriteIds, FAVOURITES);
      transaction.objectStore(STORES.meta).put(changes.syncedTo, SYNC_MARK);
      transaction.objectStore(STORES.meta).put(now.toISOString(), SYNCED_AT);
    });
  }
}
