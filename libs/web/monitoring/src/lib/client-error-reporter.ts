export type ClientSource = 'web' | 'pos';

export interface ClientError {
  source: ClientSource;
  type: string;
  message: string;
  stack?: string;
  route: string;
  appVersion?: string;
}

export type WebVitalName = 'LCP' | 'INP' | 'CLS' | 'TTFB';

export interface ClientVital {
  source: ClientSource;
  metric: WebVitalName;
  value: number;
  route: string;
}

/** One POST to /api/v1/monitoring/client-events: errors, vitals or both. */
export interface ClientEventBatch {
  errors?: ClientError[];
  vitals?: ClientVital[];
}

export interface ClientErrorReporterOptions {
  source: ClientSource;
  /** The page now, as a path. */
  route(): string;
  appVersion?: string;
  /** Sends one batch (POST /api/v1/monitoring/client-events); a failure drops it, reporting must never loop. */
  send(batch: ClientEventBatch): Promise<unknown>;
  /** How long errors and vitals gather before a batch leaves. */
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

/**
 * Gathers the page's uncaught errors and its Web Vitals and sends them in batches of at most 50 of each, at most
 * 200 errors and 200 vitals per page load.
 */
export class ClientErrorReporter {
  private errors: ClientError[] = [];
  private vitals: ClientVital[] = [];
  private scheduled = false;
  private sentErrors = 0;
  private sentVitals = 0;

  constructor(private readonly options: ClientErrorReporterOptions) {}

  capture(reason: unknown): void {
    if (this.sentErrors + this.errors.length >= PAGE_LIMIT) return;
    const { source, appVersion } = this.options;
    this.errors.push({ source, route: routeTemplate(this.options.route()), ...describeError(reason), ...(appVersion ? { appVersion } : {}) });
    this.gathered(this.errors.length);
  }

  captureVital(metric: WebVitalName, value: number): void {
    if (this.sentVitals + this.vitals.length >= PAGE_LIMIT || !Number.isFinite(value) || value < 0) return;
    this.vitals.push({ source: this.options.source, metric, value, route: routeTemplate(this.options.route()) });
    this.gathered(this.vitals.length);
  }

  async flush(): Promise<void> {
    this.scheduled = false;
    while (this.errors.length > 0 || this.vitals.length > 0) {
      const errors = this.errors.splice(0, MAX_BATCH);
      const vitals = this.vitals.splice(0, MAX_BATCH);
      this.sentErrors += errors.length;
      this.sentVitals += vitals.length;
      await this.options.send({ ...(errors.length > 0 ? { errors } : {}), ...(vitals.length > 0 ? { vitals } : {}) }).catch(() => undefined);
    }
  }

  private gathered(queued: number): void {
    if (queued >= MAX_BATCH) return void this.flush();
    if (this.scheduled) return;
    this.scheduled = true;
    (this.options.schedule ?? setTimeout)(() => void this.flush(), this.options.delayMs ?? 2_000);
  }
}
