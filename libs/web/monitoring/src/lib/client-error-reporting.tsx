'use client';
import { useEffect, useRef } from 'react';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess } from '@kassa/web/data-access';
import { ClientErrorReporter, type ClientSource } from './client-error-reporter';
import { observeWebVitals } from './web-vitals';

/**
 * Reports the page's uncaught errors, unhandled rejections and Web Vitals to the API while someone is signed in (the
 * batch needs their token), where they join the error groups and the vitals rollup with `source`. Renders nothing.
 */
export function ClientErrorReporting({ source }: { source: ClientSource }) {
  const session = useSession();
  const access = useApiAccess();
  const latest = useRef(access);
  latest.current = access;
  const signedIn = session.status === 'signed-in' && !session.offline;

  useEffect(() => {
    if (!signedIn) return;
    const reporter = new ClientErrorReporter({
      source,
      route: () => window.location.pathname,
      appVersion: process.env['NEXT_PUBLIC_KASSA_VERSION'],
      send: (batch) => callApi(latest.current, (http) => http.POST('/api/v1/monitoring/client-events', { body: batch })),
    });
    void observeWebVitals((metric, value) => reporter.captureVital(metric, value));
    const onError = (event: ErrorEvent) => reporter.capture(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => reporter.capture(event.reason);
    // web-vitals reports LCP, INP and CLS on the same event: flush after its listeners have run.
    const onHide = () => {
      if (document.visibilityState === 'hidden') setTimeout(() => void reporter.flush(), 0);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('visibilitychange', onHide);
      void reporter.flush();
    };
  }, [signedIn, source]);
  return null;
}
