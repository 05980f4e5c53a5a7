import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { isoTime, isUniqueViolation, queryRows, TenantTransaction } from '@kassa/api/database';
import { cursorShape, PageQueryDto, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import { RegistersService, StoresService, TenantsService, visibleStoreIds } from '@kassa/api/tenancy';
import type {
  CurrentDeviceDto,
  DeviceDto,
  DeviceHeartbeatDto,
  DeviceListDto,
  DeviceStaffDto,
  DeviceStaffListDto,
  PairDeviceDto,
  PairedDeviceDto,
} from './dto/device.dto';
import { decodeOpaqueToken, encodeOpaqueToken, hashSecret, newOpaqueToken, secretMatches } from './opaque-token';
import { RefreshTokens } from './refresh-tokens.service';
import { deviceNeedsPosRegister, deviceNotFound, devicePairedMeanwhile, deviceRevoked, devicesPairedByUsers, deviceRouteOnly } from './auth.exception';

export const DEVICE_TOKEN_PREFIX = 'kdv_';

/** The paired device a request comes from, as PIN sign-in needs it. */
export interface PairedDevice {
  tenantId: string;
  deviceId: string;
  registerId: string;
  storeId: string;
}

const DEVICE_COLUMNS = `id, register_id AS "registerId", store_id AS "storeId", name, paired_by AS "pairedBy", ${isoTime('paired_at')} AS "pairedAt",
  CASE WHEN last_seen_at IS NULL THEN NULL ELSE ${isoTime('last_seen_at')} END AS "lastSeenAt", app_version AS "appVersion",
  CASE WHEN revoked_at IS NULL THEN NULL ELSE ${isoTime('revoked_at')} END AS "revokedAt",
  CASE WHEN sync_reported_at IS NULL THEN NULL ELSE json_build_object(
    'reportedAt', ${isoTime('sync_reported_at')}, 'pending', sync_pending, 'refused', sync_refused,
    'oldestPendingAt', CASE WHEN sync_oldest_pending_at IS NULL THEN NULL ELSE ${isoTime('sync_oldest_pending_at')} END,
    'lastError', sync_last_error, 'storagePersisted', storage_persisted) END AS sync`;

/** Oldest first. */
const DEVICE_PAGES = cursorShape('devices', ['uuid']);

/**
 * Tills paired to registers (decision 0013). A device token is shown once and stored as a SHA-256,
 * like an API key; a register has one active device, so pairing a new tablet unpairs the old one.
 */
@Injectable()
export class DevicesService {
  constructor(
    private readonly tenantTransaction: TenantTransaction,
    private readonly registers: RegistersService,
    private readonly stores: StoresService,
    private readonly tenants: TenantsService,
    private readonly audit: AuditLog,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  async pair(context: RequestContext, registerId: string, input: PairDeviceDto): Promise<PairedDeviceDto> {
    const register = await this.registers.inUse(context, registerId);
    if (context.actor.kind !== 'user') throw devicesPairedByUsers();
    if (register.kind !== 'pos') throw deviceNeedsPosRegister();
    const revoked = await queryRows<{ id: string }>(
      context.manager,
      `UPDATE device SET revoked_at = now() WHERE register_id = $1 AND revoked_at IS NULL RETURNING id`,
      [registerId],
    );
    if (revoked.length > 0) await this.refreshTokens.revokeRegisterSessions(context.manager, registerId);
    const token = newOpaqueToken(context.tenantId, uuidv7());
    await context.manager
      .query(`INSERT INTO device (tenant_id, id, register_id, store_id, name, secret_hash, paired_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        context.tenantId,
        token.id,
        registerId,
        register.storeId,
        input.name,
        hashSecret(token.secret),
        context.actor.userId,
      ])
      .catch((error: unknown) => {
        // Two pairings of one register at once: the later one lost the race and pairs nothing.
        if (isUniqueViolation(error, 'device_active_register_key')) throw devicePairedMeanwhile();
        throw error;
      });
    await this.audit.recordMany(auditScopeOf(context), [
      ...revoked.map(({ id }) => ({ action: 'delete' as const, entityType: 'device', entityId: id, metadata: { reason: 'register paired another device' } })),
      { action: 'create', entityType: 'device', entityId: token.id, after: { name: input.name, registerId } },
    ]);
    return { deviceId: token.id, deviceToken: encodeOpaqueToken(DEVICE_TOKEN_PREFIX, token) };
  }

  async list(context: RequestContext, query: PageQueryDto): Promise<DeviceListDto> {
    const page = pageRequest(query, DEVICE_PAGES);
    const rows = await queryRows<DeviceDto>(
      context.manager,
      `SELECT ${DEVICE_COLUMNS} FROM device
        WHERE ($1::uuid IS NULL OR id > $1) AND ($3::uuid[] IS NULL OR store_id = ANY($3)) ORDER BY id LIMIT $2`,
      [page.after?.[0] ?? null, page.fetch, visibleStoreIds(context) ?? null],
    );
    return paginate(rows, page, (device) => [device.id]);
  }

  async revoke(context: RequestContext, id: string): Promise<void> {
    const [revoked] = await queryRows<{ registerId: string }>(
      context.manager,
      `UPDATE device SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND ($2::uuid[] IS NULL OR store_id = ANY($2)) RETURNING register_id AS "registerId"`,
      [id, visibleStoreIds(context) ?? null],
    );
    if (!revoked) throw deviceNotFound();
    await this.refreshTokens.revokeRegisterSessions(context.manager, revoked.registerId);
    await this.audit.record(auditScopeOf(context), { action: 'delete', entityType: 'device', entityId: id });
  }

  async current(context: RequestContext): Promise<CurrentDeviceDto> {
    const device = this.deviceOf(context);
    const [{ name }] = await queryRows<{ name: string }>(context.manager, `SELECT name FROM device WHERE id = $1`, [device.deviceId]);
    // One after another: they share the request's single transaction connection.
    const register = await this.registers.get(context, device.registerId);
    const store = await this.stores.get(context, device.storeId);
    const tenant = await this.tenants.current(context);
    return {
      deviceId: device.deviceId,
      name,
      register: { id: register.id, name: register.name, lastReceiptNumber: register.lastReceiptNumber },
      store: { id: store.id, name: store.name, code: store.code },
      tenant,
    };
  }

  /** Keeps the till's latest sync report (one row per device, overwritten: the list shows the latest). */
  async heartbeat(context: RequestContext, input: DeviceHeartbeatDto): Promise<void> {
    const { deviceId } = this.deviceOf(context);
    await context.manager.query(
      `UPDATE device SET sync_reported_at = now(), last_seen_at = now(), sync_pending = $2, sync_refused = $3, sync_oldest_pending_at = $4::timestamptz,
                         sync_last_error = $5, app_version = $6, storage_persisted = $7
        WHERE id = $1`,
      [deviceId, input.pending, input.refused ?? 0, input.oldestPendingAt, input.lastError, input.appVersion, input.storagePersisted],
    );
  }

  /** The active users who may work in the device's store: those of every store, and those limited to stores including it. */
  async staff(context: RequestContext): Promise<DeviceStaffListDto> {
    const { storeId } = this.deviceOf(context);
    const items = await queryRows<DeviceStaffDto>(
      context.manager,
      `SELECT u.id, u.name, u.role, u.pin_hash IS NOT NULL AS "pinSet" FROM app_user u
        WHERE u.active AND (NOT EXISTS (SELECT 1 FROM user_store us WHERE us.tenant_id = u.tenant_id AND us.user_id = u.id)
                            OR EXISTS (SELECT 1 FROM user_store us WHERE us.tenant_id = u.tenant_id AND us.user_id = u.id AND us.store_id = $1))
        ORDER BY u.name, u.id`,
      [storeId],
    );
    return { items, nextCursor: null };
  }

  /**
   * The device behind a `kdv_…` token: undefined when it is unknown or wrong, 401 `device_revoked`
   * once it was unpaired. Notes when it was last seen and with which app version.
   */
  async authenticate(text: string, appVersion: string | undefined): Promise<PairedDevice | undefined> {
    const token = decodeOpaqueToken(DEVICE_TOKEN_PREFIX, text);
    if (!token) return undefined;
    const device = await this.tenantTransaction.run(token.tenantId, async (manager) => {
      const [row] = await queryRows<{ registerId: string; storeId: string; secretHash: Buffer; revoked: boolean }>(
        manager,
        `SELECT register_id AS "registerId", store_id AS "storeId", secret_hash AS "secretHash", revoked_at IS NOT NULL AS revoked FROM device WHERE id = $1`,
        [token.id],
      );
      if (!row || !secretMatches(token.secret, row.secretHash)) return undefined;
      if (row.revoked) return row;
      // At most one write a minute per device, unless the app was updated.
      await manager.query(
        `UPDATE device SET last_seen_at = now(), app_version = coalesce($2, app_version)
          WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute' OR app_version IS DISTINCT FROM coalesce($2, app_version))`,
        [token.id, appVersion?.slice(0, 50) ?? null],
      );
      return row;
    });
    if (!device) return undefined;
    if (device.revoked) throw deviceRevoked();
    return { tenantId: token.tenantId, deviceId: token.id, registerId: device.registerId, storeId: device.storeId };
  }

  private deviceOf(context: RequestContext): { deviceId: string; registerId: string; storeId: string } {
    const { actor } = context;
    if (actor.kind !== 'device') throw deviceRouteOnly();
    return actor;
  }
}
