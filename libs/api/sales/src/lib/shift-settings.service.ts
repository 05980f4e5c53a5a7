import { Injectable } from '@nestjs/common';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { queryRows } from '@kassa/api/database';
import { RequestContext, versionMismatch } from '@kassa/api/http';
import type { ShiftSettingsDto, UpdateShiftSettingsDto } from './dto/shift.dto';

const SETTINGS_COLUMNS = `require_open_shift AS "requireOpenShift", blind_count AS "blindCount",
  discrepancy_threshold_minor AS "discrepancyThresholdMinor", version`;

/** The defaults of a shop that never changed them: selling without a shift, blind counts, every discrepancy reported. */
export const SHIFT_SETTINGS_DEFAULTS: ShiftSettingsDto = { requireOpenShift: false, blindCount: true, discrepancyThresholdMinor: 0, version: 0 };

/** A shop's cash rules: one row, made on the first change (decision 0022). */
@Injectable()
export class ShiftSettingsService {
  constructor(private readonly audit: AuditLog) {}

  async get(context: RequestContext): Promise<ShiftSettingsDto> {
    const [settings] = await queryRows<ShiftSettingsDto>(context.manager, `SELECT ${SETTINGS_COLUMNS} FROM shift_settings`);
    return settings ?? SHIFT_SETTINGS_DEFAULTS;
  }

  async update(context: RequestContext, changes: UpdateShiftSettingsDto, expectedVersion?: number): Promise<ShiftSettingsDto> {
    const before = await this.get(context);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw versionMismatch();
    const after = { ...before, ...changes };
    const [saved] = await queryRows<ShiftSettingsDto>(
      context.manager,
      `INSERT INTO shift_settings AS s (tenant_id, require_open_shift, blind_count, discrepancy_threshold_minor) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET require_open_shift = $2, blind_count = $3, discrepancy_threshold_minor = $4, version = s.version + 1
       RETURNING ${SETTINGS_COLUMNS}`,
      [context.tenantId, after.requireOpenShift, after.blindCount, after.discrepancyThresholdMinor],
    );
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'shift_settings', entityId: context.tenantId, before, after: saved });
    return saved;
  }
}
