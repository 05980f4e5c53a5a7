'use client';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAppUpdate } from '@kassa/web/pwa';
import { useTillSync } from './till-sync';
import { waitedFor } from './waited-for';
import styles from './offline.module.css';

// The panel is opened rarely: it loads on demand, off the till's first load.
const DevicePanel = lazy(() => import('./device-panel').then((module) => ({ default: module.DevicePanel })));

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Always in the till's bar: online or not, how many sales wait and for how long; opens the device panel. */
export function SyncStatus({ className }: { className?: string }) {
  const sync = useTillSync();
  const now = useNow(30_000);
  const [open, setOpen] = useState(false);
  const update = useAppUpdate();
  const refused = sync.entries.length - sync.waiting;
  const summary = [
    sync.online ? 'Online' : 'Offline',
    `${sync.waiting} waiting`,
    ...(sync.oldestWaitingAt ? [`oldest ${waitedFor(sync.oldestWaitingAt, now)}`] : []),
    ...(refused > 0 ? [`${refused} refused`] : []),
    // It installs itself once the cart and the queue are empty.
    ...(update.ready ? ['update ready'] : []),
  ].join(' · ');
  return (
    <>
      <button
        type="button"
        className={`${className ?? ''} ${styles.status}`}
        data-state={sync.online ? 'online' : 'offline'}
        data-attention={refused > 0 || undefined}
        onClick={() => setOpen(true)}
        aria-label={`${summary} — device panel`}
      >
        <span className={styles.dot} aria-hidden="true" />
        <span role="status">{summary}</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <DevicePanel onClose={() => setOpen(false)} now={now} />
        </Suspense>
      )}
    </>
  );
}
