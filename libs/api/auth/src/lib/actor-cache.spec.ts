import type { Actor } from '@kassa/api/http';
import { ActorCache } from './actor-cache';

const owner: Actor = { kind: 'user', userId: 'u1', role: 'owner', storeIds: [], permissions: [] };

describe('ActorCache', () => {
  it('loads a user once per bound, then again; a user who is gone is never kept', async () => {
    let now = 0;
    let stored: Actor | undefined = owner;
    let loads = 0;
    const cache = new ActorCache(5_000, () => now);
    const get = () =>
      cache.get('t1', 'u1', async () => {
        loads += 1;
        return stored;
      });
    expect(await get()).toBe(owner);
    now = 4_999;
    stored = undefined; // deactivated meanwhile: trusted until the bound
    expect(await get()).toBe(owner);
    expect(loads).toBe(1);
    now = 5_000;
    expect(await get()).toBeUndefined();
    expect(await get()).toBeUndefined();
    expect(loads).toBe(3);
  });

  it('forgets a user at once when told (a change made in this process)', async () => {
    let loads = 0;
    const cache = new ActorCache(5_000);
    const load = async () => {
      loads += 1;
      return owner;
    };
    await cache.get('t1', 'u1', load);
    cache.forget('t1', 'u1');
    await cache.get('t1', 'u1', load);
    expect(loads).toBe(2);
  });

  it('keeps tenants and users apart, and with a bound of 0 loads every time', async () => {
    const cache = new ActorCache(5_000);
    await cache.get('t1', 'u1', async () => owner);
    expect(await cache.get('t2', 'u1', async () => undefined)).toBeUndefined();
    let loads = 0;
    const uncached = new ActorCache(0);
    for (let index = 0; index < 3; index += 1) await uncached.get('t1', 'u1', async () => ((loads += 1), owner));
    expect(loads).toBe(3);
  });
});
