import type { FastifyInstance } from 'fastify';
import { malformedJson } from './http.exception';

/**
 * Fastify's own JSON parser (with its prototype-poisoning guards), but failing with our error
 * codes: Nest would otherwise turn its parse errors into anonymous 400s. An empty body is no body,
 * whatever its content type says: generated clients send `content-type: application/json` on a
 * bodiless POST or DELETE too, and a route that needs a body refuses its absence by field.
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if ((body as string).trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) {
        done(malformedJson(`The request body is not valid JSON: ${error.message}`));
        return;
      }
      done(null, value);
    });
  });
}
