import { SetMetadata } from '@nestjs/common';
import type { CacheArea } from './cache-areas';
import type { CacheKeyParts } from './cache-key';

export const EARLY_CACHE_HIT = 'kassa:early-cache-hit';

/** What a GET's key may depend on before validation: its raw query and path, and who asks. */
export interface EarlyCacheRequest {
  query: Readonly<Record<string, unknown>>;
  params: Readonly<Record<string, string>>;
  tenantId: string;
  /** The caller's stores when limited to some, else null. */
  storeIds: readonly string[] | null;
  /** Another entry of the caller's tenant from the cache (such as its settings), without loading: undefined on a miss. */
  peek<T>(area: CacheArea, parts: CacheKeyParts): Promise<T | undefined>;
}

export interface EarlyCacheHitRule {
  area: CacheArea;
  /**
   * The very parts the service's `TenantCache.read` uses for this request, or undefined when the raw request is not
   * in a form this can vouch for or needs what the cache does not hold (then the request goes the usual way:
   * validation, transaction, service).
   */
  keyOf(request: EarlyCacheRequest): CacheKeyParts | undefined | Promise<CacheKeyParts | undefined>;
}

/**
 * Marks a GET whose cached answer may be served before the tenant transaction opens (the tenancy interceptor ahead of
 * TenantRequestInterceptor reads it), after the auth guard has checked the caller and its permissions.
 */
export const EarlyCacheHit = (area: CacheArea, keyOf: EarlyCacheHitRule['keyOf']) => SetMetadata(EARLY_CACHE_HIT, { area, keyOf } satisfies EarlyCacheHitRule);
