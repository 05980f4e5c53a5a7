import type { CacheArea } from './cache-areas';

export type CacheOutcome = 'hit' | 'miss';

/** Told of every cached read: metrics count by area, the per-tenant rollups by tenant and route. */
export type CacheListener = (lookup: { tenantId: string; area: CacheArea; outcome: CacheOutcome; requestId?: string }) => void;

export interface CacheAreaStats {
  hits: number;
  misses: number;
}

/** Hits and misses per area since the process started. A miss is a read that ran the loader; everything else is a hit. */
export class CacheStats {
  private readonly areas = new Map<CacheArea, CacheAreaStats>();
  private readonly listeners: CacheListener[] = [];

  record(scope: { tenantId: string; requestId?: string }, area: CacheArea, outcome: CacheOutcome): void {
    const stats = this.areas.get(area) ?? { hits: 0, misses: 0 };
    if (outcome === 'hit') stats.hits += 1;
    else stats.misses += 1;
    this.areas.set(area, stats);
    for (const listener of this.listeners) listener({ tenantId: scope.tenantId, requestId: scope.requestId, area, outcome });
  }

  listen(listener: CacheListener): void {
    this.listeners.push(listener);
  }

  snapshot(): ReadonlyMap<CacheArea, CacheAreaStats> {
    return new Map([...this.areas].map(([area, stats]) => [area, { ...stats }]));
  }
}
