/**
 * What is cached and for how long. The generation bump on every write makes an entry stale at once;
 * the TTL only bounds how long an unread entry takes up memory (and, for the daily summary, how long
 * a figure may lag a change that no writer announces). docs/operations.md lists the same table.
 */
export const CACHE_AREAS = {
  product: { ttlMs: 5 * 60_000 },
  'product-list': { ttlMs: 60_000 },
  'category-tree': { ttlMs: 10 * 60_000 },
  'tenant-settings': { ttlMs: 10 * 60_000 },
  'sales-summary': { ttlMs: 30_000 },
  analytics: { ttlMs: 5 * 60_000 },
} as const satisfies Record<string, { ttlMs: number }>;

export type CacheArea = keyof typeof CACHE_AREAS;

export const CACHE_AREA_NAMES = Object.keys(CACHE_AREAS) as CacheArea[];
