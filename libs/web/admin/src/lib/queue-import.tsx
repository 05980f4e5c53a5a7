'use client';
import { useState, type ChangeEvent } from 'react';
import type { KassaHttp } from '@kassa/api-client';
import { useApiAccess } from '@kassa/web/data-access';
import { parseQueueFile, postQueueFile, type OutboxEntry, type PostedEntry, type QueueExport, type Transport } from '@kassa/web/offline-queue';
import { Button, Dialog, useShopFormat } from '@kassa/web/ui';
import styles from './admin.module.css';
import { countOf } from '@kassa/contracts';

type RawPost = (
  path: string,
  init: { body: string; bodySerializer: (body: string) => string; params: { header: Record<string, string> } },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Each entry posted with the back-office session, its frozen body as it is and its id as `Idempotency-Key`. */
function backOfficeTransport(http: KassaHttp, renewSession: () => Promise<boolean>): Transport {
  const post = http.POST as unknown as RawPost;
  const send = (entry: OutboxEntry) =>
    post(entry.path, {
      body: entry.body,
      bodySerializer: (body) => body,
      params: { header: { 'Idempotency-Key': entry.id, 'content-type': 'application/json' } },
    });
  return async (entry) => {
    let result = await send(entry);
    if (result.response.status === 401 && (await renewSession())) result = await send(entry);
    return { status: result.response.status, body: result.data ?? result.error ?? null };
  };
}

const KIND_LABELS: Record<OutboxEntry['kind'], string> = { sale: 'Sale', refund: 'Refund', customer: 'New customer' };
const OUTCOME_LABELS: Record<PostedEntry['outcome'], string> = { posted: 'In Kassa', refused: 'Refused', 'not sent': 'Not sent' };

/**
 * "Import a queue file": the JSON a till exported (its unsent sales and customers), posted from the back office on
 * behalf of its register with each sale's recorded cashier (decision 0032). Posting a file twice posts nothing twice.
 */
export function QueueImport() {
  const access = useApiAccess();
  const format = useShopFormat();
  const [file, setFile] = useState<{ name: string; queue: QueueExport }>();
  const [error, setError] = useState<string>();
  const [results, setResults] = useState<PostedEntry[]>();
  const [posting, setPosting] = useState(false);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    event.target.value = '';
    if (!picked) return;
    const parsed = parseQueueFile(picked.name, await picked.text());
    setResults(undefined);
    if ('error' in parsed) {
      setFile(undefined);
      return setError(parsed.error);
    }
    setError(undefined);
    setFile({ name: picked.name, queue: parsed });
  };

  const post = async (queue: QueueExport) => {
    setPosting(true);
    try {
      await postQueueFile(queue.entries, backOfficeTransport(access.http, access.renewSession), setResults);
    } finally {
      setPosting(false);
    }
  };

  const close = () => {
    setFile(undefined);
    setError(undefined);
    setResults(undefined);
  };
  const posted = results?.filter((result) => result.outcome === 'posted').length ?? 0;
  const rows: PostedEntry[] = results ?? file?.queue.entries.map((entry) => ({ entry, outcome: 'not sent', reason: null })) ?? [];

  return (
    <>
      <label className={styles.fileButton}>
        Import a queue file
        <input type="file" accept="application/json,.json" onChange={(event) => void pick(event)} />
      </label>
      <Dialog
        open={file !== undefined || error !== undefined}
        onOpenChange={(open) => !open && !posting && close()}
        dismissible={!posting}
        title="Import a queue file"
        description={
          file &&
          `${file.name}: ${countOf(file.queue.entries.length, 'entry', 'entries')} exported ${format.dateTime(file.queue.exportedAt)}. Sales are posted for their register and cashier; what Kassa already has is not posted again.`
        }
        footer={
          <>
            <Button onClick={close} disabled={posting}>
              {results ? 'Close' : 'Cancel'}
            </Button>
            {file && (
              <Button variant="primary" onClick={() => void post(file.queue)} disabled={posting || file.queue.entries.length === 0}>
                {results ? 'Post again' : 'Post to Kassa'}
              </Button>
            )}
          </>
        }
      >
        {error && (
          <p className={styles.error} role="alert">
            {error}
          </p>
        )}
        {results && !posting && (
          <p role="status">
            {posted} of {results.length} in Kassa.
          </p>
        )}
        {rows.length > 0 && (
          <table className={styles.diff} aria-label="Queue file">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Made</th>
                <th scope="col">Total</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ entry, outcome, reason }) => (
                <tr key={entry.id} data-outcome={results ? outcome : undefined}>
                  <td>
                    {KIND_LABELS[entry.kind]}
                    {entry.receiptNumber !== null && ` #${entry.receiptNumber}`}
                  </td>
                  <td>{format.dateTime(entry.occurredAt)}</td>
                  <td>{entry.totalMinor === null ? '' : format.money(entry.totalMinor)}</td>
                  <td>{results ? `${OUTCOME_LABELS[outcome]}${reason ? `: ${reason}` : ''}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Dialog>
    </>
  );
}
