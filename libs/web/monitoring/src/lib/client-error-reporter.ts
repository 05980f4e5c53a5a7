export type ClientSource = 'web' | 'pos';

export interface ClientError {
  source: ClientSource;
  type: string;
  message: string;
  stack?: string;
  route: string;
  appVersion?: string;
}

export interface ClientErrorReporterOptions {
  source: ClientSource;
  /** The page now, as a path. */
  route(): string;
  appVersion?: string;
  /** Sends one batch (POST /api/v1/monitoring/client-events); a failure drops it, reporting must never loop. */
  send(errors: ClientError[]): Promise<unknown>;
  /** How long errors gather before a batch leaves. */
  delayMs?: number;
  schedule?: (run: () => void, delayMs: number) => unknown;
}

export const MAX_BATCH = 50;
// The API takes 2,000 characters of a message and 8,000 of a stack.
const MESSAGE_LIMIT = 2_000;
const STACK_LIMIT = 8_000;
/** One page in an error loop sends no more than this before it is reloaded. */
const PAGE_LIMIT = 200;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A path without ids, so `/products/0192…` and `/products/0193…` group together as `/products/[id]`. */
export function routeTemplate(pathname: string): string {
  return pathname.replace(UUID, '[id]');
}

/** What an `error` or `unhandledrejection` carried, as the API takes it. */
export function describeError(reason: unknown): Pick<ClientError, 'type' | 'message' | 'stack'> {
  if (reason instanceof Error) {
    return { type: reason.name || 'Error', message: reason.message.slice(0, MESSAGE_LIMIT) || '(no message)', stack: reason.stack?.slice(0, STACK_LIMIT) };
  }
  return { type: 'UnhandledRejection', message: (typeof reason === 'string' ? reason : (JSON.stringify(reason) ?? String(reason))).slice(0, MESSAGE_LIMIT) };
}

/** Gathers the page's uncaught errors and sends them in batches of at most 50, at most 200 per page load. */
export class ClientErrorReporter {
  private queue: ClientError[] = [];
  private scheduled = false;
  private sent = 0;

  constructor(private readonly options: ClientErrorReporterOptions) {}

  capture(reason: unknown): void {
    if (this.sent + this.queue.length >= PAGE_LIMIT) return;
    const { source, appVersion } = this.options;
    this.queue.push({ source, route: routeTemplate(this.options.route()), ...describeError(reason), ...(appVersion ? { appVersion } : {}) });
    if (this.queue.length >= MAX_BATCH) return void this.flush();
    if (this.scheduled) return;
    this.scheduled = true;
    (this.options.schedule ?? setTimeout)(() => void this.flush(), this.options.delayMs ?? 2_000);
  }

  async flush(): Promise<void> {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.sent += batch.length;
      await this.options.send(batch).catch(() => undefined);
    }
  }
}
