import type { FastifyInstance } from 'fastify';
import { malformedJson } from './http.exception';

/**
 * Fastify's own JSON parser (with its prototype-poisoning guards), but failing with our error
 * codes: Nest would otherwise turn its parse errors into anonymous 400s.
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) {
        const empty = (error as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY';
        done(malformedJson(empty ? 'The request body is empty but declared as JSON.' : `The request body is not valid JSON: ${error.message}`));
        return;
      }
      done(null, value);
    });
  });
}
