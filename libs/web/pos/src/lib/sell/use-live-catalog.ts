'use client';
import { useEffect, useRef } from 'react';
import type { RealtimeReplay } from '@kassa/contracts';
import { callApi } from '@kassa/web/data-access';
import type { CatalogSnapshot } from '../store/catalog-snapshot';
import type { CashierSession } from '../till-api';
import { liveCatalogChange } from './live-catalog-change';

/**
 * Keeps the snapshot's prices and stock hints current while someone sells: product pushes start a delta refresh, stock
 * pushes for this store set the hint, and a reconnect past the retention refreshes. The socket code loads after the
 * till is on screen, so it adds nothing to /pos's first load.
 */
export function useLiveCatalog(session: CashierSession, snapshot: CatalogSnapshot, storeId: string, refresh: () => Promise<void>, onChanged: () => void): void {
  const latest = useRef({ refresh, onChanged });
  latest.current = { refresh, onChanged };

  useEffect(() => {
    let cancelled = false;
    let close: (() => void) | undefined;
    // Pushes may arrive out of order: a stock hint older than the one applied is dropped.
    const hintSequence = new Map<string, number>();
    void Promise.all([import('socket.io-client'), import('@kassa/web/realtime-client')]).then(([{ io }, { RealtimeClient, WEB_ORIGIN_SOCKET_OPTIONS }]) => {
      if (cancelled) return;
      const client = new RealtimeClient({
        url: window.location.origin,
        io: (url, options) => io(url, { ...options, ...WEB_ORIGIN_SOCKET_OPTIONS }),
        token: () => session.accessToken,
        refreshToken: async () => ((await session.access.renewSession()) ? session.accessToken : undefined),
        replay: (after, limit) =>
          callApi(session.access, (http, signal) =>
            http.GET('/api/v1/realtime/replay', { params: { query: { after, limit } }, signal }),
          ) as Promise<RealtimeReplay>,
        onEvent: (event) => {
          const change = liveCatalogChange(event, storeId);
          if (change?.kind === 'catalog') void latest.current.refresh();
          if (change?.kind !== 'stock' || (hintSequence.get(change.productId) ?? 0) > event.sequence) return;
          hintSequence.set(change.productId, event.sequence);
          void snapshot.setStock(change.productId, change.onHand).then(() => latest.current.onChanged());
        },
        onRefetch: () => void latest.current.refresh(),
      });
      client.start();
      close = () => client.close();
    });
    return () => {
      cancelled = true;
      close?.();
    };
  }, [session, snapshot, storeId]);
}
