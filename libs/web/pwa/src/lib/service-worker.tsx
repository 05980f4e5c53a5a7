'use client';
import { SerwistProvider, useSerwist } from '@serwist/turbopack/react';
import { useEffect, type ReactNode } from 'react';
import { useToasts } from '@kassa/web/ui';

const SERVICE_WORKER_URL = '/serwist/sw.js';

/**
 * Offers a reload when a new version waits. The new worker waits (no skipWaiting) so a cashier is
 * never switched to new code in the middle of a sale.
 */
function UpdateToast() {
  const { serwist } = useSerwist();
  const toasts = useToasts();
  useEffect(() => {
    if (!serwist) return;
    const onWaiting = () =>
      toasts.show({
        id: 'app-update',
        message: 'A new version of Kassa is ready.',
        sticky: true,
        action: {
          label: 'Reload',
          run: () => {
            serwist.addEventListener('controlling', () => window.location.reload());
            serwist.messageSkipWaiting();
          },
        },
      });
    serwist.addEventListener('waiting', onWaiting);
    return () => serwist.removeEventListener('waiting', onWaiting);
  }, [serwist, toasts]);
  return null;
}

/** Registers the service worker (production builds only: a development worker would cache stale code). */
export function ServiceWorkerProvider({ children }: { children: ReactNode }) {
  return (
    <SerwistProvider swUrl={SERVICE_WORKER_URL} disable={process.env.NODE_ENV !== 'production'} cacheOnNavigation={false} reloadOnOnline={false}>
      <UpdateToast />
      {children}
    </SerwistProvider>
  );
}
