import { callApi } from '@kassa/web/data-access';
import { ClientErrorReporter, observeWebVitals, type ClientEventBatch } from '@kassa/web/monitoring';
import type { CashierSession } from './till-api';

/** Batches kept while the till is locked (no one's token to send them with); older ones go first. */
const MAX_HELD = 20;

export interface TillMonitoring {
  /** Sends what waited for a cashier's session. */
  deliver(): Promise<void>;
  stop(): void;
}

/**
 * The till's uncaught errors and Web Vitals (`source: pos`), sent with the signed-in cashier's token. Imported by
 * TillApp after its first paint, in a chunk of its own, so none of it weighs on /pos's first load. Locked, the till
 * holds the batches until the next cashier signs in.
 */
export function startTillMonitoring(session: () => CashierSession | undefined): TillMonitoring {
  const held: ClientEventBatch[] = [];
  let delivering: Promise<void> = Promise.resolve();
  const deliver = () => {
    delivering = delivering.then(async () => {
      for (let current = session(); current && held.length > 0; current = session()) {
        const batch = held.shift() as ClientEventBatch;
        const access = current.access;
        await callApi(access, (http) => http.POST('/api/v1/monitoring/client-events', { body: batch })).catch(() => undefined);
      }
    });
    return delivering;
  };
  const reporter = new ClientErrorReporter({
    source: 'pos',
    route: () => window.location.pathname,
    send: (batch) => {
      held.push(batch);
      held.splice(0, Math.max(0, held.length - MAX_HELD));
      return deliver();
    },
  });
  void observeWebVitals((metric, value) => reporter.captureVital(metric, value));
  const onError = (event: ErrorEvent) => reporter.capture(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => reporter.capture(event.reason);
  const onHide = () => {
    if (document.visibilityState === 'hidden') setTimeout(() => void reporter.flush(), 0);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('visibilitychange', onHide);
  return {
    deliver,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('visibilitychange', onHide);
      void reporter.flush();
    },
  };
}
