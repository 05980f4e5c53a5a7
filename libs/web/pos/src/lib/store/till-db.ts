/**
 * The till's IndexedDB: everything it needs to sell without the network. One database per browser
 * profile; unpairing deletes it, so a tablet handed to another shop keeps nothing of the last one.
 */
import { installOutboxStore, OUTBOX_STORE } from '@kassa/web/offline-queue';

export const TILL_DB_NAME = 'kassa-till';
// 2: the outbox of sales, refunds and customers waiting for the API (issue 21).
const VERSION = 2;

export const STORES = {
  /** The pairing: one row under `'current'`. */
  device: 'device',
  products: 'products',
  categories: 'categories',
  /** On-hand quantities in this till's store, by product id. */
  stock: 'stock',
  /** Sync marks and the receipt counter, by name. */
  meta: 'meta',
  /** Sales put aside on this device. */
  parked: 'parked',
  /** What waits for the API, in order (libs/web/offline-queue). */
  outbox: OUTBOX_STORE,
} as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

export const BARCODE_INDEX = 'barcodes';
export const CATEGORY_INDEX = 'categoryId';
export const SKU_INDEX = 'sku';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function createSnapshotStores(db: IDBDatabase): void {
  db.createObjectStore(STORES.device);
  const products = db.createObjectStore(STORES.products, { keyPath: 'id' });
  products.createIndex(BARCODE_INDEX, 'barcodes', { multiEntry: true });
  products.createIndex(CATEGORY_INDEX, 'categoryId');
  products.createIndex(SKU_INDEX, 'sku');
  db.createObjectStore(STORES.categories, { keyPath: 'id' });
  db.createObjectStore(STORES.stock);
  db.createObjectStore(STORES.meta);
  db.createObjectStore(STORES.parked, { keyPath: 'id' });
}

export class TillDb {
  private constructor(
    readonly db: IDBDatabase,
    private readonly factory: IDBFactory,
  ) {}

  static open(factory: IDBFactory = indexedDB, name = TILL_DB_NAME): Promise<TillDb> {
    const request = factory.open(name, VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (event.oldVersion < 1) createSnapshotStores(db);
      installOutboxStore(db);
    };
    return promised(request).then((db) => new TillDb(db, factory));
  }

  get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
    return promised(this.db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
  }

  getAll<T>(store: StoreName): Promise<T[]> {
    return promised(this.db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
  }

  fromIndex<T>(store: StoreName, index: string, key: IDBValidKey, limit?: number): Promise<T[]> {
    return promised(this.db.transaction(store).objectStore(store).index(index).getAll(key, limit)) as Promise<T[]>;
  }

  firstFromIndex<T>(store: StoreName, index: string, key: IDBValidKey): Promise<T | undefined> {
    return promised(this.db.transaction(store).objectStore(store).index(index).get(key)) as Promise<T | undefined>;
  }

  /** Runs `work` in one read-write transaction over `stores` and resolves when it has committed. */
  async write(stores: StoreName[], work: (transaction: IDBTransaction) => void): Promise<void> {
    const transaction = this.db.transaction(stores, 'readwrite');
    const done = transactionDone(transaction);
    work(transaction);
    await done;
  }

  /** Walks `store` in key order until `visit` answers false. */
  scan<T>(store: StoreName, visit: (value: T) => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = this.db.transaction(store).objectStore(store).openCursor();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor || !visit(cursor.value as T)) return resolve();
        cursor.continue();
      };
    });
  }

  /** Forgets everything on this device (unpairing). */
  async destroy(): Promise<void> {
    this.db.close();
    await promised(this.factory.deleteDatabase(this.db.name) as IDBRequest<unknown>);
  }
}
