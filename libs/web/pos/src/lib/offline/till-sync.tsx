'use client';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { backoffDelay, OutboxSync, type Outbox, type OutboxEntry, type SyncRound } from '@kassa/web/offline-queue';
import { useOnline } from '@kassa/web/pwa';
import { STORES, type TillDb } from '../store/till-db';
import { sendHeartbeat, type CashierSession } from '../till-api';
import { useTill } from '../till-context';
import { OUTBOX_SYNC_MESSAGE, requestBackgroundSync, sessionTransport, tillOutbox } from './till-outbox';

/** How often the till tries the queue when nothing else wakes it. */
const PERIODIC_SYNC_MS = 30_000;
/** In the till's `meta` store: when a heartbeat was last answered; the offline-hours limit counts from it. */
export const REACHED_KASSA_AT = 'reachedKassaAt';

const APP_VERSION = process.env['NEXT_PUBLIC_KASSA_VERSION'] ?? 'dev';

export interface TillSync {
  outbox: Outbox;
  online: boolean;
  /** Everything on the device, in sync order (waiting and refused). */
  entries: OutboxEntry[];
  waiting: number;
  oldestWaitingAt: string | null;
  /** The entry on its way to the API now. */
  sendingId: string | undefined;
  lastError: string | null;
  /** One round now (a cashier must be signed in); resolves with what it did. */
  syncNow(): Promise<SyncRound | undefined>;
  /** The shop's id for a customer created here: another when the API merged it into an existing one. */
  customerId(clientId: string): string;
}

const TillSyncContext = createContext<TillSync | undefined>(undefined);

export function useTillSync(): TillSync {
  const sync = useContext(TillSyncContext);
  if (!sync) throw new Error('the till screens need a <TillSyncProvider> above them');
  return sync;
}

/** One tab syncs at a time (two tills open in one browser would otherwise send the same entry together). */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  return 'locks' in navigator ? await navigator.locks.request('kassa-outbox', work) : work();
}

/**
 * Keeps the queue moving: at start and whenever a cashier signs in, on `online`, every 30 s, when the
 * service worker's Background Sync fires, and after each failure with back-off and jitter.
 */
export function TillSyncProvider({ db, session, children }: { db: TillDb; session: CashierSession | undefined; children: ReactNode }) {
  const outbox = useMemo(() => tillOutbox(db), [db]);
  const { device } = useTill();
  const online = useOnline();
  const current = useRef(session);
  current.current = session;
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [sendingId, setSendingId] = useState<string>();
  const [lastError, setLastError] = useState<string | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Customers the API merged into existing ones, for carts still open (queued sales are renamed by the outbox).
  const merged = useRef(new Map<string, string>());

  const sync = useMemo(() => {
    const created: OutboxSync = new OutboxSync(
      outbox,
      sessionTransport(() => current.current),
      () => {
        setSendingId(created.sendingId);
        void outbox.entries().then(setEntries);
      },
    );
    return created;
  }, [outbox]);

  /** Every attempt ends with a report to the back office (it fails quietly while offline; the next one carries the news). */
  const report = useCallback(
    async (lastError: string | null) => {
      const [summary, persisted] = await Promise.all([outbox.summary(), navigator.storage?.persisted?.().catch(() => false)]);
      await sendHeartbeat(device.deviceToken, {
        pending: summary.waiting,
        refused: summary.refused,
        oldestPendingAt: summary.oldestWaitingAt,
        lastError: lastError?.slice(0, 500) ?? null,
        appVersion: APP_VERSION,
        storagePersisted: persisted ?? false,
      }).then(
        // The offline-hours limit counts from the last time Kassa answered.
        () => db.write([STORES.meta], (transaction) => transaction.objectStore(STORES.meta).put(Date.now(), REACHED_KASSA_AT)),
        () => undefined,
      );
    },
    [outbox, db, device.deviceToken],
  );

  const syncNow = useCallback(async (): Promise<SyncRound | undefined> => {
    clearTimeout(retry.current);
    if (!current.current) {
      setEntries(await outbox.entries());
      void report(null);
      return undefined;
    }
    const round = await exclusively(() => sync.run());
    for (const [id, answer] of round.answers) {
      const answered = (answer as { id?: unknown } | null)?.id;
      if (typeof answered === 'string' && answered !== id) merged.current.set(id, answered);
    }
    setLastError(round.lastError);
    if (round.stoppedBy === 'network' || round.stoppedBy === 'server') {
      retry.current = setTimeout(() => void syncNow(), backoffDelay(sync.consecutiveFailures));
      void requestBackgroundSync();
    }
    setEntries(await outbox.entries());
    void report(round.lastError);
    return round;
  }, [outbox, sync, report]);

  // App start, and each cashier who signs in sends what waits.
  useEffect(() => {
    void syncNow();
  }, [session, syncNow]);

  useEffect(() => {
    const wake = () => void syncNow();
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === OUTBOX_SYNC_MESSAGE) wake();
    };
    const timer = setInterval(wake, PERIODIC_SYNC_MS);
    window.addEventListener('online', wake);
    navigator.serviceWorker?.addEventListener('message', onMessage);
    return () => {
      clearInterval(timer);
      clearTimeout(retry.current);
      window.removeEventListener('online', wake);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
  }, [syncNow]);

  const value = useMemo<TillSync>(() => {
    const waiting = entries.filter((entry) => entry.state === 'waiting');
    return {
      outbox,
      online,
      entries,
      waiting: waiting.length,
      oldestWaitingAt: waiting.reduce<string | null>((oldest, entry) => (oldest === null || entry.occurredAt < oldest ? entry.occurredAt : oldest), null),
      sendingId,
      lastError,
      syncNow,
      customerId: (clientId) => merged.current.get(clientId) ?? clientId,
    };
  }, [outbox, online, entries, sendingId, lastError, syncNow]);

  return <TillSyncContext.Provider value={value}>{children}</TillSyncContext.Provider>;
}
