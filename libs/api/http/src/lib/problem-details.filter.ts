import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ErrorCode, PROBLEM_CONTENT_TYPE } from '@kassa/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiException } from './api.exception';
import { ProblemParts, problemForStatus, problemOf } from './problem';

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
    return { ...problemForStatus(exception.getStatus()), detail: exception.message };
  }
  return undefined;
}

/** Recognises an error from a lower layer (the database) as one the client caused. */
export type ExceptionTranslator = (exception: unknown) => ApiException | undefined;

/** Told of every error that became a 5xx: the error tracker records it. */
export type UnexpectedErrorListener = (error: unknown, request: FastifyRequest) => void;

/** Turns every error into RFC 9457 problem+json. Anything unexpected is a logged 500 that shows no internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(
    private readonly translators: ExceptionTranslator[] = [],
    private readonly onUnexpected?: UnexpectedErrorListener,
  ) {}

  catch(caught: unknown, host: ArgumentsHost): void {
    const exception = this.translators.reduce<unknown>((current, translate) => translate(current) ?? current, caught);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.raw.headersSent) {
      // A streamed answer (an export) failed midway: no status can be sent any more, and the client
      // must see a broken download rather than wait forever for the rest.
      this.logger.error({ err: exception, requestId: request.id, route: request.url }, 'request failed after its answer began');
      this.onUnexpected?.(exception, request);
      reply.raw.destroy();
      return;
    }
    const parts = problemPartsOf(exception) ?? {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.InternalError,
      detail: 'Something went wrong on our side. Quote the request id when you report it.',
    };
    if (parts.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id, route: request.url }, 'request failed');
      this.onUnexpected?.(exception, request);
    }
    reply
      .status(parts.status)
      .headers({ ...parts.headers, 'content-type': PROBLEM_CONTENT_TYPE })
      .send(problemOf(parts, request));
  }
}
