import { Injectable } from '@nestjs/common';
import { denominationsOf, uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { isoTime, isUniqueViolation, queryRows } from '@kassa/api/database';
import { DomainEvents, newEvent } from '@kassa/api/events';
import { cursorShape, invalidField, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import { requestFingerprint } from '@kassa/api/idempotency';
import { assertStoreVisible, canSeeStore, RegistersService, TenantsService, visibleStoreIds } from '@kassa/api/tenancy';
import type { ShiftReportDto } from './dto/shift-report.dto';
import type {
  CashMovementDto,
  CloseShiftDto,
  CreateCashMovementDto,
  CurrentShiftDto,
  OpenShiftDto,
  ShiftDto,
  ShiftListDto,
  ShiftQueryDto,
} from './dto/shift.dto';
import { actorIdOf } from './sale-lock';
import { ShiftReportService } from './shift-report.service';
import { ShiftSettingsService } from './shift-settings.service';
import { denominationsMismatch, shiftAlreadyOpen, shiftClosed, shiftIdTaken, shiftNotFound, shiftTimeFromTillOnly } from './sales.exception';

const SHIFT_SELECT = `
  SELECT s.id, s.store_id AS "storeId", s.register_id AS "registerId", s.status, s.opening_float_minor AS "openingFloatMinor", s.offline,
         ${isoTime('s.opened_at')} AS "openedAt", json_build_object('type', s.opened_by_type, 'id', s.opened_by) AS "openedBy",
         ${isoTime('s.closed_at')} AS "closedAt",
         CASE WHEN s.closed_by IS NULL THEN NULL ELSE json_build_object('type', s.closed_by_type, 'id', s.closed_by) END AS "closedBy",
         s.z_number AS "zNumber", s.counted_cash_minor AS "countedCashMinor", s.expected_cash_minor AS "expectedCashMinor",
         s.over_short_minor AS "overShortMinor", s.denominations, s.currency, s.version
    FROM shift s`;

const MOVEMENT_SELECT = `
  SELECT m.id, m.shift_id AS "shiftId", m.type, m.amount_minor AS "amountMinor", m.reason,
         json_build_object('type', m.actor_type, 'id', m.actor_id) AS actor, ${isoTime('m.occurred_at')} AS "occurredAt"
    FROM shift_cash_movement m`;

/** Newest first (ids are UUIDv7, the till's own included). */
const SHIFT_PAGES = cursorShape('shifts', ['uuid']);

export interface Recorded<T> {
  value: T;
  /** The same client id and body came before: this is the first answer again. */
  replayed: boolean;
}

/**
 * Cash shifts (issue 22): a register's drawer from its opening float to its count. One open shift per register (a
 * partial unique index); closing takes the shift's row for update, so concurrent closes queue and only the first
 * finds it open; the Z number comes from the register's counter row, locked until the close commits: gapless.
 */
@Injectable()
export class ShiftsService {
  constructor(
    private readonly registers: RegistersService,
    private readonly tenants: TenantsService,
    private readonly settings: ShiftSettingsService,
    private readonly reports: ShiftReportService,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
  ) {}

  async get(context: RequestContext, id: string): Promise<ShiftDto> {
    const [shift] = await queryRows<ShiftDto>(context.manager, `${SHIFT_SELECT} WHERE s.id = $1`, [id]);
    if (!shift || !canSeeStore(context, shift.storeId)) throw shiftNotFound();
    return shift;
  }

  async list(context: RequestContext, query: ShiftQueryDto): Promise<ShiftListDto> {
    if (query.storeId) assertStoreVisible(context, query.storeId, 'storeId');
    const page = pageRequest(query, SHIFT_PAGES);
    const rows = await queryRows<ShiftDto>(
      context.manager,
      `${SHIFT_SELECT}
        WHERE ($1::uuid IS NULL OR s.store_id = $1) AND ($2::uuid[] IS NULL OR s.store_id = ANY($2)) AND ($3::uuid IS NULL OR s.register_id = $3)
          AND ($4::text IS NULL OR s.status = $4) AND ($5::timestamptz IS NULL OR s.opened_at >= $5) AND ($6::timestamptz IS NULL OR s.opened_at < $6)
          AND ($7::uuid IS NULL OR s.id < $7)
        ORDER BY s.id DESC LIMIT $8`,
      [
        query.storeId ?? null,
        visibleStoreIds(context) ?? null,
        query.registerId ?? null,
        query.status ?? null,
        query.from ?? null,
        query.to ?? null,
        page.after?.[0] ?? null,
        page.fetch,
      ],
    );
    return paginate(rows, page, (shift) => [shift.id]);
  }

  async current(context: RequestContext, registerId: string): Promise<CurrentShiftDto> {
    await this.registers.get(context, registerId);
    const [shift] = await queryRows<ShiftDto>(context.manager, `${SHIFT_SELECT} WHERE s.register_id = $1 AND s.status = 'open'`, [registerId]);
    return { shift: shift ?? null };
  }

  async open(context: RequestContext, registerId: string, input: OpenShiftDto): Promise<Recorded<ShiftDto>> {
    // A shift its till opened offline already happened; a new one needs a register in use.
    const register = input.occurredAt === undefined ? await this.registers.inUse(context, registerId) : await this.registers.get(context, registerId);
    assertTimeFromTill(context, registerId, input.occurredAt);
    const id = input.id ?? uuidv7();
    const requestHash = requestFingerprint('POST', `/api/v1/registers/${registerId}/shifts`, input);
    if (input.id) {
      const earlier = await this.earlierOpen(context, id, requestHash);
      if (earlier) return { value: earlier, replayed: true };
    }
    const tenant = await this.tenants.current(context);
    const inserted = await queryRows<{ id: string }>(
      context.manager,
      `INSERT INTO shift (tenant_id, id, store_id, register_id, currency, opening_float_minor, offline, opened_at, opened_by_type, opened_by, open_request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, now()), $9, $10, $11)
       ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
      [
        context.tenantId,
        id,
        register.storeId,
        registerId,
        tenant.currency,
        input.openingFloatMinor,
        input.occurredAt !== undefined,
        input.occurredAt ?? null,
        context.actor.kind,
        actorIdOf(context),
        requestHash,
      ],
    ).catch((error: unknown) => {
      if (isUniqueViolation(error, 'shift_open_key')) throw shiftAlreadyOpen();
      throw error;
    });
    // A concurrent resend of the same id committed first (the insert waited for it).
    if (inserted.length === 0) return { value: (await this.earlierOpen(context, id, requestHash)) as ShiftDto, replayed: true };

    const shift = await this.get(context, id);
    await this.events.record(context, {
      type: 'shift.opened',
      aggregateType: 'shift',
      aggregateId: id,
      aggregateVersion: shift.version,
      data: { shiftId: id, storeId: shift.storeId, registerId, openingFloatMinor: shift.openingFloatMinor, currency: shift.currency, openedAt: shift.openedAt },
    });
    await this.audit.record(auditScopeOf(context), {
      action: 'create',
      entityType: 'shift',
      entityId: id,
      after: { registerId, openingFloatMinor: shift.openingFloatMinor, openedAt: shift.openedAt, offline: shift.offline },
    });
    return { value: shift, replayed: false };
  }

  async addCashMovement(context: RequestContext, shiftId: string, input: CreateCashMovementDto): Promise<Recorded<CashMovementDto>> {
    const shift = await this.get(context, shiftId);
    assertTimeFromTill(context, shift.registerId, input.occurredAt);
    const id = input.id ?? uuidv7();
    const requestHash = requestFingerprint('POST', `/api/v1/shifts/${shiftId}/cash-movements`, input);
    if (input.id) {
      const earlier = await this.earlierMovement(context, id, requestHash);
      if (earlier) return { value: earlier, replayed: true };
    }
    // Share-locked like a sale's: a close waits for this movement, or it finds the shift closed.
    const [state] = await queryRows<{ status: string }>(context.manager, `SELECT status FROM shift WHERE id = $1 FOR SHARE`, [shiftId]);
    if (state.status !== 'open') throw shiftClosed();
    const inserted = await queryRows<{ id: string }>(
      context.manager,
      `INSERT INTO shift_cash_movement (tenant_id, id, shift_id, type, amount_minor, reason, actor_type, actor_id, occurred_at, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()), $10)
       ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
      [
        context.tenantId,
        id,
        shiftId,
        input.type,
        input.amountMinor,
        input.reason,
        context.actor.kind,
        actorIdOf(context),
        input.occurredAt ?? null,
        requestHash,
      ],
    );
    if (inserted.length === 0) return { value: (await this.earlierMovement(context, id, requestHash)) as CashMovementDto, replayed: true };
    const [movement] = await queryRows<CashMovementDto>(context.manager, `${MOVEMENT_SELECT} WHERE m.id = $1`, [id]);
    await this.audit.record(auditScopeOf(context), {
      action: 'create',
      entityType: 'shift_cash_movement',
      entityId: id,
      after: { shiftId, type: movement.type, amountMinor: movement.amountMinor, reason: movement.reason },
    });
    return { value: movement, replayed: false };
  }

  async close(context: RequestContext, shiftId: string, input: CloseShiftDto): Promise<ShiftDto> {
    const shift = await this.get(context, shiftId);
    assertTimeFromTill(context, shift.registerId, input.occurredAt);
    if (input.denominations) assertDenominations(shift.currency, input.countedCashMinor, input.denominations);
    // Concurrent closes queue on the row; each later one sees it closed. Sales and movements under way finish first.
    const [locked] = await queryRows<{ status: string; closedAt: string }>(
      context.manager,
      `SELECT status, ${isoTime('coalesce($2::timestamptz, now())')} AS "closedAt" FROM shift WHERE id = $1 FOR UPDATE`,
      [shiftId, input.occurredAt ?? null],
    );
    if (locked.status !== 'open') throw shiftClosed();

    const report = await this.reports.compute(context, shift, locked.closedAt);
    const expectedMinor = report.cash.expectedMinor as number;
    const overShortMinor = input.countedCashMinor - expectedMinor;
    const [counter] = await queryRows<{ zNumber: number }>(
      context.manager,
      `INSERT INTO shift_counter AS c (tenant_id, register_id, last_z_number) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, register_id) DO UPDATE SET last_z_number = c.last_z_number + 1 RETURNING last_z_number AS "zNumber"`,
      [context.tenantId, shift.registerId],
    );
    const denominations = input.denominations?.filter((entry) => entry.count > 0).sort((a, b) => b.valueMinor - a.valueMinor) ?? null;
    const z: ShiftReportDto = {
      ...report,
      kind: 'Z',
      zNumber: counter.zNumber,
      closedAt: locked.closedAt,
      cash: { ...report.cash, countedMinor: input.countedCashMinor, overShortMinor },
      denominations,
    };
    await context.manager.query(
      `UPDATE shift SET status = 'closed', closed_at = $2, closed_by_type = $3, closed_by = $4, counted_cash_minor = $5, expected_cash_minor = $6,
                        over_short_minor = $7, denominations = $8, z_number = $9, z_report = $10, version = version + 1
        WHERE id = $1`,
      [
        shiftId,
        locked.closedAt,
        context.actor.kind,
        actorIdOf(context),
        input.countedCashMinor,
        expectedMinor,
        overShortMinor,
        denominations && JSON.stringify(denominations),
        counter.zNumber,
        JSON.stringify(z),
      ],
    );
    const closed = await this.get(context, shiftId);
    const where = { shiftId, storeId: closed.storeId, registerId: closed.registerId, zNumber: counter.zNumber, currency: closed.currency };
    const { discrepancyThresholdMinor } = await this.settings.get(context);
    await this.events.recordMany(context, [
      newEvent({
        type: 'shift.closed',
        aggregateType: 'shift',
        aggregateId: shiftId,
        aggregateVersion: closed.version,
        data: { ...where, closedAt: locked.closedAt, countedCashMinor: input.countedCashMinor, expectedCashMinor: expectedMinor, overShortMinor },
      }),
      ...(Math.abs(overShortMinor) > discrepancyThresholdMinor
        ? [
            newEvent({
              type: 'cash.discrepancy',
              aggregateType: 'shift',
              aggregateId: shiftId,
              aggregateVersion: closed.version,
              data: { ...where, overShortMinor, thresholdMinor: discrepancyThresholdMinor },
            }),
          ]
        : []),
    ]);
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'shift',
      entityId: shiftId,
      before: { status: 'open' },
      after: { status: 'closed', zNumber: closed.zNumber, countedCashMinor: input.countedCashMinor, expectedCashMinor: expectedMinor, overShortMinor },
    });
    return closed;
  }

  /**
   * The Z-report of a closed shift, as stored at its close; an X-report of an open one, now. Under blind count the
   * X-report leaves the expected cash out for callers who may not read shifts (the cashier counting the drawer).
   */
  async report(context: RequestContext, shiftId: string): Promise<ShiftReportDto> {
    const shift = await this.get(context, shiftId);
    if (shift.status === 'closed') {
      const [stored] = await queryRows<{ report: ShiftReportDto }>(context.manager, `SELECT z_report AS report FROM shift WHERE id = $1`, [shiftId]);
      return stored.report;
    }
    const [now] = await queryRows<{ at: string }>(context.manager, `SELECT ${isoTime('now()')} AS at`);
    const report = await this.reports.compute(context, shift, now.at);
    const { blindCount } = await this.settings.get(context);
    if (blindCount && !context.actor.permissions.includes('shifts:read')) report.cash.expectedMinor = null;
    return report;
  }

  private async earlierOpen(context: RequestContext, id: string, requestHash: Buffer): Promise<ShiftDto | undefined> {
    const [existing] = await queryRows<{ requestHash: Buffer }>(context.manager, `SELECT open_request_hash AS "requestHash" FROM shift WHERE id = $1`, [id]);
    if (!existing) return undefined;
    if (!existing.requestHash.equals(requestHash)) throw shiftIdTaken();
    return this.get(context, id);
  }

  private async earlierMovement(context: RequestContext, id: string, requestHash: Buffer): Promise<CashMovementDto | undefined> {
    const [existing] = await queryRows<{ requestHash: Buffer }>(
      context.manager,
      `SELECT request_hash AS "requestHash" FROM shift_cash_movement WHERE id = $1`,
      [id],
    );
    if (!existing) return undefined;
    if (!existing.requestHash.equals(requestHash)) throw shiftIdTaken();
    const [movement] = await queryRows<CashMovementDto>(context.manager, `${MOVEMENT_SELECT} WHERE m.id = $1`, [id]);
    return movement;
  }
}

/** A time in the past is the till's word for when it happened offline: only the till of that register may give one. */
function assertTimeFromTill(context: RequestContext, registerId: string, occurredAt: string | undefined): void {
  if (occurredAt !== undefined && context.registerId !== registerId) throw shiftTimeFromTillOnly();
}

/** Notes and coins of the shop's currency (any value for a currency the list does not know), adding up to the count. */
function assertDenominations(currency: string, countedMinor: number, denominations: { valueMinor: number; count: number }[]): void {
  const known = denominationsOf(currency);
  denominations.forEach((entry, index) => {
    if (known && !known.some((denomination) => denomination.valueMinor === entry.valueMinor)) {
      throw invalidField(`denominations.${index}.valueMinor`, `not a note or coin of ${currency}`);
    }
  });
  const summed = denominations.reduce((sum, entry) => sum + entry.valueMinor * entry.count, 0);
  if (summed !== countedMinor) throw denominationsMismatch(countedMinor, summed);
}
