import { ERROR_STATUS, ErrorCode, PROBLEM_CONTENT_TYPE, uuidv7 } from '@kassa/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problemForStatus, problemOf } from './problem';
import { REQUEST_ID_HEADER } from './request-id';

const ROUTER_REFUSALS: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_BAD_URL: { code: ErrorCode.MalformedRequest, detail: 'The URL has a broken percent-encoding.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: ErrorCode.UriTooLong, detail: 'A path parameter is longer than 100 characters.' },
};

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook or route runs (a broken
 * percent-encoding, an overlong path parameter) would otherwise go out in Fastify's own JSON.
 */
export function answerRouterRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = ROUTER_REFUSALS[error.code];
  const { status, code } = known ? { status: ERROR_STATUS[known.code], code: known.code } : problemForStatus(error.statusCode ?? 400);
  const detail = known?.detail ?? STATUS_CODES[status] ?? 'Error';
  reply.status(status).header(REQUEST_ID_HEADER, request.id).header('content-type', PROBLEM_CONTENT_TYPE).send(problemOf({ status, code, detail }, request));
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (bad syntax, a NUL in a header,
 * headers over 16 KiB, a request too slow to arrive) never reaches Fastify, so it is written to the socket.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ErrorCode.RequestTimeout
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ErrorCode.HeadersTooLarge
        : ErrorCode.MalformedRequest;
  const status = ERROR_STATUS[code];
  const requestId = uuidv7();
  const body = JSON.stringify(problemOf({ status, code, detail: 'The request is not well-formed HTTP.' }, { id: requestId }));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `${REQUEST_ID_HEADER}: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * The last line: an error a plugin answers as bare text (the CORS plugin's text/plain 400 for a
 * bare preflight) still goes out as problem+json with a code. JSON is left alone: problem+json
 * already, or a report a route answers on purpose (the readiness probe's 503).
 */
export function installProblemSafetyNet(fastify: FastifyInstance): void {
  // Callback hooks here and in the other hooks every request passes: an async one costs a promise per request.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode < 400 || /json/.test(String(reply.getHeader('content-type') ?? ''))) return done(null, payload);
    const { status, code } = problemForStatus(reply.statusCode);
    const detail = typeof payload === 'string' && payload.length > 0 && payload.length <= 200 ? payload : (STATUS_CODES[status] ?? 'Error');
    reply.code(status).header('content-type', PROBLEM_CONTENT_TYPE);
    done(null, JSON.stringify(problemOf({ status, code, detail }, request)));
  });
}
