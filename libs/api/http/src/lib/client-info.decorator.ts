import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who is on the other end of a request, for audit rows and throttling on routes without a RequestContext. */
export interface ClientInfo {
  requestId: string;
  ip: string;
  userAgent?: string;
}

export const Client = createParamDecorator((_: unknown, execution: ExecutionContext): ClientInfo => {
  const request = execution.switchToHttp().getRequest<FastifyRequest>();
  return { requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] };
});
