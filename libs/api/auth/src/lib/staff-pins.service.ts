import { Injectable } from '@nestjs/common';
import { Role } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { queryRows, TenantTransaction } from '@kassa/api/database';
import { ClientInfo, RequestContext } from '@kassa/api/http';
import type { EntityManager } from 'typeorm';
import { AccessTokens } from './access-tokens';
import { DevicesService, PairedDevice } from './devices.service';
import type { PinSignInDto, SetPinDto } from './dto/pin.dto';
import type { TokenPairDto } from './dto/signup.dto';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './passwords';
import { PinThrottle } from './pin-throttle';
import { assertPinPolicy, hashPin, verifyPin } from './pins';
import { RefreshTokens } from './refresh-tokens.service';
import { assertMayGrantRole } from './user-grants';
import { UsersService } from './users.service';
import { notAUser, pinInvalid, pinNotSet, unauthorized, userNotInDeviceStore, wrongCurrentPassword } from './auth.exception';

/** A user as a PIN check needs them. */
interface PinHolder {
  id: string;
  role: Role;
  active: boolean;
  pinHash: string | null;
  storeIds: string[];
}

/** A user whose PIN proved right: who approved, what their role allows, and the stores they are limited to (none: all). */
export interface PinApprover {
  userId: string;
  role: Role;
  storeIds: string[];
}

/**
 * Staff PINs: set by the user (with their password), cleared by whoever manages them, and checked
 * for PIN sign-in on a paired till and for approvals at the till, both under the same lockouts.
 */
@Injectable()
export class StaffPinsService {
  constructor(
    private readonly tenantTransaction: TenantTransaction,
    private readonly users: UsersService,
    private readonly devices: DevicesService,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly throttle: PinThrottle,
    private readonly loginThrottle: LoginThrottle,
    private readonly audit: AuditLog,
  ) {}

  async setOwn(context: RequestContext, input: SetPinDto): Promise<void> {
    const { actor } = context;
    if (actor.kind !== 'user') throw notAUser();
    const [user] = await queryRows<{ passwordHash: string | null }>(context.manager, `SELECT password_hash AS "passwordHash" FROM app_user WHERE id = $1`, [
      actor.userId,
    ]);
    await this.loginThrottle.admitPasswordCheck(context.tenantId, actor.userId);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw wrongCurrentPassword();
    await this.loginThrottle.recordPasswordCheckSuccess(context.tenantId, actor.userId);
    assertPinPolicy(input.pin);
    await context.manager.query(`UPDATE app_user SET pin_hash = $2, updated_at = now() WHERE id = $1`, [actor.userId, await hashPin(input.pin)]);
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'user', entityId: actor.userId, metadata: { pin: 'set' } });
  }

  /** Within the rules on who manages whom: a manager clears a cashier's PIN, not another manager's. */
  async clear(context: RequestContext, userId: string): Promise<void> {
    const target = await this.users.get(context, userId);
    assertMayGrantRole(context, target.role);
    const cleared = await queryRows(
      context.manager,
      `UPDATE app_user SET pin_hash = NULL, updated_at = now() WHERE id = $1 AND pin_hash IS NOT NULL RETURNING id`,
      [userId],
    );
    if (cleared.length === 0) throw pinNotSet();
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'user', entityId: userId, metadata: { pin: 'cleared' } });
  }

  /** PIN sign-in on a paired till: the same token pair as a password sign-in, carrying the till's register. */
  async signIn(authorization: string | undefined, input: PinSignInDto, client: ClientInfo): Promise<TokenPairDto> {
    const deviceToken = /^Device (\S+)$/i.exec(authorization ?? '')?.[1];
    const device = deviceToken ? await this.devices.authenticate(deviceToken, undefined) : undefined;
    if (!device) throw unauthorized();
    const { tenantId, registerId } = device;
    const signedIn = await this.tenantTransaction
      .run(tenantId, async (manager) => {
        const holder = await this.holderInStore(manager, input.userId, device);
        return this.checkPin(holder, input.pin, tenantId, registerId);
      })
      .catch(async (error: unknown) => {
        // Its own transaction: nothing else of this request commits.
        await this.tenantTransaction.run(tenantId, (manager) =>
          this.audit.record(
            { manager, tenantId, actor: { type: 'device', id: device.deviceId }, ...client },
            { action: 'login', entityType: 'user', entityId: input.userId, metadata: { outcome: 'failure', method: 'pin', deviceId: device.deviceId } },
          ),
        );
        throw error;
      });
    const refreshToken = await this.tenantTransaction.run(tenantId, async (manager) => {
      await this.audit.record(
        { manager, tenantId, actor: { type: 'user', id: signedIn.userId }, ...client },
        { action: 'login', entityType: 'user', entityId: signedIn.userId, metadata: { outcome: 'success', method: 'pin', deviceId: device.deviceId } },
      );
      return this.refreshTokens.issue(manager, tenantId, signedIn.userId, { registerId });
    });
    return { refreshToken, ...this.accessTokens.issue(tenantId, signedIn.userId, registerId) };
  }

  /**
   * An approval at the till (a discount beyond the cashier's limit, a cashier's refund): the approver's PIN,
   * checked in the request's transaction under the approver's lockouts. A wrong PIN counts against the approver.
   * Refusals name `approval.userId` / `approval.pin`.
   */
  async approve(context: RequestContext, userId: string, pin: string): Promise<PinApprover> {
    const holder = await this.holder(context.manager, userId);
    return this.checkPin(holder, pin, context.tenantId, context.registerId, { user: 'approval.userId', pin: 'approval.pin' });
  }

  /** An active user of the shop as a sale's cashier needs them (role and stores), whether or not they have a PIN. */
  async staffMember(context: RequestContext, userId: string): Promise<PinApprover | undefined> {
    const holder = await this.holder(context.manager, userId);
    return holder && { userId: holder.id, role: holder.role, storeIds: holder.storeIds };
  }

  private async holderInStore(manager: EntityManager, userId: string, device: PairedDevice): Promise<PinHolder | undefined> {
    const holder = await this.holder(manager, userId);
    if (holder && holder.storeIds.length > 0 && !holder.storeIds.includes(device.storeId)) throw userNotInDeviceStore();
    return holder;
  }

  private async holder(manager: EntityManager, userId: string): Promise<PinHolder | undefined> {
    const [holder] = await queryRows<PinHolder>(
      manager,
      `SELECT u.id, u.role, u.active, u.pin_hash AS "pinHash",
              coalesce((SELECT array_agg(us.store_id) FROM user_store us WHERE us.tenant_id = u.tenant_id AND us.user_id = u.id), '{}') AS "storeIds"
         FROM app_user u WHERE u.id = $1`,
      [userId],
    );
    return holder?.active ? holder : undefined;
  }

  /** Unknown and inactive users get `pin_invalid` like a wrong PIN; the lockout is counted before the PIN is checked. */
  private async checkPin(
    holder: PinHolder | undefined,
    pin: string,
    tenantId: string,
    registerId: string | undefined,
    fields?: { user: string; pin: string },
  ): Promise<PinApprover> {
    if (!holder) throw pinInvalid(fields?.pin);
    if (!holder.pinHash) throw pinNotSet(fields?.user);
    await this.throttle.admit(tenantId, holder.id, registerId);
    if (!(await verifyPin(holder.pinHash, pin))) throw pinInvalid(fields?.pin);
    await this.throttle.recordSuccess(tenantId, holder.id, registerId);
    return { userId: holder.id, role: holder.role, storeIds: holder.storeIds };
  }
}
