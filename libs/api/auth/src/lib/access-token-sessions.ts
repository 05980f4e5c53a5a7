import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { RealtimeRefusal } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import type { Authentication } from '@kassa/api/http';
import { loadUserActor } from './user-actor';

export type AccessTokenSession = { authentication: Authentication; expiresAt: Date } | { refused: RealtimeRefusal };

/**
 * A user's access token checked for a long-lived connection (the realtime socket): the same checks as the auth guard,
 * plus why a token was refused and when it stops being valid, so the connection can ask for a fresh one in time.
 */
@Injectable()
export class AccessTokenSessions {
  constructor(
    private readonly jwt: JwtService,
    private readonly tenants: TenantTransaction,
  ) {}

  async open(token: string | undefined): Promise<AccessTokenSession> {
    if (!token) return { refused: 'token_missing' };
    let claims: { sub: string; tid: string; reg?: string; exp: number };
    try {
      claims = this.jwt.verify(token);
    } catch (error) {
      return { refused: error instanceof TokenExpiredError ? 'token_expired' : 'token_invalid' };
    }
    const actor = await this.tenants.run(claims.tid, (manager) => loadUserActor(manager, claims.sub));
    // A deactivated or removed user's tokens stop working at once, as on every REST request.
    if (!actor) return { refused: 'token_revoked' };
    return { authentication: { tenantId: claims.tid, actor, registerId: claims.reg }, expiresAt: new Date(claims.exp * 1000) };
  }
}
