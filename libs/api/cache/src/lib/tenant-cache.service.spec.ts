import type { Cache } from 'cache-manager';
import type { EntityManager } from 'typeorm';
import type { CacheCoordination } from './cache-coordination';
import { entryKey } from './cache-key';
import { CacheStats } from './cache-stats';
import { TenantCache } from './tenant-cache.service';

const scope = { tenantId: 't1', manager: {} as EntityManager };
const parts = { id: 'p1' };

/** Redis as the coordination and Keyv see it: counters and Keyv's stored entries (`{ value, expires }` as JSON). */
function fakeRedis() {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  const generations = new Map<string, number>([['t:{t1}:product:gen', 4]]);
  const coordination: CacheCoordination = {
    async generation(key) {
      calls.push('generation');
      return generations.get(key) ?? 0;
    },
    async bump(key) {
      generations.set(key, (generations.get(key) ?? 0) + 1);
    },
    async acquire() {
      calls.push('acquire');
      return true;
    },
    async release() {
      calls.push('release');
    },
    known() {
      return undefined;
    },
    async close() {
      return undefined;
    },
    async lookup(key, before, after, held) {
      const generation = generations.get(key) ?? 0;
      const entry = entries.get(`${before}${generation}${after}`) ?? null;
      if (held === generation && entry !== null) {
        calls.push('lookup (held)');
        return { generation, stillHeld: true };
      }
      calls.push('lookup');
      return { generation, stillHeld: false, entry };
    },
  };
  const cache = {
    async get(key: string) {
      calls.push('get');
      const raw = entries.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as { value: unknown }).value;
    },
    async set(key: string, value: unknown, ttl: number) {
      calls.push('set');
      entries.set(key, JSON.stringify({ value, expires: Date.now() + ttl }));
    },
  } as unknown as Cache;
  return { sut: new TenantCache(cache, coordination, new CacheStats(), true), entries, generations, calls };
}

describe('TenantCache.read', () => {
  it('finds an entry and its generation in one lookup', async () => {
    const { sut, entries, calls } = fakeRedis();
    entries.set(entryKey('t1', 'product', 4, parts), JSON.stringify({ value: { json: '{"name":"Tea"}' }, expires: Date.now() + 60_000 }));
    expect(await sut.read(scope, 'product', parts, async () => ({ name: 'loaded' }))).toEqual({ name: 'Tea' });
    expect(calls).toEqual(['lookup']);
  });

  it('loads a missing entry once and stores it under the generation the lookup saw', async () => {
    const { sut, entries, calls } = fakeRedis();
    expect(await sut.read(scope, 'product', parts, async () => ({ name: 'loaded' }))).toEqual({ name: 'loaded' });
    expect(calls).toEqual(['lookup', 'acquire', 'get', 'set', 'release']);
    expect(JSON.parse(entries.get(entryKey('t1', 'product', 4, parts)) ?? '{}').value).toEqual({ json: '{"name":"loaded"}' });
    calls.length = 0;
    expect(await sut.read(scope, 'product', parts, async () => ({ name: 'again' }))).toEqual({ name: 'loaded' });
    expect(calls).toEqual(['lookup']);
  });

  it('asks Redis only to confirm an entry this process read under the same generation, and reads it anew after a bump or once gone', async () => {
    const { sut, entries, generations, calls } = fakeRedis();
    const stored = (name: string) => JSON.stringify({ value: { json: JSON.stringify({ name }) }, expires: Date.now() + 60_000 });
    entries.set(entryKey('t1', 'product', 4, parts), stored('Tea'));
    const load = async () => ({ name: 'loaded' });
    expect(await sut.read(scope, 'product', parts, load)).toEqual({ name: 'Tea' });
    expect((await sut.peek(scope, 'product', parts))?.json).toBe('{"name":"Tea"}');
    expect(await sut.read(scope, 'product', parts, load)).toEqual({ name: 'Tea' });
    expect(calls).toEqual(['lookup', 'lookup (held)', 'lookup (held)']);

    calls.length = 0;
    generations.set('t:{t1}:product:gen', 5);
    entries.set(entryKey('t1', 'product', 5, parts), stored('Green Tea'));
    expect(await sut.read(scope, 'product', parts, load)).toEqual({ name: 'Green Tea' });
    // Redis lost the entry (eviction, restart): the held copy is not answered.
    entries.delete(entryKey('t1', 'product', 5, parts));
    expect(await sut.peek(scope, 'product', parts)).toBeUndefined();
    expect(calls).toEqual(['lookup', 'lookup']);
  });
});
