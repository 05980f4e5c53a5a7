'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EventEnvelope, NotificationPayload, RealtimeReplay } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess } from '@kassa/web/data-access';
import { RealtimeClient, WEB_ORIGIN_SOCKET_OPTIONS, type RealtimeState } from '@kassa/web/realtime-client';
import { useToasts } from '@kassa/web/ui';
import { staleQueryKeys } from './stale-queries';

export type EventListener = (event: EventEnvelope) => void;

export interface Realtime {
  /** The socket's state; `closed` while signed out or offline. */
  state: RealtimeState;
  /** Every event the socket delivers, each once and replayed after reconnects; answers the unsubscribe. */
  subscribe(listener: EventListener): () => void;
}

const RealtimeContext = createContext<Realtime>({ state: 'closed', subscribe: () => () => undefined });

export const NOTIFICATION_QUERY_KEY = ['notification'] as const;

/**
 * One realtime connection for the signed-in back office: refreshes the queries an event touches, keeps the
 * notification bell current, toasts low stock, and hands events to the screens that show them live. socket.io-client
 * is loaded only once signed in, so it weighs on no page's first load.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const access = useApiAccess();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const router = useRouter();
  const [state, setState] = useState<RealtimeState>('closed');
  const listeners = useRef(new Set<EventListener>());
  // The client lives as long as the signed-in user; these change more often and are read through refs.
  const latest = useRef({ session, access, toasts, router });
  latest.current = { session, access, toasts, router };
  const userId = session.status === 'signed-in' && !session.offline ? session.me?.user.id : undefined;

  useEffect(() => {
    if (!userId) return;
    let client: RealtimeClient | undefined;
    let cancelled = false;
    const notified = (notification: NotificationPayload) => {
      void queryClient.invalidateQueries({ queryKey: NOTIFICATION_QUERY_KEY });
      if (notification.kind !== 'stock.low') return;
      const { toasts: toaster, router: navigation } = latest.current;
      const link = notification.link;
      toaster.show({
        id: `notification-${notification.id}`,
        message: `${notification.title}: ${notification.body}`,
        action: link ? { label: 'Open', run: () => navigation.push(link) } : undefined,
      });
    };
    const replay = (after: number, limit?: number) =>
      callApi(latest.current.access, (http, signal) =>
        http.GET('/api/v1/realtime/replay', { params: { query: { after, limit } }, signal }),
      ) as Promise<RealtimeReplay>;
    // Where the shop's events stand now, as the screens load their figures: the socket connects later, once the browser
    // is idle (its script and handshake then do not compete with the screen's first requests), and replays from here
    // what happened meanwhile. A shop without events yet starts from the head when it connects, as before.
    const head = replay(0, 1).then(
      (page) => page.head || undefined,
      () => undefined,
    );
    const connect = () =>
      void Promise.all([import('socket.io-client'), head]).then(([{ io }, lastSequence]) => {
        if (cancelled) return;
        client = new RealtimeClient({
          lastSequence,
          url: window.location.origin,
          io: (url, options) => io(url, { ...options, ...WEB_ORIGIN_SOCKET_OPTIONS }),
          token: () => latest.current.session.accessToken(),
          refreshToken: () => latest.current.session.renewAccessToken(),
          replay,
          onEvent: (event) => {
            for (const queryKey of staleQueryKeys(event)) void queryClient.invalidateQueries({ queryKey });
            for (const listener of listeners.current) listener(event);
          },
          onNotification: notified,
          onState: setState,
          // Events were lost past the retention: every screen reloads what it shows.
          onRefetch: () => void queryClient.invalidateQueries(),
        });
        client.start();
      });
    const idle = whenIdle(connect);
    return () => {
      idle();
      cancelled = true;
      client?.close();
      setState('closed');
    };
  }, [userId, queryClient]);

  const subscribe = useCallback((listener: EventListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const value = useMemo(() => ({ state, subscribe }), [state, subscribe]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

/** Runs `task` when the browser is next idle (at most 3 s from now); answers the cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 3_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 1_000);
  return () => clearTimeout(handle);
}

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}
