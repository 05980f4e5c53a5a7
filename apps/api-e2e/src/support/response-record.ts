import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * Where every e2e response is recorded, one JSON line per response and one file per Jest worker:
 * tools/test/check-documented-errors.mjs merges them after all projects ran and compares the codes
 * each operation answered with the ones the OpenAPI document lists for it.
 */
export const RESPONSE_RECORD_DIR = path.resolve(__dirname, '../../../../tmp/api-responses');

/** One response as the document names it: the route pattern (`/api/v1/products/:id`), its method, status and problem code. */
export interface RecordedResponse {
  method: string;
  route: string;
  status: number;
  code?: string;
}

function codeOf(payload: unknown): string | undefined {
  if (typeof payload !== 'string' || !payload.includes('"code"')) return undefined;
  try {
    const code = (JSON.parse(payload) as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Appends every response of this app (routes it knows; the router's own 404s have no operation) to this worker's file. */
export function recordResponses(fastify: FastifyInstance): void {
  mkdirSync(RESPONSE_RECORD_DIR, { recursive: true });
  const file = path.join(RESPONSE_RECORD_DIR, `worker-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}.jsonl`);
  fastify.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (route) {
      const contentType = String(reply.getHeader('content-type') ?? '');
      const code = reply.statusCode >= 400 && contentType.includes('json') ? codeOf(payload) : undefined;
      const line: RecordedResponse = { method: request.method, route, status: reply.statusCode, ...(code ? { code } : {}) };
      appendFileSync(file, JSON.stringify(line) + '\n');
    }
    return payload;
  });
}
