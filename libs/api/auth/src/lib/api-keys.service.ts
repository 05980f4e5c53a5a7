import { Injectable } from '@nestjs/common';
import { isPermission, Permission, permissionsBeyond, uuidv7 } from '@kassa/contracts';
import { isoTime, queryRows, TenantTransaction } from '@kassa/api/database';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { Authentication, RequestContext } from '@kassa/api/http';
import { visibleStoreIds } from '@kassa/api/tenancy';
import type { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { decodeOpaqueToken, encodeOpaqueToken, hashSecret, newOpaqueToken, secretMatches } from './opaque-token';
import { apiKeyBeyondCreator, apiKeyNotFound, apiKeyReachesEveryStore, apiKeysByUsersOnly } from './auth.exception';

export const API_KEY_PREFIX = 'kas_';

const API_KEY_COLUMNS = `id, name, permissions, ${isoTime('created_at')} AS "createdAt",
  CASE WHEN last_used_at IS NULL THEN NULL ELSE ${isoTime('last_used_at')} END AS "lastUsedAt"`;

/** Partner API keys: shown once, stored hashed, scoped to permissions, revocable. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly tenants: TenantTransaction,
    private readonly audit: AuditLog,
  ) {}

  async create(context: RequestContext, input: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { actor } = context;
    if (actor.kind !== 'user') {
      throw apiKeysByUsersOnly();
    }
    if (visibleStoreIds(context) !== undefined) {
      throw apiKeyReachesEveryStore();
    }
    const beyondCaller = permissionsBeyond(input.permissions, actor.permissions);
    if (beyondCaller.length > 0) {
      throw apiKeyBeyondCreator(beyondCaller);
    }
    const token = newOpaqueToken(context.tenantId, uuidv7());
    const [created]: ApiKeyDto[] = await context.manager.query(
      `INSERT INTO api_key (tenant_id, id, name, secret_hash, permissions, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${API_KEY_COLUMNS}`,
      [context.tenantId, token.id, input.name, hashSecret(token.secret), input.permissions, actor.userId],
    );
    await this.audit.record(auditScopeOf(context), {
      action: 'create',
      entityType: 'api_key',
      entityId: created.id,
      after: { name: created.name, permissions: created.permissions },
    });
    return { ...created, key: encodeOpaqueToken(API_KEY_PREFIX, token) };
  }

  async list(context: RequestContext): Promise<ApiKeyListDto> {
    const items: ApiKeyDto[] = await context.manager.query(`SELECT ${API_KEY_COLUMNS} FROM api_key WHERE revoked_at IS NULL ORDER BY id`);
    return { items, nextCursor: null };
  }

  async revoke(context: RequestContext, id: string): Promise<void> {
    const revoked = await queryRows(context.manager, `UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id]);
    if (revoked.length === 0) throw apiKeyNotFound();
    await this.audit.record(auditScopeOf(context), { action: 'delete', entityType: 'api_key', entityId: id });
  }

  /** The caller behind a `kas_…` key, or undefined when it is unknown, wrong or revoked. */
  async authenticate(text: string): Promise<Authentication | undefined> {
    const token = decodeOpaqueToken(API_KEY_PREFIX, text);
    if (!token) return undefined;
    return this.tenants.run(token.tenantId, async (manager) => {
      const [key]: { secretHash: Buffer; permissions: string[] }[] = await manager.query(
        `SELECT secret_hash AS "secretHash", permissions FROM api_key WHERE id = $1 AND revoked_at IS NULL`,
        [token.id],
      );
      if (!key || !secretMatches(token.secret, key.secretHash)) return undefined;
      // At most one write a minute per key, however busy the partner is.
      await manager.query(
        `UPDATE api_key SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [token.id],
      );
      const permissions: Permission[] = key.permissions.filter(isPermission);
      return { tenantId: token.tenantId, actor: { kind: 'api_key', apiKeyId: token.id, permissions } };
    });
  }
}
