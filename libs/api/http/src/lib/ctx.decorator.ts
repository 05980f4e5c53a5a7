import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from './request-context';

/** The request's tenant, caller and transaction; only on routes that require authentication. */
export const Ctx = createParamDecorator((_: unknown, execution: ExecutionContext): RequestContext => {
  const context = execution.switchToHttp().getRequest<FastifyRequest>().context;
  if (!context) throw new Error('@Ctx() used on a route without authentication');
  return context;
});
