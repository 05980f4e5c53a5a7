import { ACCESS_RULE, type AccessRule, type Authentication } from '@kassa/api/http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CacheArea } from './cache-areas';
import type { CacheKeyParts } from './cache-key';
import { EARLY_CACHE_HIT, type EarlyCacheRoute } from './early-cache-hit';
import type { TenantCache } from './tenant-cache.service';

export interface EarlyCacheHitCallers {
  /** The caller, if the route's access rule lets them in; undefined or a throw otherwise (the route then refuses them itself). */
  authorize(rule: Exclude<AccessRule, { public: true }>, request: FastifyRequest): Promise<Authentication | undefined>;
  /** The caller's stores when limited to some, else null. */
  storeIdsOf(authentication: Authentication): readonly string[] | null;
}

/** The route's access rule as the auth guard reads it: the handler's own, else its controller's. */
function accessRuleOf(route: EarlyCacheRoute): AccessRule | undefined {
  return (Reflect.getMetadata(ACCESS_RULE, route.handler) ?? Reflect.getMetadata(ACCESS_RULE, route.controller)) as AccessRule | undefined;
}

/**
 * Answers a GET marked @EarlyCacheHit from the tenant cache in Fastify's preHandler, before Nest's pipeline (guards,
 * interceptors, pipes, the tenant transaction): after the request id, security headers, CORS and the input guard, and
 * with the metrics and rollups counting it as any other answer. The caller is checked against the route's access rule
 * as the auth guard checks it; the key holds what the service's own read keys on, store scope included. A hit is sent
 * as the JSON text it is stored as. Anything else (no entry, a refusal, a query the rule cannot vouch for) goes on to
 * the route, which answers it the usual way.
 */
export function installEarlyCacheHits(fastify: FastifyInstance, cache: TenantCache, callers: EarlyCacheHitCallers): void {
  fastify.addHook('preHandler', async (request, reply) => {
    const route = (request.routeOptions.config as { [EARLY_CACHE_HIT]?: EarlyCacheRoute } | undefined)?.[EARLY_CACHE_HIT];
    if (!route || request.method !== 'GET') return;
    const rule = accessRuleOf(route);
    if (!rule || rule.public) return;
    const authentication = await callers.authorize(rule, request).catch(() => undefined);
    if (!authentication) return;
    const scope = { tenantId: authentication.tenantId, requestId: request.id };
    const parts = await route.keyOf({
      query: (request.query ?? {}) as Record<string, unknown>,
      params: (request.params ?? {}) as Record<string, string>,
      tenantId: authentication.tenantId,
      storeIds: callers.storeIdsOf(authentication),
      peek: async <T>(area: CacheArea, keyParts: CacheKeyParts) => (await cache.peek<T>(scope, area, keyParts))?.value(),
    });
    if (!parts) return;
    const hit = await cache.peek(scope, route.area, parts);
    if (!hit) return;
    // The rollups count the answer under the caller's tenant, as the route would have.
    request.authentication = authentication;
    return reply.type('application/json; charset=utf-8').send(hit.json);
  });
}
