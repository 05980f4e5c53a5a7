import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { TenantTransaction } from '@kassa/api/database';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';

/**
 * Runs every authenticated request in one tenant transaction (DESIGN.md §2): the handler's
 * queries commit together or not at all, and row-level security scopes them to the caller's tenant.
 */
@Injectable()
export class TenantRequestInterceptor implements NestInterceptor {
  constructor(private readonly tenants: TenantTransaction) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const authentication = request.authentication;
    if (execution.getType() !== 'http' || !authentication) return next.handle();
    return from(
      this.tenants.run(authentication.tenantId, (manager) => {
        request.context = {
          ...authentication,
          manager,
          requestId: request.id,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        };
        return lastValueFrom(next.handle(), { defaultValue: undefined });
      }),
    );
  }
}
