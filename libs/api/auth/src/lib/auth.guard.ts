import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { ACCESS_RULE, AccessRule, ApiException, Authentication } from '@kassa/api/http';
import type { FastifyRequest } from 'fastify';
import { AccessTokens } from './access-tokens';
import { API_KEY_PREFIX, ApiKeysService } from './api-keys.service';
import { loadUserActor } from './user-actor';

const unauthorized = () => new ApiException(ErrorCode.Unauthorized, 'Sign in, or send a valid API key.');

/**
 * Deny by default: a route runs only if it is marked @Public() or the caller (bearer access
 * token or `kas_` API key) holds every permission its @RequirePermissions() names.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokens,
    private readonly apiKeys: ApiKeysService,
    private readonly tenants: TenantTransaction,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    if (!rule) throw new ApiException(ErrorCode.Forbidden, 'This route has no access rule.');
    if (rule.public) return true;

    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const authentication = await this.authenticate(request.headers.authorization);
    if (!authentication) throw unauthorized();
    const missing = rule.permissions.filter((permission) => !authentication.actor.permissions.includes(permission));
    if (missing.length > 0) {
      throw new ApiException(ErrorCode.Forbidden, `This needs the permission ${missing.join(', ')}.`);
    }
    request.authentication = authentication;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Authentication | undefined> {
    const token = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return undefined;
    if (token.startsWith(API_KEY_PREFIX)) return this.apiKeys.authenticate(token);
    const claims = this.accessTokens.verify(token);
    if (!claims) return undefined;
    const actor = await this.tenants.run(claims.tenantId, (manager) => loadUserActor(manager, claims.userId));
    return actor && { tenantId: claims.tenantId, actor };
  }
}
