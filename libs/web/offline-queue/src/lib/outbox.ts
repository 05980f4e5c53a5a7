/**
 * The device's outbox: every sale, refund and customer made at the till is written here first, and the
 * queue is the truth on the device until the API has answered. The body is frozen (a JSON string) when
 * the entry is written, so every resend is byte-identical and the API recognises it as a replay.
 */

export const OUTBOX_STORE = 'outbox';
const ID_INDEX = 'id';

export type OutboxKind = 'sale' | 'refund' | 'customer';

/** Why the API refused an entry: kept with it, shown to the cashier, never dropped. */
export interface OutboxRefusal {
  status: number;
  code: string | null;
  detail: string;
  at: string;
}

export interface OutboxEntry {
  /** Queue order: sync goes strictly by it (receipt order for sales, and a customer before the sale naming it). */
  seq: number;
  /** The client id of what it creates; also its `Idempotency-Key`. */
  id: string;
  kind: OutboxKind;
  path: string;
  /** The request body exactly as it is sent, every time. */
  body: string;
  registerId: string;
  receiptNumber: number | null;
  occurredAt: string;
  /** Whether the till was offline when the entry was made (as sent in the body). */
  offline: boolean;
  cashierId: string;
  /** For the device panel: what it is worth, when it is money. */
  totalMinor: number | null;
  state: 'waiting' | 'refused';
  attempts: number;
  lastError: string | null;
  refusal: OutboxRefusal | null;
  queuedAt: string;
}

/** What the till hands over; the queue adds its order, state and the frozen body. */
export interface OutboxDraft {
  id: string;
  kind: OutboxKind;
  path: string;
  body: object;
  registerId: string;
  occurredAt: string;
  offline: boolean;
  cashierId: string;
  totalMinor?: number;
}

/** Where the register's receipt counter lives: the same database, moved in the same transaction as the entry. */
export interface ReceiptCounter {
  store: string;
  key: IDBValidKey;
}

export interface OutboxSummary {
  waiting: number;
  refused: number;
  /** When the oldest waiting entry was made (its `occurredAt`). */
  oldestWaitingAt: string | null;
}

