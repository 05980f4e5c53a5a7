import { Outbox, type OutboxEntry, type Transport } from '@kassa/web/offline-queue';
import { RECEIPT_COUNTER } from '../store/paired-device';
import { STORES, type TillDb } from '../store/till-db';
import type { CashierSession } from '../till-api';

/** The till's outbox: in the till's own database, moving the register's receipt counter with each sale. */
export const tillOutbox = (db: TillDb) => new Outbox(db.db, { store: STORES.meta, key: RECEIPT_COUNTER });

/** The tag of the service worker's Background Sync registration; the worker asks open tills to sync. */
export const OUTBOX_SYNC_TAG = 'kassa-outbox';
export const OUTBOX_SYNC_MESSAGE = 'kassa-outbox-sync';

/** Sends each entry as the cashier signed in now; without one, nothing can be sent (the round stops). */
export function sessionTransport(session: () => CashierSession | undefined): Transport {
  return async (entry: OutboxEntry) => {
    const current = session();
    if (!current) return { status: 401, body: { detail: 'No one is signed in at the till: the queue is sent once a cashier signs in.' } };
    const response = await current.send(entry.path, entry.body, { 'idempotency-key': entry.id });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
}

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Asks the browser for a Background Sync when it has one (Chromium): the worker wakes an open till when the network is back. */
export async function requestBackgroundSync(): Promise<void> {
  const registration = (await navigator.serviceWorker?.getRegistration().catch(() => undefined)) as SyncRegistration | undefined;
  await registration?.sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}
