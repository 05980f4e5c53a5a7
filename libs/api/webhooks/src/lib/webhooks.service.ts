import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { isoTime, queryRows, updateSet } from '@kassa/api/database';
import { cursorShape, PageQueryDto, pageRequest, paginate, RequestContext, versionMismatch } from '@kassa/api/http';
import type { CreateWebhookDto, UpdateWebhookDto, WebhookDto, WebhookListDto, WebhookWithSecretDto } from './dto/webhook.dto';
import type { WebhookDeliveryDto } from './dto/webhook-delivery.dto';
import { WebhookDeliveryScheduler } from './webhook-delivery-scheduler';
import { customHeadersOf, webhookUrlOf } from './webhook-input';
import { newWebhookSecret } from './webhook-signature';
import { hostOf, WebhookTargetPolicy, WebhookTargetRefused } from './webhook-target-policy';
import { webhookNotFound, webhookTargetForbidden } from './webhooks.exception';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

// Never the secrets: they leave the database only to sign, and in the one response that issues them.
const WEBHOOK_COLUMNS = `w.id, w.url, w.description, w.event_types AS events, w.headers, w.enabled, w.disabled_reason AS "disabledReason",
  w.version, ${isoTime('w.created_at')} AS "createdAt", ${isoTime('w.updated_at')} AS "updatedAt"`;

/** Oldest first. */
const WEBHOOK_PAGES = cursorShape('webhooks', ['uuid']);

/** Secrets rotated out keep signing beside the new one this long, so receivers can switch without a gap. */
const ROTATION_OVERLAP = `interval '24 hours'`;

/** What the audit log keeps of a webhook: header names only, since values are often partners' credentials. */
const audited = (webhook: WebhookDto) => ({ ...webhook, headers: Object.keys(webhook.headers) });

@Injectable()
export class WebhooksService {
  constructor(
    private readonly audit: AuditLog,
    private readonly targets: WebhookTargetPolicy,
    private readonly scheduler: WebhookDeliveryScheduler,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  async list(context: RequestContext, query: PageQueryDto): Promise<WebhookListDto> {
    const page = pageRequest(query, WEBHOOK_PAGES);
    const rows = await queryRows<WebhookDto>(
      context.manager,
      `SELECT ${WEBHOOK_COLUMNS} FROM webhook_endpoint w WHERE ($1::uuid IS NULL OR w.id > $1) ORDER BY w.id LIMIT $2`,
      [page.after?.[0] ?? null, page.fetch],
    );
    return paginate(rows, page, (webhook) => [webhook.id]);
  }

  async get(context: RequestContext, id: string): Promise<WebhookDto> {
    const [webhook] = await queryRows<WebhookDto>(context.manager, `SELECT ${WEBHOOK_COLUMNS} FROM webhook_endpoint w WHERE w.id = $1`, [id]);
    if (!webhook) throw webhookNotFound();
    return webhook;
  }

  async create(context: RequestContext, input: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    const url = await this.allowedUrl(input.url);
    const secret = newWebhookSecret();
    const [webhook]: WebhookDto[] = await context.manager.query(
      `INSERT INTO webhook_endpoint AS w (tenant_id, id, url, description, event_types, headers, enabled, secret)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, true), $8) RETURNING ${WEBHOOK_COLUMNS}`,
      [context.tenantId, uuidv7(), url, input.description ?? null, input.events, customHeadersOf(input.headers ?? {}), input.enabled ?? null, secret],
    );
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'webhook', entityId: webhook.id, after: audited(webhook) });
    return { ...webhook, secret };
  }

  /** Applies the changes if the webhook is still at `expectedVersion` (If-Match), else 412. */
  async update(context: RequestContext, id: string, changes: UpdateWebhookDto, expectedVersion?: number): Promise<WebhookDto> {
    const before = await this.get(context, id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw versionMismatch();
    const set = updateSet(
      {
        url: changes.url === undefined ? undefined : await this.allowedUrl(changes.url),
        description: changes.description,
        event_types: changes.events,
        headers: changes.headers === undefined ? undefined : customHeadersOf(changes.headers),
        enabled: changes.enabled,
        disabled_reason: changes.enabled ? null : undefined,
        failing_since: changes.enabled ? null : undefined,
      },
      3,
    );
    const [after] = await queryRows<WebhookDto>(
      context.manager,
      `UPDATE webhook_endpoint w SET ${set.sql ? `${set.sql}, ` : ''}version = version + 1, updated_at = now()
        WHERE w.id = $1 AND w.version = $2 RETURNING ${WEBHOOK_COLUMNS}`,
      [id, before.version, ...set.values],
    );
    if (!after) throw versionMismatch();
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'webhook', entityId: id, before: audited(before), after: audited(after) });
    return after;
  }

  /** Deletes the webhook with its delivery log; deliveries still queued find nothing and stop. */
  async delete(context: RequestContext, id: string): Promise<void> {
    const before = await this.get(context, id);
    await context.manager.query(`DELETE FROM webhook_endpoint WHERE id = $1`, [id]);
    await this.audit.record(auditScopeOf(context), { action: 'delete', entityType: 'webhook', entityId: id, before: audited(before) });
  }

  /** Issues a new secret; the old one keeps signing beside it for 24 hours. */
  async rotateSecret(context: RequestContext, id: string): Promise<WebhookWithSecretDto> {
    const secret = newWebhookSecret();
    const [webhook] = await queryRows<WebhookDto>(
      context.manager,
      `UPDATE webhook_endpoint w SET previous_secret = w.secret, previous_secret_expires_at = now() + ${ROTATION_OVERLAP},
              secret = $2, version = version + 1, updated_at = now()
        WHERE w.id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
      [id, secret],
    );
    if (!webhook) throw webhookNotFound();
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'webhook',
      entityId: id,
      metadata: { operation: 'rotate-secret', secret: 'rotated' },
    });
    return { ...webhook, secret };
  }

  /** Queues a `webhook.test` ping to the endpoint, signed and logged like any delivery. */
  async test(context: RequestContext, id: string): Promise<WebhookDeliveryDto> {
    await this.get(context, id);
    const eventId = uuidv7();
    const payload = { id: eventId, type: 'webhook.test', tenantId: context.tenantId, occurredAt: new Date().toISOString(), data: { webhookId: id } };
    const [deliveryId] = await this.scheduler.schedule(context.manager, context.tenantId, [{ endpointId: id, eventId, eventType: payload.type, payload }]);
    return this.deliveries.summary(context, deliveryId);
  }

  private async allowedUrl(text: string): Promise<string> {
    const url = webhookUrlOf(text);
    await this.targets.addressesOf(hostOf(url)).catch((error: unknown) => {
      throw error instanceof WebhookTargetRefused ? webhookTargetForbidden(error.message) : error;
    });
    return url.href;
  }
}
