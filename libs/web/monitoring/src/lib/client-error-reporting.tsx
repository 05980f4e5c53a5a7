'use client';
import { useEffect, useRef } from 'react';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess } from '@kassa/web/data-access';
import { ClientErrorReporter, type ClientSource } from './client-error-reporter';

/**
 * Reports the page's uncaught errors and unhandled rejections to the API while someone is signed in (the batch needs
 * their token), where they join the error groups with `source`. Renders nothing.
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
      send: (errors) => callApi(latest.current, (http) => http.POST('/api/v1/monitoring/client-events', { body: { errors } })),
    });
    const onError = (event: ErrorEvent) => reporter.capture(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => reporter.capture(event.reason);
    const onHide = () => {
      if (document.visibilityState === 'hidden') void reporter.flush();
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
