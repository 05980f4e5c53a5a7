import type { FastifyInstance } from 'fastify';

export interface CorsOptions {
  /** The web origins allowed to call with credentials (the back office and the till). */
  origins: readonly string[];
  /** Response headers those origins' scripts may read. */
  exposedHeaders: readonly string[];
}

const ALLOWED_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE';

/**
 * CORS for the allowed web origins, answered in Fastify's first hook (a preflight before any authentication). A request
 * that names no origin is not a cross-origin one and gets no CORS headers but `Vary: Origin` (the answer depends on
 * the header): @fastify/cors sent its credentials and exposed-headers lines with every answer, which every client
 * paid for on every request.
 */
export function installCors(fastify: FastifyInstance, { origins, exposedHeaders }: CorsOptions): void {
  const allowed = new Set(origins);
  const exposed = exposedHeaders.join(', ');
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    const allowedOrigin = origin !== undefined && allowed.has(origin);
    if (allowedOrigin)
      reply.headers({ 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': exposed });
    if (request.method !== 'OPTIONS') return done();
    const method = request.headers['access-control-request-method'];
    if (origin === undefined || method === undefined) {
      void reply.code(400).type('text/plain').send('Invalid Preflight Request');
      return;
    }
    if (allowedOrigin) {
      const requested = request.headers['access-control-request-headers'];
      reply.header('access-control-allow-methods', ALLOWED_METHODS);
      reply.header('vary', 'Origin, Access-Control-Request-Headers');
      if (requested !== undefined) reply.header('access-control-allow-headers', requested);
    }
    // Without the allow-origin header the browser refuses the call it asked about: nothing else to say.
    void reply.code(204).header('content-length', '0').send();
  });
}
