import { Injectable } from '@nestjs/common';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { queryRows } from '@kassa/api/database';
import { RequestContext, versionMismatch } from '@kassa/api/http';
import type { PurchasingSettingsDto, UpdatePurchasingSettingsDto } from './dto/purchasing.dto';

const SETTINGS_COLUMNS = `approval_threshold_minor AS "approvalThresholdMinor", review_period_days AS "reviewPeriodDays", version`;

/** A shop's purchasing settings (approval threshold, review period) and its purchase order counter: one row, made on first use. */
@Injectable()
export class PurchasingSettingsService {
  constructor(private readonly audit: AuditLog) {}

  async get(context: RequestContext): Promise<PurchasingSettingsDto> {
    const [settings] = await queryRows<PurchasingSettingsDto>(context.manager, `SELECT ${SETTINGS_COLUMNS} FROM purchasing_settings`);
    return settings ?? { approvalThresholdMinor: null, reviewPeriodDays: 7, version: 0 };
  }

  async update(context: RequestContext, changes: UpdatePurchasingSettingsDto, expectedVersion?: number): Promise<PurchasingSettingsDto> {
    const before = await this.get(context);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw versionMismatch();
    const after = { ...before, ...changes };
    const [saved] = await queryRows<PurchasingSettingsDto>(
      context.manager,
      `INSERT INTO purchasing_settings AS p (tenant_id, approval_threshold_minor, review_period_days) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET approval_threshold_minor = $2, review_period_days = $3, version = p.version + 1
       RETURNING ${SETTINGS_COLUMNS}`,
      [context.tenantId, after.approvalThresholdMinor, after.reviewPeriodDays],
    );
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'purchasing_settings', entityId: context.tenantId, before, after: saved });
    return saved;
  }

  /**
   * The shop's next purchase order number. The counter row stays locked until the transaction ends, so numbers
   * are handed out one at a time and a rolled-back order gives its number back: gapless.
   */
  async nextOrderNumber(context: RequestContext): Promise<number> {
    const [counter] = await queryRows<{ number: number }>(
      context.manager,
      `INSERT INTO purchasing_settings AS p (tenant_id, last_order_number) VALUES ($1, 1)
       ON CONFLICT (tenant_id) DO UPDATE SET last_order_number = p.last_order_number + 1
       RETURNING last_order_number AS number`,
      [context.tenantId],
    );
    return counter.number;
  }
}
