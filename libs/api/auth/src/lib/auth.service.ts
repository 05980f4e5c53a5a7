import { Injectable } from '@nestjs/common';
import { ROLE_PERMISSIONS, uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import { AuditLog } from '@kassa/api/audit';
import { Actor, ClientInfo } from '@kassa/api/http';
import { StoresService, TenantsService } from '@kassa/api/tenancy';
import { AccessTokens } from './access-tokens';
import type { LoginDto, SetPasswordDto } from './dto/login.dto';
import type { SignupDto, SignupResponseDto, TokenPairDto } from './dto/signup.dto';
import type { UserDto } from './dto/user.dto';
import { LoginThrottle } from './login-throttle';
import { decodeOpaqueToken, secretMatches } from './opaque-token';
import { assertPasswordPolicy, hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';
import { RefreshTokens } from './refresh-tokens.service';
import { PASSWORD_TOKEN_PREFIX, UsersService } from './users.service';
import { invalidCredentials, invalidToken, tokenReused } from './auth.exception';

@Injectable()
export class AuthService {
  constructor(
    private readonly tenantTransaction: TenantTransaction,
    private readonly tenants: TenantsService,
    private readonly stores: StoresService,
    private readonly users: UsersService,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
  ) {}

  /** Creates a shop, its owner and (when named) its first store in one transaction, and signs the owner in. */
  async signup(input: SignupDto, client: ClientInfo): Promise<SignupResponseDto> {
    assertPasswordPolicy(input.password, input.email);
    const passwordHash = await hashPassword(input.password);
    const tenantId = uuidv7();
    const userId = uuidv7();
    return this.tenantTransaction.run(tenantId, async (manager) => {
      const tenant = await this.tenants.create(manager, {
        id: tenantId,
        name: input.tenantName,
        slug: input.slug,
        currency: input.currency,
        timeZone: input.timeZone,
        pricesIncludeTax: input.pricesIncludeTax,
      });
      await manager.query(`INSERT INTO app_user (tenant_id, id, name, email, role, password_hash) VALUES ($1, $2, $3, $4, 'owner', $5)`, [
        tenantId,
        userId,
        input.ownerName,
        input.email,
        passwordHash,
      ]);
      const refreshToken = await this.refreshTokens.issue(manager, tenantId, userId);
      const user = (await this.users.findById(manager, userId)) as UserDto;
      const scope = { manager, tenantId, actor: { type: 'user', id: userId } as const, ...client };
      await this.audit.record(scope, { action: 'create', entityType: 'tenant', entityId: tenantId, after: tenant });
      await this.audit.record(scope, { action: 'create', entityType: 'user', entityId: userId, after: user });
      const owner: Actor = { kind: 'user', userId, role: 'owner', storeIds: [], permissions: ROLE_PERMISSIONS.owner };
      const store = input.store ? await this.stores.create({ manager, tenantId, actor: owner, ...client }, input.store) : undefined;
      return { tenant, user, ...(store && { store }), refreshToken, ...this.accessTokens.issue(tenantId, userId) };
    });
  }

  async login(input: LoginDto, client: ClientInfo): Promise<TokenPairDto> {
    const ip = client.ip;
    await this.throttle.admit(input.tenant, input.email, ip);
    const tenantId = await this.tenants.idForSlug(input.tenant);
    const account = tenantId
      ? await this.tenantTransaction.run(tenantId, async (manager) => {
          const [row]: { id: string; passwordHash: string | null; active: boolean }[] = await manager.query(
            `SELECT id, password_hash AS "passwordHash", active FROM app_user WHERE email = $1`,
            [input.email],
          );
          return row;
        })
      : undefined;
    const passwordOk =
      account?.passwordHash && account.active ? await verifyPassword(account.passwordHash, input.password) : await verifyAgainstNothing(input.password);
    if (!tenantId || !account || !passwordOk) {
      // Its own transaction: nothing else of this request commits.
      if (tenantId) {
        await this.tenantTransaction.run(tenantId, (manager) =>
          this.audit.record(
            { manager, tenantId, actor: account ? { type: 'user', id: account.id } : { type: 'system' }, ...client },
            { action: 'login', entityType: 'user', entityId: account?.id, metadata: { outcome: 'failure', email: input.email } },
          ),
        );
      }
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(input.tenant, input.email, ip);
    const refreshToken = await this.tenantTransaction.run(tenantId, async (manager) => {
      await this.audit.record(
        { manager, tenantId, actor: { type: 'user', id: account.id }, ...client },
        { action: 'login', entityType: 'user', entityId: account.id, metadata: { outcome: 'success' } },
      );
      return this.refreshTokens.issue(manager, tenantId, account.id);
    });
    return { refreshToken, ...this.accessTokens.issue(tenantId, account.id) };
  }

  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const rotation = await this.refreshTokens.rotate(refreshToken);
    if (rotation.outcome === 'reused') {
      throw tokenReused();
    }
    if (rotation.outcome === 'invalid') throw invalidToken();
    return { refreshToken: rotation.refreshToken, ...this.accessTokens.issue(rotation.tenantId, rotation.userId, rotation.registerId) };
  }

  /** Signs the device out; unknown tokens are ignored, so logout is idempotent. */
  async logout(refreshToken: string, client: ClientInfo): Promise<void> {
    const token = this.refreshTokens.decode(refreshToken);
    if (!token) return;
    await this.tenantTransaction.run(token.tenantId, async (manager) => {
      const userId = await this.refreshTokens.revokeFamily(manager, token);
      if (!userId) return;
      await this.audit.record(
        { manager, tenantId: token.tenantId, actor: { type: 'user', id: userId }, ...client },
        { action: 'logout', entityType: 'user', entityId: userId },
      );
    });
  }

  /** Completes an invite: the one-time token sets the password and is spent. */
  async setPassword(input: SetPasswordDto): Promise<void> {
    const token = decodeOpaqueToken(PASSWORD_TOKEN_PREFIX, input.token);
    if (!token) throw invalidToken();
    await this.tenantTransaction.run(token.tenantId, async (manager) => {
      const [row]: { userId: string; secretHash: Buffer; email: string }[] = await manager.query(
        `SELECT t.user_id AS "userId", t.secret_hash AS "secretHash", u.email
           FROM password_token t JOIN app_user u ON u.tenant_id = t.tenant_id AND u.id = t.user_id
          WHERE t.id = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.active
          FOR UPDATE OF t`,
        [token.id],
      );
      if (!row || !secretMatches(token.secret, row.secretHash)) throw invalidToken();
      assertPasswordPolicy(input.password, row.email);
      await manager.query(`UPDATE password_token SET used_at = now() WHERE id = $1`, [token.id]);
      await manager.query(`UPDATE app_user SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        row.userId,
        await hashPassword(input.password),
      ]);
    });
  }
}
