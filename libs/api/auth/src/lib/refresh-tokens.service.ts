import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AppConfig } from '@kassa/api/config';
import { TenantTransaction } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';
import { decodeOpaqueToken, encodeOpaqueToken, hashSecret, newOpaqueToken, OpaqueToken, secretMatches } from './opaque-token';
import { loadUserActor } from './user-actor';

const PREFIX = 'krt_';

export type RotationOutcome =
  { outcome: 'rotated'; tenantId: string; userId: string; registerId?: string; refreshToken: string } | { outcome: 'reused' } | { outcome: 'invalid' };

/**
 * Refresh tokens rotate: each is spent by one refresh and replaced within its family. Presenting a
 * spent one again (a stolen copy) revokes the whole family, except within a short grace window,
 * where two tabs refreshing at the same moment both get a working pair.
 */
@Injectable()
export class RefreshTokens {
  constructor(
    private readonly tenants: TenantTransaction,
    private readonly config: AppConfig,
  ) {}

  /** A new family, or the next token of `familyId`; `registerId` for a PIN sign-in on a till, kept through every rotation. */
  async issue(manager: EntityManager, tenantId: string, userId: string, family: { familyId?: string; registerId?: string } = {}): Promise<string> {
    const token = newOpaqueToken(tenantId, uuidv7());
    await manager.query(
      `INSERT INTO refresh_token (tenant_id, id, family_id, user_id, secret_hash, expires_at, register_id)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6), $7)`,
      [tenantId, token.id, family.familyId ?? uuidv7(), userId, hashSecret(token.secret), this.config.auth.refreshTokenTtlDays, family.registerId ?? null],
    );
    return encodeOpaqueToken(PREFIX, token);
  }

  /** Spends a refresh token. A reuse outside the grace window commits the family's revocation before answering. */
  async rotate(text: string): Promise<RotationOutcome> {
    const token = this.decode(text);
    if (!token) return { outcome: 'invalid' };
    return this.tenants.run(token.tenantId, async (manager): Promise<RotationOutcome> => {
      const [row]: { familyId: string; userId: string; registerId: string | null; secretHash: Buffer; live: boolean; spent: boolean; inGrace: boolean }[] =
        await manager.query(
          `SELECT family_id AS "familyId", user_id AS "userId", register_id AS "registerId", secret_hash AS "secretHash",
                  (revoked_at IS NULL AND expires_at > now()) AS live,
                  used_at IS NOT NULL AS spent,
                  coalesce(used_at > now() - make_interval(secs => $2), false) AS "inGrace"
             FROM refresh_token WHERE id = $1 FOR UPDATE`,
          [token.id, this.config.auth.refreshReuseGraceSeconds],
        );
      if (!row || !secretMatches(token.secret, row.secretHash) || !row.live) return { outcome: 'invalid' };
      if (row.spent && !row.inGrace) {
        await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [row.familyId]);
        return { outcome: 'reused' };
      }
      if (!(await loadUserActor(manager, row.userId))) return { outcome: 'invalid' };
      if (!row.spent) await manager.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1`, [token.id]);
      const registerId = row.registerId ?? undefined;
      const refreshToken = await this.issue(manager, token.tenantId, row.userId, { familyId: row.familyId, registerId });
      return { outcome: 'rotated', tenantId: token.tenantId, userId: row.userId, registerId, refreshToken };
    });
  }

  decode(text: string): OpaqueToken | undefined {
    return decodeOpaqueToken(PREFIX, text);
  }

  /** Signs a device out: its whole family stops working. Returns whose it was, if the token is genuine. */
  async revokeFamily(manager: EntityManager, token: OpaqueToken): Promise<string | undefined> {
    const [row]: { familyId: string; userId: string; secretHash: Buffer }[] = await manager.query(
      `SELECT family_id AS "familyId", user_id AS "userId", secret_hash AS "secretHash" FROM refresh_token WHERE id = $1`,
      [token.id],
    );
    if (!row || !secretMatches(token.secret, row.secretHash)) return undefined;
    await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [row.familyId]);
    return row.userId;
  }

  /** Signs a user out everywhere (deactivation). */
  async revokeAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /**
   * Signs out the PIN sessions of a register's till when the till is revoked or replaced. A register
   * has one active device, so its live sessions are exactly those started on the device going away.
   */
  async revokeRegisterSessions(manager: EntityManager, registerId: string): Promise<void> {
    await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE register_id = $1 AND revoked_at IS NULL`, [registerId]);
  }
}
