import type { FastifyInstance } from 'fastify';
import { AddRouteConfig } from './route-config';

/** A larger request body for one route (imports); every other route keeps Fastify's 1 MiB. */
export const BodyLimit = (bytes: number) => AddRouteConfig({ bodyLimit: bytes });

/** Applies @BodyLimit() when routes are registered. */
export function honourRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });
}
