import { Inject, Injectable, Logger } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '@kassa/api/database';
import { CACHE_AREAS, CacheArea } from './cache-areas';
import { CacheCoordination } from './cache-coordination';
import { CacheKeyParts, entryKeyAround, generationKey } from './cache-key';
import { CacheStats } from './cache-stats';
import { HeldEntries } from './held-entries';

export const CACHE_COORDINATION = Symbol('CACHE_COORDINATION');
export const CACHE_ENABLED = Symbol('CACHE_ENABLED');

/** Whose cache: the tenant, and the transaction a loader reads in and a writer's invalidation waits for. */
export interface CacheScope {
  tenantId: string;
  manager: EntityManager;
  /** The request reading, so the per-tenant rollups can count its hits and misses under its route. */
  requestId?: string;
}

/** How long one replica may hold a cold key's lock; the others poll for its value meanwhile. */
const LOCK_MS = 3_000;
const POLL_MS = 10;
/** The text of recently read entries a process keeps (HeldEntries): about 64 MB of memory at most. */
const HELD_CHARS = 32 * 1024 * 1024;

/**
 * An entry holds its value as JSON text: a hit answered before the transaction is sent as it is stored (no parse and
 * re-serialisation of a page of products), and Keyv's own (de)serialiser, which walks every value, sees one string.
 */
interface Stored {
  json: string;
}

/** An entry as Keyv wrote it into Redis (`{ value, expires }` as JSON); expired, unreadable or of another shape counts as absent. */
function storedOf(raw: string | null): (Stored & { expires: number | null }) | undefined {
  if (raw === null) return undefined;
  const data = JSON.parse(raw) as { value?: Partial<Stored>; expires?: number | null };
  if (typeof data.expires === 'number' && data.expires <= Date.now()) return undefined;
  return typeof data.value?.json === 'string' ? { json: data.value.json, expires: typeof data.expires === 'number' ? data.expires : null } : undefined;
}

/** What Keyv answered for a key, if it is an entry of this shape (entries written before it are misses). */
const entryOf = (stored: Partial<Stored> | undefined): Stored | undefined => (typeof stored?.json === 'string' ? { json: stored.json } : undefined);

/** A cached answer: its JSON text, and the value it reads as. */
export interface CacheHit<T> {
  json: string;
  value(): T;
}

const hitOf = <T>({ json }: Stored): CacheHit<T> => ({ json, value: () => JSON.parse(json) as T });

interface Loaded<T> {
  value: T;
  /** False when the value came from another replica's load (or an entry stored while we waited). */
  loaded: boolean;
}

/**
 * The one way to cache a read (DESIGN.md §7). Entries live under the tenant's current generation for
 * the area, so `invalidate` drops the whole area for that tenant and no one else. A cold key is loaded
 * once: requests in this process share the load in flight, and across replicas a short Redis lock lets
 * one load while the others wait for its value. When Redis fails, reads fall through to the loader.
 */
