import { AddRouteConfig } from '@kassa/api/http';
import type { CacheArea } from './cache-areas';
import type { CacheKeyParts } from './cache-key';

/** Where a route's early-hit rule sits in its Fastify `config`. */
export const EARLY_CACHE_HIT = 'earlyCacheHit';

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

/** A marked route as the early-hit hook finds it: the rule, and where its access rule is declared. */
export interface EarlyCacheRoute extends EarlyCacheHitRule {
  handler: object;
  controller: object;
}

/**
 * Marks a GET whose cached answer may be sent before Nest's pipeline runs (installEarlyCacheHits): the caller is
 * checked against the route's own access rule first, as the auth guard would.
 */
export const EarlyCacheHit =
  (area: CacheArea, keyOf: EarlyCacheHitRule['keyOf']): MethodDecorator =>
  (target, key, descriptor) => {
    const route: EarlyCacheRoute = { area, keyOf, handler: descriptor.value as object, controller: target.constructor };
    AddRouteConfig({ [EARLY_CACHE_HIT]: route })(target, key, descriptor);
  };
