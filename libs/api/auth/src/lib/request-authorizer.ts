import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@kassa/api/database';
import { AccessRule, Authentication } from '@kassa/api/http';
import type { FastifyRequest } from 'fastify';
import { AccessTokens } from './access-tokens';
import { ActorCache } from './actor-cache';
import { API_KEY_PREFIX, ApiKeysService } from './api-keys.service';
import { DevicesService } from './devices.service';
import { loadUserActor } from './user-actor';
import { deviceAloneCannotReach, deviceRouteOnly, permissionsMissing, unauthorized } from './auth.exception';

/**
 * Whether a request may use a route under its access rule (bearer access token, `kas_` API key, or a paired device
 * alone as `Device <token>`), and who it comes from. The auth guard asks it for every route; the early cache hits ask
 * it before Nest's pipeline runs.
 */
@Injectable()
export class RequestAuthorizer {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly apiKeys: ApiKeysService,
    private readonly devices: DevicesService,
    private readonly tenants: TenantTransaction,
    private readonly actors: ActorCache,
  ) {}

  /** The caller of a non-public route, when it holds every permission the rule asks for; throws the refusal otherwise. */
  async authorize(rule: Exclude<AccessRule, { public: true }>, request: FastifyRequest): Promise<Authentication> {
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
    return authentication;
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