@Injectable()
export class TenantCache {
  private readonly logger = new Logger(TenantCache.name);
  private readonly inFlight = new Map<string, Promise<Loaded<unknown>>>();
  private readonly held = new HeldEntries(HELD_CHARS);

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Inject(CACHE_COORDINATION) private readonly coordination: CacheCoordination,
    readonly stats: CacheStats,
    @Inject(CACHE_ENABLED) private readonly enabled: boolean,
  ) {}

  /**
   * The cached answer for `parts` in this tenant's `area`, or `load()`'s, stored for the area's TTL.
   * `parts` must hold everything the answer depends on: parameters, and the caller's store scope
   * where the answer is limited to it.
   */
  async read<T>(scope: CacheScope, area: CacheArea, parts: CacheKeyParts, load: () => Promise<T>): Promise<T> {
    if (!this.enabled) return load();
    let key: string;
    try {
      const found = await this.find(scope.tenantId, area, parts);
      key = found.key;
      if (found.stored) {
        this.stats.record(scope, area, 'hit');
        return JSON.parse(found.stored.json) as T;
      }
    } catch (error) {
      this.warn('read', error);
      this.stats.record(scope, area, 'miss');
      return load();
    }
    const running = this.inFlight.get(key) as Promise<Loaded<T>> | undefined;
    if (running) {
      const { value } = await running;
      this.stats.record(scope, area, 'hit');
      return value;
    }
    const loading = this.loadAcrossReplicas(key, CACHE_AREAS[area].ttlMs, load).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    const { value, loaded } = await loading;
    this.stats.record(scope, area, loaded ? 'miss' : 'hit');
    return value;
  }

  /**
   * The entry `read` would answer for `parts`, if there is one, without a transaction and without loading: for
   * answering a request before its tenant transaction opens. One Redis round trip (generation and entry together, or
   * only a check of both when this process holds the entry);
   * in embedded mode two in-memory lookups. Undefined on a miss or when Redis fails (the request goes the usual way).
   */
  async peek<T>(scope: Pick<CacheScope, 'tenantId' | 'requestId'>, area: CacheArea, parts: CacheKeyParts): Promise<CacheHit<T> | undefined> {
    if (!this.enabled) return undefined;
    try {
      const { stored } = await this.find(scope.tenantId, area, parts);
      if (!stored) return undefined;
      this.stats.record(scope, area, 'hit');
      return hitOf<T>(stored);
    } catch (error) {
      this.warn('peek', error);
      return undefined;
    }
  }

  /**
   * The entry for `parts` under the area's current generation, and its key. An entry this process holds under the
   * generation it knows (kept current by pushed bumps) costs no round trip; otherwise, where the coordination can, one
   * round trip reads both, and an entry held under that generation is only checked, not sent again.
   */
  private async find(tenantId: string, area: CacheArea, parts: CacheKeyParts): Promise<{ key: string; stored?: Stored }> {
    const { before, after } = entryKeyAround(tenantId, area, parts);
    const held = this.held.get(before + after);
    const generation = generationKey(tenantId, area);
    if (held && held.generation === this.coordination.known(generation)) return { key: `${before}${held.generation}${after}`, stored: held };
    const found = await this.coordination.lookup(generation, before, after, held?.generation);
    if (!found) {
      const key = `${before}${await this.coordination.generation(generation)}${after}`;
      return { key, stored: entryOf(await this.cache.get<Stored>(key)) };
    }
    const key = `${before}${found.generation}${after}`;
    if (found.stillHeld && held) return { key, stored: held };
    const stored = found.stillHeld ? undefined : storedOf(found.entry);
    if (stored) this.held.set(before + after, { generation: found.generation, ...stored });
    else this.held.delete(before + after);
    return { key, stored };
  }

  /**
   * Drops the tenant's `area` once the writer's transaction commits (the bump is awaited before the
   * response goes out, so the writer's next read is fresh); outside a tracked transaction, at once.
   */
  async invalidate(scope: CacheScope, area: CacheArea): Promise<void> {
    const bump = () => this.coordination.bump(generationKey(scope.tenantId, area)).catch((error: unknown) => this.warn('invalidate', error));
    if (!afterCommit(scope.manager, bump)) await bump();
  }

  private async loadAcrossReplicas<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<Loaded<T>> {
    const lock = `${key}:lock`;
    const token = randomUUID();
    const giveUpAt = Date.now() + LOCK_MS;
    for (;;) {
      if (await this.coordination.acquire(lock, token, LOCK_MS).catch(() => true)) {
        try {
          // Another replica may have stored it between our miss and our lock.
          const stored = entryOf(await this.cache.get<Stored>(key));
          if (stored) return { value: JSON.parse(stored.json) as T, loaded: false };
          const value = await load();
          await this.cache.set<Stored>(key, { json: JSON.stringify(value) }, ttlMs).catch((error: unknown) => this.warn('write', error));
          return { value, loaded: true };
        } finally {
          await this.coordination.release(lock, token).catch(() => undefined);
        }
      }
      // The holder is slow or gone: load ourselves rather than wait past its lock.
      if (Date.now() >= giveUpAt) return { value: await load(), loaded: true };
      await sleep(POLL_MS);
      const stored = entryOf(await this.cache.get<Stored>(key));
      if (stored) return { value: JSON.parse(stored.json) as T, loaded: false };
    }
  }

  private warn(step: string, error: unknown): void {
    this.logger.warn(`cache ${step} failed, answering from the database: ${error instanceof Error ? error.message : String(error)}`);
  }
}
