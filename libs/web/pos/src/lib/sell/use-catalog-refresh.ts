'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiAccess } from '@kassa/web/data-access';
import { fetchCatalogChanges, fetchFullCatalog, type TillPlace } from '../store/catalog-source';
import type { CatalogSnapshot } from '../store/catalog-snapshot';

export interface CatalogRefresh {
  syncedAt: string | undefined;
  refreshing: boolean;
  failed: boolean;
  /** Brings the snapshot up to date now; sales never wait for it. */
  refresh(): Promise<void>;
}

const EVERY_MS = 60_000;

/** Keeps the till's snapshot fresh with the delta API in the background while someone is signed in. */
export function useCatalogRefresh(snapshot: CatalogSnapshot, access: ApiAccess, place: TillPlace, onRefreshed: () => void): CatalogRefresh {
  const { storeId, registerId } = place;
  const [syncedAt, setSyncedAt] = useState<string>();
  const [refreshing, setRefreshing] = useState(false);
  const [failed, setFailed] = useState(false);
  const running = useRef<Promise<void>>(undefined);
  const refreshed = useRef(onRefreshed);
  refreshed.current = onRefreshed;

  const refresh = useCallback(() => {
    running.current ??= (async () => {
      setRefreshing(true);
      try {
        const mark = await snapshot.syncMark();
        if (mark) await snapshot.apply(await fetchCatalogChanges(access, { storeId, registerId }, mark));
        else await snapshot.replace(await fetchFullCatalog(access, { storeId, registerId }));
        setFailed(false);
        refreshed.current();
      } catch {
        setFailed(true);
      } finally {
        setSyncedAt(await snapshot.syncedAt());
        setRefreshing(false);
        running.current = undefined;
      }
    })();
    return running.current;
  }, [snapshot, access, storeId, registerId]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), EVERY_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return { syncedAt, refreshing, failed, refresh };
}
