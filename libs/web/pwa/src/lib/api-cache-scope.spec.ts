import { apiCacheName, cacheScope, purgeApiCaches } from './api-cache-scope';

const TENANT = '0190f0f0-0000-7000-8000-000000000001';
const USER = '0190f0f0-0000-7000-8000-000000000002';

function fakeCacheStorage(names: string[]): CacheStorage & { names: string[] } {
  const storage = {
    names: [...names],
    keys: async () => storage.names,
    delete: async (name: string) => {
      storage.names = storage.names.filter((existing) => existing !== name);
      return true;
    },
  };
  return storage as unknown as CacheStorage & { names: string[] };
}

describe('apiCacheName', () => {
  it('gives each tenant and user a cache of their own', () => {
    expect(apiCacheName(cacheScope(TENANT, USER))).toBe(`kassa-api:${TENANT}.${USER}`);
    expect(apiCacheName(cacheScope(USER, TENANT))).not.toBe(apiCacheName(cacheScope(TENANT, USER)));
  });

  it('caches nothing for a missing or malformed scope', () => {
    expect(apiCacheName(null)).toBeUndefined();
    expect(apiCacheName('../pages')).toBeUndefined();
    expect(apiCacheName(`${TENANT}.${USER}/x`)).toBeUndefined();
  });
});

describe('purgeApiCaches', () => {
  it('deletes every API cache and keeps the app shell and static caches', async () => {
    const storage = fakeCacheStorage([`kassa-api:${TENANT}.${USER}`, `kassa-api:${USER}.${TENANT}`, 'pages', 'serwist-precache-v2']);
    expect(await purgeApiCaches(storage)).toBe(2);
    expect(storage.names).toEqual(['pages', 'serwist-precache-v2']);
  });
});
