import type { FastifyInstance } from 'fastify';
import type { KassaMetrics } from './kassa-metrics';
import type { RequestRollups } from './request-rollups.service';

/** Times every request by its route template (`/api/v1/products/:id`), never by its raw URL, which would explode the label set. */
export function installRequestMetrics(fastify: FastifyInstance, metrics: KassaMetrics, rollups: RequestRollups): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    // The shop's own rollups: requests a tenant made, under the method and route template.
    const tenantId = request.authentication?.tenantId;
    if (tenantId) rollups.record(tenantId, `${request.method} ${route}`, reply.statusCode, reply.elapsedTime, request.id);
    done();
  });
}
