import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type CacheArea, type CacheKeyParts, EARLY_CACHE_HIT, EarlyCacheHitRule, TenantCache } from '@kassa/api/cache';
import type { FastifyRequest } from 'fastify';
import { Observable, of } from 'rxjs';
import { visibleStoreIds } from './store-scope';

/**
 * Answers a cached GET (`@EarlyCacheHit`) from the tenant cache before TenantRequestInterceptor opens the tenant
 * transaction: one Redis round trip for the generation and the entry together. The auth guard has already checked the
 * caller and its permissions; the key holds what the service's own read keys on, store scope included. A miss goes on
 * to the transaction and the service, which loads and stores the entry as before.
 */
@Injectable()
export class EarlyCacheHitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly cache: TenantCache,
  ) {}

  async intercept(execution: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (execution.getType() !== 'http') return next.handle();
    const rule = this.reflector.get<EarlyCacheHitRule | undefined>(EARLY_CACHE_HIT, execution.getHandler());
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const authentication = request.authentication;
    if (!rule || !authentication || request.method !== 'GET') return next.handle();
    const scope = { tenantId: authentication.tenantId, requestId: request.id };
    const parts = await rule.keyOf({
      query: (request.query ?? {}) as Record<string, unknown>,
      params: (request.params ?? {}) as Record<string, string>,
      tenantId: authentication.tenantId,
      storeIds: visibleStoreIds(authentication) ?? null,
      peek: async <T>(area: CacheArea, keyParts: CacheKeyParts) => (await this.cache.peek<T>(scope, area, keyParts))?.value,
    });
    if (!parts) return next.handle();
    const hit = await this.cache.peek(scope, rule.area, parts);
    return hit ? of(hit.value) : next.handle();
  }
}
