import type { OutboxEntry } from './outbox';
import type { Transport } from './outbox-sync';

/** The queue as a file a manager can carry to another device or the back office (JSON of what waits). */
export interface QueueExport {
  format: 'kassa-outbox';
  version: 1;
  deviceId: string;
  registerId: string;
  exportedAt: string;
  entries: OutboxEntry[];
}

export function queueExport(deviceId: string, registerId: string, entries: OutboxEntry[], now = new Date()): QueueExport {
  return { format: 'kassa-outbox', version: 1, deviceId, registerId, exportedAt: now.toISOString(), entries };
}

/** A queue file read back, or why it is not one. */
export function parseQueueFile(name: string, text: string): QueueExport | { error: string } {
  let parsed: Partial<QueueExport>;
  try {
    parsed = JSON.parse(text) as Partial<QueueExport>;
  } catch {
    return { error: `${name} is not a queue file (not JSON).` };
  }
  if (parsed?.format !== 'kassa-outbox' || typeof parsed.registerId !== 'string' || !Array.isArray(parsed.entries)) {
    return { error: `${name} is not a Kassa queue export.` };
  }
  return parsed as QueueExport;
}

/** What became of one entry of an imported file. */
export interface PostedEntry {
  entry: OutboxEntry;
  outcome: 'posted' | 'refused' | 'not sent';
  /** The API's reason for a refusal, or the failure that stopped the import before this entry. */
  reason: string | null;
}

interface Problem {
  detail?: string;
  title?: string;
  errors?: { field?: string; message?: string }[];
}

function reasonOf(status: number, body: unknown): string {
  const problem = (body && typeof body === 'object' ? body : {}) as Problem;
  const fields = (problem.errors ?? []).map((error) => `${error.field ?? ''}: ${error.message ?? ''}`);
  const reason = problem.detail ?? problem.title ?? `The API answered ${status}.`;
  return fields.length > 0 ? `${reason} (${fields.join('; ')})` : reason;
}

/**
 * Posts a queue file's entries from the back office, in the device's order, one at a time, each with its id
 * as `Idempotency-Key` and its frozen body: what the API already has is a replay, so importing a file twice
 * (or after the till sent part of it) posts each entry once. A 4xx refuses that entry and the rest go on; a
 * network failure or a 5xx stops, and the entries left are "not sent" (importing the file again is safe).
 * As on the till, a customer merged into one the shop had renames it in the sales after it.
 */
export async function postQueueFile(entries: OutboxEntry[], transport: Transport, onProgress: (done: PostedEntry[]) => void = () => undefined) {
  const results: PostedEntry[] = [];
  const merged = new Map<string, string>();
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  for (const [index, original] of ordered.entries()) {
    const entry = withMergedCustomer(original, merged);
    let answer;
    try {
      answer = await transport(entry);
    } catch (error) {
      answer = { status: 0, body: { detail: error instanceof Error ? error.message : 'The network failed.' } };
    }
    if (answer.status >= 200 && answer.status < 300) {
      const answeredId = (answer.body as { id?: unknown } | null)?.id;
      if (entry.kind === 'customer' && typeof answeredId === 'string' && answeredId !== entry.id) merged.set(entry.id, answeredId);
      results.push({ entry, outcome: 'posted', reason: null });
    } else if (answer.status === 0 || answer.status >= 500 || answer.status === 401 || answer.status === 429) {
      const reason = reasonOf(answer.status, answer.body);
      results.push(...ordered.slice(index).map((left) => ({ entry: left, outcome: 'not sent' as const, reason })));
      onProgress([...results]);
      return results;
    } else {
      results.push({ entry, outcome: 'refused', reason: reasonOf(answer.status, answer.body) });
    }
    onProgress([...results]);
  }
  return results;
}

function withMergedCustomer(entry: OutboxEntry, merged: Map<string, string>): OutboxEntry {
  if (entry.kind !== 'sale' || merged.size === 0) return entry;
  const body = JSON.parse(entry.body) as { customerId?: string };
  const renamed = body.customerId === undefined ? undefined : merged.get(body.customerId);
  return renamed ? { ...entry, body: JSON.stringify({ ...body, customerId: renamed }) } : entry;
}
