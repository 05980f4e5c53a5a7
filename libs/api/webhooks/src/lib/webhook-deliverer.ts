import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog } from '@kassa/api/audit';
import { queryRows, TenantTransaction } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import type { EntityManager } from 'typeorm';
import { nextAttemptDelayMs, retryAfterMs } from './retry-delay';
import type { WebhookDeliveryJob } from './webhook-delivery-queue';
import { WebhookHttpClient, WebhookResponse } from './webhook-http-client';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';
import { signatureHeader } from './webhook-signature';
import { WebhookAttemptStats } from './webhook-attempt-stats';

interface PendingDelivery {
  status: string;
  attempts: number;
  eventId: string;
  payload: unknown;
  url: string;
  headers: Record<string, string>;
  enabled: boolean;
  /** The current secret, and the previous one while its rotation overlap lasts. */
  secrets: string[];
}

const USER_AGENT = 'Kassa-Webhooks/1';

const outcomeOf = (response: WebhookResponse) => {
  const status = response.statusCode;
  if (status === undefined) return { succeeded: false, gone: false, error: response.error ?? 'no response' };
  const succeeded = status >= 200 && status < 300;
  return { succeeded, gone: status === 410, error: succeeded ? null : `HTTP ${status}` };
};

/**
 * One attempt at a delivery (DESIGN.md §4): read it and its endpoint, POST the signed payload outside
 * any transaction, then log the attempt and settle the delivery — succeeded, waiting for its next
 * attempt, or failed for good. A 410 disables the endpoint; so does failing for five days, and either
 * way the owners are told through a `webhook.disabled` event.
 */
@Injectable()
export class WebhookDeliverer {
  constructor(
    private readonly tenants: TenantTransaction,
    private readonly http: WebhookHttpClient,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    private readonly stats: WebhookAttemptStats,
  ) {}

  /** Answers how long to wait before the next attempt, or undefined when the delivery is settled. */
  async attempt(job: WebhookDeliveryJob): Promise<number | undefined> {
    const [delivery] = await this.tenants.run(job.tenantId, (manager) =>
      manager.query<PendingDelivery[]>(
        `SELECT d.status, d.attempts, d.event_id AS "eventId", d.payload, e.url, e.headers, e.enabled,
                array_remove(ARRAY[e.secret, CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END], NULL) AS secrets
           FROM webhook_delivery d JOIN webhook_endpoint e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
          WHERE d.id = $1`,
        [job.deliveryId],
      ),
    );
    if (!delivery || delivery.status !== 'pending') return undefined;
    if (!delivery.enabled) {
      await this.tenants.run(job.tenantId, (manager) =>
        manager.query(`UPDATE webhook_delivery SET status = 'failed', last_error = 'endpoint disabled', completed_at = now() WHERE id = $1`, [job.deliveryId]),
      );
      return undefined;
    }

    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await this.http.post(
      new URL(delivery.url),
      {
        ...delivery.headers,
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(delivery.secrets, delivery.eventId, timestamp, body),
      },
      body,
    );

    const attempt = delivery.attempts + 1;
    const { succeeded, gone, error } = outcomeOf(response);
    this.stats.record(succeeded ? 'succeeded' : gone ? 'gone' : 'failed');
    const retryInMs = succeeded || gone ? undefined : nextAttemptDelayMs(this.settings.retryScheduleMs, attempt, retryAfterMs(response.retryAfter, Date.now()));
    const status = succeeded ? 'succeeded' : retryInMs === undefined ? 'failed' : 'pending';
    await this.tenants.run(job.tenantId, async (manager) => {
      // The endpoint may have been deleted, with its deliveries, while the request was out.
      const settled = await queryRows(
        manager,
        `UPDATE webhook_delivery
            SET status = $2, attempts = $3, last_error = $4,
                next_attempt_at = CASE WHEN $2 = 'pending' THEN now() + $5 * interval '1 millisecond' END,
                completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
          WHERE id = $1 AND status = 'pending' RETURNING id`,
        [job.deliveryId, status, attempt, error, retryInMs ?? 0],
      );
      if (settled.length === 0) return;
      await manager.query(
        `INSERT INTO webhook_attempt (tenant_id, id, delivery_id, attempt, status_code, latency_ms, response_excerpt, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [job.tenantId, uuidv7(), job.deliveryId, attempt, response.statusCode ?? null, response.latencyMs, response.excerpt ?? null, response.error ?? null],
      );
      const [endpoint] = await queryRows<{ failingTooLong: boolean }>(
        manager,
        `UPDATE webhook_endpoint SET failing_since = CASE WHEN $2 THEN NULL ELSE coalesce(failing_since, now()) END
          WHERE id = $1 RETURNING coalesce(failing_since < now() - interval '5 days', false) AS "failingTooLong"`,
        [job.endpointId, succeeded],
      );
      const disabledReason = gone ? 'the receiver answered 410 Gone' : endpoint?.failingTooLong ? 'every delivery failed for 5 days' : undefined;
      if (disabledReason) await this.disable(manager, job, disabledReason);
    });
    return retryInMs;
  }

  private async disable(manager: EntityManager, job: WebhookDeliveryJob, reason: string): Promise<void> {
    const [endpoint] = await queryRows<{ url: string; version: number }>(
      manager,
      `UPDATE webhook_endpoint SET enabled = false, disabled_reason = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND enabled RETURNING url, version`,
      [job.endpointId, reason],
    );
    if (!endpoint) return;
    const scope = { manager, tenantId: job.tenantId };
    await this.events.record(scope, {
      type: 'webhook.disabled',
      aggregateType: 'webhook',
      aggregateId: job.endpointId,
      aggregateVersion: endpoint.version,
      data: { webhookId: job.endpointId, url: endpoint.url, reason, notify: 'owners' },
    });
    await this.audit.record(
      { ...scope, actor: { type: 'system' } },
      { action: 'update', entityType: 'webhook', entityId: job.endpointId, before: { enabled: true }, after: { enabled: false, disabledReason: reason } },
    );
  }
}
