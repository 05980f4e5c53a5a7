'use client';
import { useEffect, useState } from 'react';
import type { OutboxEntry } from '@kassa/web/offline-queue';
import { Button, Dialog, useShopFormat } from '@kassa/web/ui';
import { useTill } from '../till-context';
import { queueExport } from './till-outbox';
import { useTillSync } from './till-sync';
import { waitedFor } from './waited-for';
import styles from './offline.module.css';

interface StorageState {
  persisted: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
}

const megabytes = (bytes: number | undefined) => (bytes === undefined ? '?' : `${(bytes / 1_000_000).toFixed(1)} MB`);

function stateOf(entry: OutboxEntry, sendingId: string | undefined): string {
  if (entry.state === 'refused') return `Refused: ${entry.refusal?.detail ?? 'no reason given'}`;
  if (entry.id === sendingId) return 'Sending';
  return entry.lastError ? `Waiting (last try: ${entry.lastError})` : 'Waiting';
}

const KIND_LABELS: Record<OutboxEntry['kind'], string> = { sale: 'Sale', refund: 'Refund', customer: 'New customer' };

/** This device: its storage, and every sale, refund and customer waiting for the API or refused by it. */
export function DevicePanel({ onClose, now }: { onClose(): void; now: number }) {
  const sync = useTillSync();
  const { device } = useTill();
  const format = useShopFormat();
  const [storage, setStorage] = useState<StorageState>();

  useEffect(() => {
    void (async () => {
      const [persisted, estimate] = await Promise.all([navigator.storage?.persisted?.(), navigator.storage?.estimate?.()]);
      setStorage({ persisted, usage: estimate?.usage, quota: estimate?.quota });
    })();
  }, []);

  const download = () => {
    const file = new Blob([JSON.stringify(queueExport(device.deviceId, device.registerId, sync.entries), null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = `kassa-queue-${device.registerName.replace(/\W+/g, '-')}-${new Date(now).toISOString().slice(0, 16).replace(/\D/g, '')}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <Dialog
      open
      onOpenChange={(next) => !next && onClose()}
      title="This device"
      className={styles.panel}
      footer={
        <>
          <Button onClick={download} disabled={sync.entries.length === 0}>
            Export queue
          </Button>
          <Button variant="primary" onClick={() => void sync.syncNow()} disabled={sync.waiting === 0}>
            Send now
          </Button>
        </>
      }
    >
      <dl className={styles.facts}>
        <div>
          <dt>Connection</dt>
          <dd>{sync.online ? 'Online' : 'Offline'}</dd>
        </div>
        <div>
          <dt>Waiting</dt>
          <dd data-testid="waiting-count">{sync.waiting}</dd>
        </div>
        <div>
          <dt>Oldest waiting</dt>
          <dd>{sync.oldestWaitingAt ? `${format.dateTime(sync.oldestWaitingAt)} (${waitedFor(sync.oldestWaitingAt, now)})` : '—'}</dd>
        </div>
        <div>
          <dt>Storage</dt>
          <dd>
            {storage === undefined
              ? '…'
              : `${storage.persisted ? 'Kept (persistent)' : 'Not persistent: the browser may clear it when space runs low'} · ${megabytes(storage.usage)} of ${megabytes(storage.quota)}`}
          </dd>
        </div>
        {sync.lastError && (
          <div>
            <dt>Last error</dt>
            <dd>{sync.lastError}</dd>
          </div>
        )}
      </dl>
      {sync.entries.length === 0 ? (
        <p>Nothing is waiting: every sale made here has reached Kassa.</p>
      ) : (
        <table className={styles.queue} aria-label="Queue">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Made</th>
              <th scope="col">Total</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {sync.entries.map((entry) => (
              <tr key={entry.seq} data-state={entry.state}>
                <td>
                  {KIND_LABELS[entry.kind]}
                  {entry.receiptNumber !== null && ` #${entry.receiptNumber}`}
                </td>
                <td>{format.dateTime(entry.occurredAt, { timeStyle: 'short' })}</td>
                <td>{entry.totalMinor === null ? '' : format.money(entry.totalMinor)}</td>
                <td>{stateOf(entry, sync.sendingId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
