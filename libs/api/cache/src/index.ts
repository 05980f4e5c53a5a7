export { TenantCacheModule } from './lib/cache.module';
export type { TenantCacheOptions } from './lib/cache.module';
export { TenantCache } from './lib/tenant-cache.service';
export type { CacheScope } from './lib/tenant-cache.service';
export { CACHE_AREAS, CACHE_AREA_NAMES } from './lib/cache-areas';
export type { CacheArea } from './lib/cache-areas';
export type { CacheKeyParts } from './lib/cache-key';
export { CacheStats } from './lib/cache-stats';
export type { CacheAreaStats, CacheListener, CacheOutcome } from './lib/cache-stats';
