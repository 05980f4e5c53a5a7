import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ErrorCode, FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails } from '@kassa/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { ApiException } from './api.exception';

interface ProblemParts {
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** Codes for Nest's own HTTP exceptions (router 404, guards' 401/403, Fastify's 413/415), by status. */
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.ValidationFailed,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

function problemPartsOf(exception: unknown): ProblemParts | undefined {
  if (exception instanceof ApiException) {
    return {
      status: exception.getStatus(),
      code: exception.code,
      detail: exception.detail,
      errors: exception.errors,
      headers: exception.headers,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { status, code: CODE_BY_STATUS[status] ?? ErrorCode.InternalError, detail: exception.message };
  }
  return undefined;
}

/** Recognises an error from a lower layer (the database) as one the client caused. */
export type ExceptionTranslator = (exception: unknown) => ApiException | undefined;

/** Turns every error into RFC 9457 problem+json. Anything unexpected is a logged 500 that shows no internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly translators: ExceptionTranslator[] = []) {}

  catch(caught: unknown, host: ArgumentsHost): void {
    const exception = this.translators.reduce<unknown>((current, translate) => translate(current) ?? current, caught);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const parts = problemPartsOf(exception) ?? {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.InternalError,
      detail: 'Something went wrong on our side. Quote the request id when you report it.',
    };
    if (parts.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id, route: request.url }, 'request failed');
    }
    const problem: ProblemDetails = {
      type: 'about:blank',
      title: STATUS_CODES[parts.status] ?? 'Error',
      status: parts.status,
      code: parts.code,
      detail: parts.detail,
      instance: request.url,
      requestId: request.id,
      ...(parts.errors ? { errors: parts.errors } : {}),
    };
    reply.status(parts.status).headers({ ...parts.headers, 'content-type': PROBLEM_CONTENT_TYPE }).send(problem);
  }
}
