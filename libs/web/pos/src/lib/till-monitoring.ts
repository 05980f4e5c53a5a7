import { callApi } from '@kassa/web/data-access';
import { ClientErrorReporter, observeWebVitals, type ClientEventBatch } from '@kassa/web/monitoring';
import type { CashierSession } from './till-api';

/** Batches kept while the till is locked (no one's token to send them with); the oldest go first. */
const MAX_HELD = 20;

interface TillMonitoring {
  session?: CashierSession;
  held: ClientEventBatch[];
  delivering: Promise<void>;
  reporter: ClientErrorReporter;
}

let monitoring: TillMonitoring | undefined;

/**
 * The till's uncaught errors and Web Vitals (`source: pos`), sent with the signed-in cashier's token. It comes with
 * the selling screen, which loads after /pos's first paint, so none of it weighs on the till's first load; it starts
 * once per page load (web-vitals reports the load's vitals to late observers too) and keeps listening while the till
 * is locked, holding what it gathers until the next cashier signs in. Returns the detach for when the session ends.
 */
export function monitorTill(session: CashierSession): () => void {
  const current = (monitoring ??= start());
  current.session = session;
  void deliver(current);
  return () => {
    if (current.session === session) current.session = undefined;
    void current.reporter.flush();
  };
}

function start(): TillMonitoring {
  const state: TillMonitoring = {
    held: [],
    delivering: Promise.resolve(),
    reporter: new ClientErrorReporter({
      source: 'pos',
      route: () => window.location.pathname,
      appVersion: process.env['NEXT_PUBLIC_KASSA_VERSION'],
      send: (batch) => {
        state.held.push(batch);
        state.held.splice(0, Math.max(0, state.held.length - MAX_HELD));
        return deliver(state);
      },
    }),
  };
  void observeWebVitals((metric, value) => state.reporter.captureVital(metric, value));
  window.addEventListener('error', (event) => state.reporter.capture(event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => state.reporter.capture(event.reason));
  // web-vitals reports LCP, INP and CLS on the same event: flush after its listeners have run.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') setTimeout(() => void state.reporter.flush(), 0);
  });
  return state;
}

function deliver(state: TillMonitoring): Promise<void> {
  state.delivering = state.delivering.then(async () => {
    while (state.session && state.held.length > 0) {
      const batch = state.held.shift() as ClientEventBatch;
      await callApi(state.session.access, (http) => http.POST('/api/v1/monitoring/client-events', { body: batch })).catch(() => undefined);
    }
  });
  return state.delivering;
}
