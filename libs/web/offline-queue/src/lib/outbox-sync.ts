import type { Outbox, OutboxEntry } from './outbox';

/** The API's answer to one entry. A network failure (no answer at all) is thrown instead. */
export interface TransportAnswer {
  status: number;
  /** The parsed JSON body: the created resource, or a problem+json document. */
  body: unknown;
}

/** Sends one entry: `POST entry.path` with `entry.body` as it is and `Idempotency-Key: entry.id`. */
export type Transport = (entry: OutboxEntry) => Promise<TransportAnswer>;

/** Why a round stopped before the queue was empty. */
export type SyncStop = 'network' | 'server' | 'unauthorized';

export interface SyncRound {
  sent: number;
  refused: number;
  /** Unset when every waiting entry was dealt with. */
  stoppedBy?: SyncStop;
  lastError: string | null;
  /** The API's answers to the entries it took this round, by entry id. */
  answers: Map<string, unknown>;
}

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
  errors?: { field?: string; message?: string }[];
}

// The API asks for a retry: a duplicate still being processed, or throttling.
const RETRY_CODES = new Set(['idempotency_key_in_flight']);
const RETRY_STATUSES = new Set([408, 425, 429]);

/**
 * Exponential back-off with equal jitter: half of the capped delay is fixed, the other half random, so
 * tills that lost the network together do not all come back in the same second.
 */
export function backoffDelay(failures: number, random: () => number = Math.random, baseMs = 2_000, capMs = 5 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const problemOf = (body: unknown): Problem => (body && typeof body === 'object' ? (body as Problem) : {});
/** The API's reason in one line: its detail and the fields it names. */
function describe(status: number, problem: Problem): string {
  const reason = problem.detail ?? problem.title ?? `The API answered ${status}.`;
  const fields = (problem.errors ?? []).map((error) => `${error.field ?? ''}: ${error.message ?? ''}`);
  return fields.length > 0 ? `${reason} (${fields.join('; ')})` : reason;
}

/**
 * Sends the outbox in order, one entry at a time: a 2xx (created or replayed) removes the entry; a 4xx
 * other than a retry request parks only that entry, refused with the API's reason, and the round goes
 * on; a network failure, a 5xx or a 401 ends the round (the caller retries after `backoffDelay`).
 * `sale_exists` means the API holds a different sale under that id: refused, never dropped.
 */
export class OutboxSync {
  private running: Promise<SyncRound> | undefined;
  private failures = 0;
  /** The entry being sent now (for the device panel). */
  sendingId: string | undefined;

  constructor(
    private readonly outbox: Outbox,
    private readonly transport: Transport,
    private readonly onChange: () => void = () => undefined,
  ) {}

  /** Consecutive rounds that stopped on the network or the server: the caller's back-off exponent. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** One round; a call while a round runs joins it. */
  run(): Promise<SyncRound> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
      this.sendingId = undefined;
      this.onChange();
    });
    return this.running;
  }

  private async round(): Promise<SyncRound> {
    const result: SyncRound = { sent: 0, refused: 0, lastError: null, answers: new Map() };
    for (let entry = await this.outbox.nextWaiting(); entry; entry = await this.outbox.nextWaiting()) {
      this.sendingId = entry.id;
      this.onChange();
      let answer: TransportAnswer;
      try {
        answer = await this.transport(entry);
      } catch (error) {
        return this.stop(result, entry, 'network', error instanceof Error ? error.message : 'The network failed.');
      }
      const problem = problemOf(answer.body);
      if (answer.status >= 200 && answer.status < 300) {
        await this.taken(entry, answer.body);
        result.sent += 1;
        result.answers.set(entry.id, answer.body);
      } else if (answer.status === 401) {
        return this.stop(result, entry, 'unauthorized', describe(answer.status, problem));
      } else if (answer.status >= 500 || RETRY_STATUSES.has(answer.status) || (problem.code !== undefined && RETRY_CODES.has(problem.code))) {
        return this.stop(result, entry, 'server', describe(answer.status, problem));
      } else {
        await this.outbox.refuse(entry.seq, { status: answer.status, code: problem.code ?? null, detail: describe(answer.status, problem) });
        result.refused += 1;
        result.lastError = describe(answer.status, problem);
      }
      this.onChange();
    }
    this.failures = 0;
    return result;
  }

  private async taken(entry: OutboxEntry, body: unknown): Promise<void> {
    // A customer merged into an existing one: the sales that follow name the shop's customer.
    const answeredId = (body as { id?: unknown } | null)?.id;
    if (entry.kind === 'customer' && typeof answeredId === 'string' && answeredId !== entry.id) {
      await this.outbox.renameCustomer(entry.id, answeredId);
    }
    await this.outbox.remove(entry.seq);
  }

  private async stop(result: SyncRound, entry: OutboxEntry, stoppedBy: SyncStop, error: string): Promise<SyncRound> {
    await this.outbox.noteFailure(entry.seq, error);
    if (stoppedBy !== 'unauthorized') this.failures += 1;
    return { ...result, stoppedBy, lastError: error };
  }
}
