import { Injectable } from '@nestjs/common';
import { Role, uuidv7 } from '@kassa/contracts';
import { AppConfig } from '@kassa/api/config';
import { afterCommit, isoTime, isUniqueViolation, queryRows, updateSet } from '@kassa/api/database';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { cursorShape, PageQueryDto, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import { Mailer } from '@kassa/api/mail';
import { StoresService, TenantsService, visibleStoreIds } from '@kassa/api/tenancy';
import type { EntityManager } from 'typeorm';
import type { CreatedUserDto, CreateUserDto, UpdateUserDto, UserDto, UserListDto } from './dto/user.dto';
import { inviteMail } from './invite-mail';
import { encodeOpaqueToken, hashSecret, newOpaqueToken } from './opaque-token';
import { RefreshTokens } from './refresh-tokens.service';
import { assertMayGrantRole, assertMayGrantStores } from './user-grants';
import { emailTaken, lastOwner, userNotFound } from './auth.exception';
import { ActorCache } from './actor-cache';

export const PASSWORD_TOKEN_PREFIX = 'kpw_';

const USER_COLUMNS = `u.id, u.name, u.email, u.role, u.active, u.version, ${isoTime('u.created_at')} AS "createdAt",
  coalesce((SELECT array_agg(us.store_id ORDER BY us.store_id) FROM user_store us
             WHERE us.tenant_id = u.tenant_id AND us.user_id = u.id), '{}') AS "storeIds"`;

/** Oldest first. */
const USER_PAGES = cursorShape('users', ['uuid']);

/**
 * Users a caller limited to some stores may see and edit: those limited to stores among its own.
 * Everyone else (users of every store included) is 404 to it, as other stores' rows are.
 */
function withinVisibleStores(parameter: string): string {
  return `(${parameter}::uuid[] IS NULL OR (
    EXISTS (SELECT 1 FROM user_store us WHERE us.tenant_id = u.tenant_id AND us.user_id = u.id)
    AND NOT EXISTS (SELECT 1 FROM user_store us
                     WHERE us.tenant_id = u.tenant_id AND us.user_id = u.id AND us.store_id <> ALL(${parameter}))))`;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly stores: StoresService,
    private readonly refreshTokens: RefreshTokens,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
    private readonly tenants: TenantsService,
    private readonly mailer: Mailer,
    private readonly actors: ActorCache,
  ) {}

  async findById(manager: EntityManager, id: string): Promise<UserDto | undefined> {
    const [user] = await queryRows<UserDto>(manager, `SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
    return user;
  }

  /** The active users of these roles who can use `storeId` (unlimited, or limited to stores including it); any store when omitted. */
  async activeIdsWith(manager: EntityManager, audience: { roles: readonly Role[]; storeId?: string }): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT u.id FROM app_user u
        WHERE u.active AND u.role = ANY($1)
          AND ($2::uuid IS NULL
               OR NOT EXISTS (SELECT 1 FROM user_store us WHERE us.tenant_id = u.tenant_id AND us.user_id = u.id)
               OR EXISTS (SELECT 1 FROM user_store us WHERE us.tenant_id = u.tenant_id AND us.user_id = u.id AND us.store_id = $2))
        ORDER BY u.id`,
      [audience.roles, audience.storeId ?? null],
    );
    return rows.map((row) => row.id);
  }

  async list(context: RequestContext, query: PageQueryDto): Promise<UserListDto> {
    const page = pageRequest(query, USER_PAGES);
    const rows = await queryRows<UserDto>(
      context.manager,
      `SELECT ${USER_COLUMNS} FROM app_user u
        WHERE ($1::uuid IS NULL OR u.id > $1) AND ${withinVisibleStores('$3')} ORDER BY u.id LIMIT $2`,
      [page.after?.[0] ?? null, page.fetch, visibleStoreIds(context) ?? null],
    );
    return paginate(rows, page, (user) => [user.id]);
  }

  async get(context: RequestContext, id: string): Promise<UserDto> {
    const [user]: UserDto[] = await context.manager.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1 AND ${withinVisibleStores('$2')}`, [
      id,
      visibleStoreIds(context) ?? null,
    ]);
    if (!user) throw userNotFound();
    return user;
  }

  /** Invites a user: no password yet, and a one-time link to set one, answered and mailed to them. */
  async create(context: RequestContext, input: CreateUserDto): Promise<CreatedUserDto> {
    assertMayGrantRole(context, input.role, 'role');
    const storeIds = input.storeIds ?? [];
    assertMayGrantStores(context, storeIds, 'storeIds');
    await this.stores.assertStoresExist(context, storeIds, 'storeIds');
    const id = uuidv7();
    await context.manager
      .query(`INSERT INTO app_user (tenant_id, id, name, email, role) VALUES ($1, $2, $3, $4, $5)`, [context.tenantId, id, input.name, input.email, input.role])
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'app_user_email_key')) {
          throw emailTaken(input.email);
        }
        throw error;
      });
    await this.replaceStores(context, id, storeIds);
    const invite = await this.createPasswordToken(context, id);
    const { name: shopName } = await this.tenants.current(context);
    await this.mailer.queue(context, inviteMail({ shopName, userName: input.name, to: input.email, url: invite.url, expiresAt: invite.expiresAt }));
    const user = (await this.findById(context.manager, id)) as UserDto;
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'user', entityId: id, after: user });
    return { user, invite };
  }

  async update(context: RequestContext, id: string, changes: UpdateUserDto): Promise<UserDto> {
    const target = await this.get(context, id);
    assertMayGrantRole(context, target.role);
    if (changes.role !== undefined) assertMayGrantRole(context, changes.role, 'role');
    if (changes.storeIds !== undefined) {
      assertMayGrantStores(context, changes.storeIds, 'storeIds');
      await this.stores.assertStoresExist(context, changes.storeIds, 'storeIds');
    }

    const losesOwner = target.role === 'owner' && ((changes.role ?? 'owner') !== 'owner' || changes.active === false);
    if (losesOwner) await this.assertAnotherActiveOwner(context, id);

    const set = updateSet({ name: changes.name, role: changes.role, active: changes.active }, 2);
    if (set.values.length > 0) {
      await context.manager.query(`UPDATE app_user SET ${set.sql}, version = version + 1, updated_at = now() WHERE id = $1`, [id, ...set.values]);
    }
    if (changes.storeIds !== undefined) await this.replaceStores(context, id, changes.storeIds);
    if (changes.active === false) await this.refreshTokens.revokeAllOf(context.manager, id);
    // This process stops trusting the old role, stores or active flag at once; the others within AUTH_ACTOR_CACHE_MS.
    const forget = () => this.actors.forget(context.tenantId, id);
    if (!afterCommit(context.manager, forget)) forget();
    const updated = (await this.findById(context.manager, id)) as UserDto;
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'user',
      entityId: id,
      before: target,
      after: updated,
    });
    return updated;
  }

  /** Locks the active owners first, so two concurrent demotions cannot both pass. */
  private async assertAnotherActiveOwner(context: RequestContext, leavingOwnerId: string): Promise<void> {
    const owners: { id: string }[] = await context.manager.query(`SELECT id FROM app_user WHERE role = 'owner' AND active ORDER BY id FOR UPDATE`);
    if (!owners.some((owner) => owner.id !== leavingOwnerId)) {
      throw lastOwner();
    }
  }

  private async replaceStores(context: RequestContext, userId: string, storeIds: string[]): Promise<void> {
    await context.manager.query(`DELETE FROM user_store WHERE user_id = $1`, [userId]);
    if (storeIds.length === 0) return;
    await context.manager.query(`INSERT INTO user_store (tenant_id, user_id, store_id) SELECT $1, $2, unnest($3::uuid[])`, [
      context.tenantId,
      userId,
      storeIds,
    ]);
  }

  private async createPasswordToken(context: RequestContext, userId: string) {
    const token = newOpaqueToken(context.tenantId, uuidv7());
    const [{ expiresAt }] = await queryRows<{ expiresAt: string }>(
      context.manager,
      `INSERT INTO password_token (tenant_id, id, user_id, secret_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING ${isoTime('expires_at')} AS "expiresAt"`,
      [context.tenantId, token.id, userId, hashSecret(token.secret), this.config.auth.inviteTtlHours],
    );
    const text = encodeOpaqueToken(PASSWORD_TOKEN_PREFIX, token);
    return { url: `${this.config.webOrigins[0]}/set-password#token=${text}`, token: text, expiresAt };
  }
}
