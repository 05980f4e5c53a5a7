import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from '@kassa/api/http';
import type { FastifyRequest } from 'fastify';
import { noAccessRule } from './auth.exception';
import { RequestAuthorizer } from './request-authorizer';

/**
 * Deny by default: a route runs only if it is marked @Public() or the caller (bearer access
 * token or `kas_` API key) holds every permission its @RequirePermissions() names (or one of those
 * @RequireAnyPermission() names). A paired
 * device on its own (`Device <token>`) reaches the @DeviceOnly() routes and nothing else.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authorizer: RequestAuthorizer,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [execution.getHandler(), execution.getClass()]);
    if (!rule) throw noAccessRule();
    if (rule.public) return true;
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    request.authentication = await this.authorizer.authorize(rule, request);
    return true;
  }
}
