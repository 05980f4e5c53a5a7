'use client';
import { useEffect, useState, type ChangeEvent } from 'react';
import { parseQueueFile, queueExport, type OutboxEntry } from '@kassa/web/offline-queue';
import { Button, ConfirmDialog, Dialog, useShopFormat } from '@kassa/web/ui';
import { raiseReceiptFloor } from '../store/paired-device';
import { useTill } from '../till-context';
import { useTillSync } from './till-sync';
import { waitedFor } from './waited-for';
import styles from './offline.module.css';
import { countOf } from '@kassa/contracts';

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
  const { db, device, unpair } = useTill();
  const format = useShopFormat();
  const [storage, setStorage] = useState<StorageState>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [confirmUnpair, setConfirmUnpair] = useState(false);

  /** Unpairing deletes the device's database: never while anything in it has not reached Kassa. */
  const askUnpair = () => {
    if (sync.entries.length === 0) return setConfirmUnpair(true);
    setMessage({
      error: true,
      text: `${countOf(sync.entries.length, 'entry has', 'entries have')} not reached Kassa: unpairing would delete ${sync.entries.length === 1 ? 'it' : 'them'}. Wait until the queue is sent, or export it and import it on the tablet that takes over this register.`,
    });
  };

  /** A queue exported from this register's earlier tablet: added with its ids and frozen bodies, then sent. */
  const importQueue = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const parsed = parseQueueFile(file.name, await file.text());
    if ('error' in parsed) return setMessage({ error: true, text: parsed.error });
    if (parsed.registerId !== device.registerId)
      return setMessage({ error: true, text: "This queue is another register's: import it on the tablet paired with that register." });
    const added = await sync.outbox.importEntries(parsed.entries);
    // The receipt numbers in the file are taken: this tablet numbers on after them.
    await raiseReceiptFloor(db, Math.max(0, ...parsed.entries.map((entry) => entry.receiptNumber ?? 0)));
    setMessage({ error: false, text: `${added} of ${parsed.entries.length} added to the queue (the rest were already here).` });
    void sync.syncNow();
  };

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
          <Button variant="danger" onClick={askUnpair}>
            Unpair this tablet
          </Button>
          <label className={styles.fileButton}>
            Import a queue
            <input type="file" accept="application/json,.json" onChange={(event) => void importQueue(event)} />
          </label>
          <Button onClick={download} disabled={sync.entries.length === 0}>
            Export queue
          </Button>
          <Button variant="primary" onClick={() => void sync.syncNow()} disabled={sync.waiting === 0}>
            Send now
          </Button>
        </>
      }
    >
      {message && (
        <p className={message.error ? styles.refused : undefined} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <ConfirmDialog
        open={confirmUnpair}
        onOpenChange={setConfirmUnpair}
        title="Unpair this tablet?"
        description="Its catalog copy and settings are deleted; a manager pairs it again to sell."
        confirmLabel="Unpair"
        tone="danger"
        onConfirm={() => unpair()}
      />
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