/** Creates the outbox's object store; call it from the database's `upgradeneeded`. */
export function installOutboxStore(db: IDBDatabase): void {
  if (db.objectStoreNames.contains(OUTBOX_STORE)) return;
  const store = db.createObjectStore(OUTBOX_STORE, { keyPath: 'seq', autoIncrement: true });
  store.createIndex(ID_INDEX, 'id', { unique: true });
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

const newEntry = (draft: OutboxDraft, receiptNumber: number | null, now: string): Omit<OutboxEntry, 'seq'> => ({
  id: draft.id,
  kind: draft.kind,
  path: draft.path,
  body: JSON.stringify(draft.body),
  registerId: draft.registerId,
  receiptNumber,
  occurredAt: draft.occurredAt,
  offline: draft.offline,
  cashierId: draft.cashierId,
  totalMinor: draft.totalMinor ?? null,
  state: 'waiting',
  attempts: 0,
  lastError: null,
  refusal: null,
  queuedAt: now,
});

export class Outbox {
  constructor(
    private readonly db: IDBDatabase,
    private readonly counter: ReceiptCounter,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Takes the register's next receipt number and queues the sale made with it, in one transaction: either
   * both are on the device or neither is, so a number is never lost nor given twice, whatever happens next.
   */
  async enqueueNumbered(make: (receiptNumber: number) => OutboxDraft): Promise<OutboxEntry> {
    const transaction = this.db.transaction([this.counter.store, OUTBOX_STORE], 'readwrite');
    const done = committed(transaction);
    const counter = transaction.objectStore(this.counter.store);
    const outbox = transaction.objectStore(OUTBOX_STORE);
    let entry: OutboxEntry | undefined;
    const read = counter.get(this.counter.key);
    read.onsuccess = () => {
      const receiptNumber = ((read.result as number | undefined) ?? 0) + 1;
      counter.put(receiptNumber, this.counter.key);
      const row = newEntry(make(receiptNumber), receiptNumber, this.clock().toISOString());
      outbox.add(row).onsuccess = (event) => {
        entry = { ...row, seq: (event.target as IDBRequest<number>).result };
      };
    };
    await done;
    if (!entry) throw new Error('the sale was not queued');
    return entry;
  }

  /** Queues a refund or a customer (no receipt number of its own). */
  async enqueue(draft: OutboxDraft): Promise<OutboxEntry> {
    const row = newEntry(draft, null, this.clock().toISOString());
    const transaction = this.db.transaction(OUTBOX_STORE, 'readwrite');
    const done = committed(transaction);
    const seq = promised(transaction.objectStore(OUTBOX_STORE).add(row));
    await done;
    return { ...row, seq: (await seq) as number };
  }

  /** Everything on the device, in sync order. */
  async entries(): Promise<OutboxEntry[]> {
    return (await promised(this.db.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).getAll())) as OutboxEntry[];
  }

  /** The first entry still to send: refused entries stay, but never hold up the rest. */
  nextWaiting(): Promise<OutboxEntry | undefined> {
    return new Promise((resolve, reject) => {
      const request = this.db.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).openCursor();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(undefined);
        const entry = cursor.value as OutboxEntry;
        if (entry.state === 'waiting') return resolve(entry);
        cursor.continue();
      };
    });
  }

  async byId(id: string): Promise<OutboxEntry | undefined> {
    return (await promised(this.db.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).index(ID_INDEX).get(id))) as OutboxEntry | undefined;
  }

  async summary(): Promise<OutboxSummary> {
    const all = await this.entries();
    const waiting = all.filter((entry) => entry.state === 'waiting');
    const oldest = waiting.reduce<string | null>((first, entry) => (first === null || entry.occurredAt < first ? entry.occurredAt : first), null);
    return { waiting: waiting.length, refused: all.length - waiting.length, oldestWaitingAt: oldest };
  }

  /** The API has it (created or replayed): only now does the entry leave the device. */
  remove(seq: number): Promise<void> {
    return this.update(seq, () => null);
  }

  /** A failed attempt that will be retried (network, 5xx): the entry stays as it is, with the reason. */
  noteFailure(seq: number, error: string): Promise<void> {
    return this.update(seq, (entry) => ({ ...entry, attempts: entry.attempts + 1, lastError: error }));
  }

  /** The API refused it for good: parked with the reason, kept until a manager deals with it. */
  refuse(seq: number, refusal: Omit<OutboxRefusal, 'at'>): Promise<void> {
    const at = this.clock().toISOString();
    return this.update(seq, (entry) => ({ ...entry, attempts: entry.attempts + 1, state: 'refused', refusal: { ...refusal, at }, lastError: refusal.detail }));
  }

  /**
   * A customer made offline was merged into one the shop already had: the sales not yet sent that name
   * it now name the shop's customer. They have never reached the API (they come after the customer), so
   * their bodies are frozen anew before their first send.
   */
  async renameCustomer(fromId: string, toId: string): Promise<number> {
    let renamed = 0;
    const transaction = this.db.transaction(OUTBOX_STORE, 'readwrite');
    const done = committed(transaction);
    const request = transaction.objectStore(OUTBOX_STORE).openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      const entry = cursor.value as OutboxEntry;
      if (entry.state === 'waiting' && entry.kind === 'sale') {
        const body = JSON.parse(entry.body) as { customerId?: string };
        if (body.customerId === fromId) {
          cursor.update({ ...entry, body: JSON.stringify({ ...body, customerId: toId }) });
          renamed += 1;
        }
      }
      cursor.continue();
    };
    await done;
    return renamed;
  }

  /**
   * Adds entries exported from another device (or an earlier export of this one), keeping their ids and
   * frozen bodies; an id already queued here is skipped, and the API answers any it already has as a replay.
   */
  async importEntries(entries: OutboxEntry[]): Promise<number> {
    let added = 0;
    const transaction = this.db.transaction(OUTBOX_STORE, 'readwrite');
    const done = committed(transaction);
    const store = transaction.objectStore(OUTBOX_STORE);
    const sorted = [...entries].sort((a, b) => a.seq - b.seq);
    const next = (index: number) => {
      const entry = sorted[index];
      if (!entry) return;
      const existing = store.index(ID_INDEX).getKey(entry.id);
      existing.onsuccess = () => {
        if (existing.result === undefined) {
          const row: Partial<OutboxEntry> = { ...entry, state: 'waiting', refusal: null, attempts: 0, lastError: null };
          delete row.seq;
          store.add(row);
          added += 1;
        }
        next(index + 1);
      };
    };
    next(0);
    await done;
    return added;
  }

  private async update(seq: number, change: (entry: OutboxEntry) => OutboxEntry | null): Promise<void> {
    const transaction = this.db.transaction(OUTBOX_STORE, 'readwrite');
    const done = committed(transaction);
    const store = transaction.objectStore(OUTBOX_STORE);
    const read = store.get(seq);
    read.onsuccess = () => {
      const entry = read.result as OutboxEntry | undefined;
      if (!entry) return;
      const next = change(entry);
      if (next) store.put(next);
      else store.delete(seq);
    };
    await done;
  }
}
