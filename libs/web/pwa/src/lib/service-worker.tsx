'use client';
import { SerwistProvider, useSerwist } from '@serwist/turbopack/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useToasts } from '@kassa/web/ui';

const SERVICE_WORKER_URL = '/serwist/sw.js';

/** A new version waiting to take over, and how to switch to it (the page reloads once it controls). */
export interface AppUpdate {
  ready: boolean;
  apply(): void;
}

interface UpdateState extends AppUpdate {
  /** A screen that decides itself when to update (the till) holds the claim; the toast then stays away. */
  claim(): () => void;
  claimed: boolean;
}

const UpdateContext = createContext<UpdateState>({ ready: false, apply: () => undefined, claim: () => () => undefined, claimed: false });

/** The waiting version, for a screen that applies it at a safe moment. */
export function useAppUpdate(): AppUpdate {
  const { ready, apply } = useContext(UpdateContext);
  return useMemo(() => ({ ready, apply }), [ready, apply]);
}

/** While mounted, the "new version" toast is not offered: the calling screen applies the update itself. */
export function useClaimAppUpdate(): void {
  const { claim } = useContext(UpdateContext);
  useEffect(() => claim(), [claim]);
}

/**
 * Knows when a new version waits. The new worker waits (no skipWaiting): the back office offers a reload
 * in a toast; the till claims the update and applies it only between sales with nothing in its queue.
 */
function UpdateProvider({ children }: { children: ReactNode }) {
  const { serwist } = useSerwist();
  const [ready, setReady] = useState(false);
  const [claims, setClaims] = useState(0);
  useEffect(() => {
    if (!serwist) return;
    const onWaiting = () => setReady(true);
    serwist.addEventListener('waiting', onWaiting);
    return () => serwist.removeEventListener('waiting', onWaiting);
  }, [serwist]);
  const apply = useCallback(() => {
    if (!serwist) return;
    serwist.addEventListener('controlling', () => window.location.reload());
    serwist.messageSkipWaiting();
  }, [serwist]);
  const claim = useCallback(() => {
    setClaims((count) => count + 1);
    return () => setClaims((count) => count - 1);
  }, []);
  const value = useMemo(() => ({ ready, apply, claim, claimed: claims > 0 }), [ready, apply, claim, claims]);
  return (
    <UpdateContext.Provider value={value}>
      <UpdateToast />
      {children}
    </UpdateContext.Provider>
  );
}

function UpdateToast() {
  const { ready, apply, claimed } = useContext(UpdateContext);
  const toasts = useToasts();
  const shown = useRef(false);
  useEffect(() => {
    if (!ready || claimed || shown.current) return;
    shown.current = true;
    toasts.show({ id: 'app-update', message: 'A new version of Kassa is ready.', sticky: true, action: { label: 'Reload', run: apply } });
  }, [ready, claimed, apply, toasts]);
  return null;
}

/** Registers the service worker (production builds only: a development worker would cache stale code). */
export function ServiceWorkerProvider({ children }: { children: ReactNode }) {
  return (
    <SerwistProvider swUrl={SERVICE_WORKER_URL} disable={process.env.NODE_ENV !== 'production'} cacheOnNavigation={false} reloadOnOnline={false}>
      <UpdateProvider>{children}</UpdateProvider>
    </SerwistProvider>
  );
}
