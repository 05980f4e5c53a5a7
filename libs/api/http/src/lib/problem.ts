import { ERROR_STATUS, ErrorCode, FieldError, ProblemDetails } from '@kassa/contracts';
import { STATUS_CODES } from 'node:http';

export interface ProblemParts {
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** Codes for errors that carry only a status: Nest's and Fastify's own (router 404, 413, 414, 415…). */
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  408: ErrorCode.RequestTimeout,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  414: ErrorCode.UriTooLong,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.TooManyRequests,
  431: ErrorCode.HeadersTooLarge,
  503: ErrorCode.ServiceUnavailable,
};

/**
 * The code for an error that carries only a status, and that code's one status (the same, except
 * that a status no code stands for answers as a generic 400 or 500).
 */
export function problemForStatus(status: number): { status: number; code: ErrorCode } {
  const code = CODE_BY_STATUS[status] ?? (status < 500 ? ErrorCode.MalformedRequest : ErrorCode.InternalError);
  return { status: ERROR_STATUS[code], code };
}

/** The RFC 9457 body every error is answered with. */
export function problemOf(parts: ProblemParts, request: { url?: string; id?: string }): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[parts.status] ?? 'Error',
    status: parts.status,
    code: parts.code,
    detail: parts.detail,
    instance: request.url,
    requestId: request.id,
    ...(parts.errors ? { errors: parts.errors } : {}),
  };
}
