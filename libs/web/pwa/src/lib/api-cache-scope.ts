/**
 * Offline copies of API responses live in one Cache Storage cache per tenant and user
 * (DESIGN.md §12), so a shared tablet never shows the previous shop's or cashier's data.
 * The page names the scope on each API request in this header; the service worker files the
 * response under it, and sign-out deletes every such cache.
 */
export const SCOPE_HEADER = 'x-kassa-scope';
export const API_CACHE_PREFIX = 'kassa-api:';

const SCOPE_PATTERN = /^[0-9a-f-]{36}\.[0-9a-f-]{36}$/i;

export function cacheScope(tenantId: string, userId: string): string {
  return `${tenantId}.${userId}`;
}

/** The cache for a scope header, or undefined when the header is missing or malformed (then nothing is cached). */
export function apiCacheName(scope: string | null): string | undefined {
  return scope && SCOPE_PATTERN.test(scope) ? `${API_CACHE_PREFIX}${scope}` : undefined;
}

/** Deletes every API cache, whoever it belonged to. */
export async function purgeApiCaches(storage: CacheStorage | undefined = globalThis.caches): Promise<number> {
  if (!storage) return 0;
  const names = (await storage.keys()).filter((name) => name.startsWith(API_CACHE_PREFIX));
  await Promise.all(names.map((name) => storage.delete(name)));
  return names.length;
}
