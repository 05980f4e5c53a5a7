import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TenantTransaction } from '@kassa/api/database';
import { ACCESS_RULE, AccessRule, Authentication } from '@kassa/api/http';
import type { FastifyRequest } from 'fastify';
import { AccessTokens } from './access-tokens';
import { ActorCache } from './actor-cache';
import { API_KEY_PREFIX, ApiKeysService } from './api-keys.service';
import { DevicesService } from './devices.service';
import { loadUserActor } from './user-actor';
import { deviceAloneCannotReach, deviceRouteOnly, noAccessRule, permissionsMissing, unauthorized } from './auth.exception';

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
    private readonly accessTokens: AccessTokens,
    private readonly apiKeys: ApiKeysService,
    private readonly devices: DevicesService,
    private readonly tenants: TenantTransaction,
    private readonly actors: ActorCache,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [execution.getHandler(), execution.getClass()]);
    if (!rule) throw noAccessRule();
    if (rule.public) return true;

    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const authentication = await this.authenticate(request);
    if (!authentication) throw unauthorized();
    const deviceAlone = authentication.actor.kind === 'device';
    if ('device' in rule && !deviceAlone) throw deviceRouteOnly();
    if (!('device' in rule) && deviceAlone) throw deviceAloneCannotReach();
    const missing = rule.permissions.filter((permission) => !authentication.actor.permissions.includes(permission));
    if (missing.length > 0) {
      throw permissionsMissing(missing);
    }
    if ('anyOf' in rule && rule.anyOf && !rule.anyOf.some((permission) => authentication.actor.permissions.includes(permission))) {
      throw permissionsMissing(rule.anyOf, 'one of');
    }
    request.authentication = authentication;
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Authentication | undefined> {
    const [, scheme, token] = /^(Bearer|Device) (\S+)$/i.exec(request.headers.authorization ?? '') ?? [];
    if (!token) return undefined;
    if (scheme.toLowerCase() === 'device') return this.authenticateDevice(token, request.headers['x-app-version']);
    if (token.startsWith(API_KEY_PREFIX)) return this.apiKeys.authenticate(token);
    const claims = this.accessTokens.verify(token);
    if (!claims) return undefined;
    const actor = await this.actors.get(claims.tenantId, claims.userId, () =>
      this.tenants.run(claims.tenantId, (manager) => loadUserActor(manager, claims.userId)),
    );
    return actor && { tenantId: claims.tenantId, actor, registerId: claims.registerId };
  }

  private async authenticateDevice(token: string, appVersion: string | string[] | undefined): Promise<Authentication | undefined> {
    const device = await this.devices.authenticate(token, typeof appVersion === 'string' ? appVersion : undefined);
    if (!device) return undefined;
    const { tenantId, deviceId, registerId, storeId } = device;
    return { tenantId, actor: { kind: 'device', deviceId, registerId, storeId, permissions: [] } };
  }
}
