import { Client } from 'pg';

export interface RecordedStatement {
  text: string;
  values: unknown[];
  /** What it answered (empty until it has). */
  rows: Record<string, unknown>[];
}

export interface StatementWatch {
  /** Statements sent through `pg` in this process since the watch began. */
  readonly count: number;
  /** The statements sent while `work` runs, in the order sent, with their values and rows. */
  record(work: () => Promise<unknown>): Promise<RecordedStatement[]>;
  stop(): void;
}

/**
 * Watches every statement this process sends through `pg`, TypeORM's pool included (it uses the same
 * `Client` class): the API's own queries, counted, and recorded on request, without touching its code.
 */
export function watchStatements(): StatementWatch {
  const original = Client.prototype.query;
  let count = 0;
  let recording: RecordedStatement[] | undefined;

  const send = original as (this: Client, ...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    count++;
    const result = send.apply(this, args);
    if (recording && typeof args[0] === 'string' && result instanceof Promise) {
      const entry: RecordedStatement = { text: args[0], values: Array.isArray(args[1]) ? args[1] : [], rows: [] };
      recording.push(entry);
      result.then(
        (answer: { rows?: Record<string, unknown>[] }) => (entry.rows = answer.rows ?? []),
        () => undefined,
      );
    }
    return result;
  } as typeof original;

  return {
    get count() {
      return count;
    },
    async record(work) {
      const statements: RecordedStatement[] = [];
      recording = statements;
      try {
        await work();
      } finally {
        recording = undefined;
      }
      return statements;
    },
    stop() {
      Client.prototype.query = original;
    },
  };
}
