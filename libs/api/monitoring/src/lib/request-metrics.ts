import type { FastifyInstance } from 'fastify';
import type { KassaMetrics } from './kassa-metrics';

/** Times every request by its route template (`/api/v1/products/:id`), never by its raw URL, which would explode the label set. */
export function installRequestMetrics(fastify: FastifyInstance, metrics: KassaMetrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}
