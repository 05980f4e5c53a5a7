import type { IncomingMessage } from 'node:http';
import { uuidv7 } from '@kassa/contracts';

export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Keeps a caller's (or proxy's) sane `x-request-id` so traces join up; otherwise mints one. */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : uuidv7();
}
