import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog } from '@kassa/api/audit';
import { queryRows, TenantTransaction } from '@kassa/api/database';
import { DomainEvents, TenantBatcher } from '@kassa/api/events';
import type { EntityManager } from 'typeorm';
import { nextAttemptDelayMs, retryAfterMs } from './retry-delay';
import type { WebhookDeliveryJob } from './webhook-delivery-queue';
import { WebhookHttpClient, WebhookResponse } from './webhook-http-client';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';
import type { EndpointSlots } from './endpoint-slots';
import { signatureHeader } from './webhook-signature';
import { WebhookAttemptStats } from './webhook-attempt-stats';

interface PendingDelivery {
  id: string;
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

/** An attempt's outcome, written with the others of its batch. */
interface Settlement {
  job: WebhookDeliveryJob;
  status: 'succeeded' | 'pending' | 'failed';
  attempt: number;
  error: string | null;
  retryInMs: number;
  gone: boolean;
  response: WebhookResponse;
}

const USER_AGENT = 'Kassa-Webhooks/1';
/** Deliveries of one tenant read, or settled, in one transaction at most. */
const BATCH_SIZE = 200;

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
 * way the owners are told through a `webhook.disabled` event. Attempts running at the same time share
 * their reads and their writes: one transaction per tenant for each (decision 0035).
 */
@Injectable()
export class WebhookDeliverer {
  private readonly reads = new TenantBatcher<string, PendingDelivery | undefined>((tenantId, ids) => this.readBatch(tenantId, ids), BATCH_SIZE);
  private readonly settlements = new TenantBatcher<Settlement, void>((tenantId, settled) => this.settleBatch(tenantId, settled), BATCH_SIZE);

  constructor(
    private readonly tenants: TenantTransaction,
    private readonly http: WebhookHttpClient,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    private readonly stats: WebhookAttemptStats,
  ) {}

  /**
   * Answers how long to wait before the next attempt, or undefined when the delivery is settled. The request
   * (and only the request) holds one of the endpoint's `slots`; with none free, the attempt is not made: `no-slot`.
   */
  async attempt(job: WebhookDeliveryJob, slots: EndpointSlots): Promise<number | 'no-slot' | undefined> {
    const delivery = await this.reads.submit(job.tenantId, job.deliveryId);
    if (!delivery || delivery.status !== 'pending') return undefined;
    if (!delivery.enabled) {
      await this.tenants.run(job.tenantId, (manager) =>
        manager.query(`UPDATE webhook_delivery SET status = 'failed', last_error = 'endpoint disabled', completed_at = now() WHERE id = $1`, [job.deliveryId]),
      );
      return undefined;
    }

    if (!(await slots.acquire(job.endpointId))) return 'no-slot';
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await this.http
      .post(
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
      )
      .finally(() => slots.release(job.endpointId));

    const attempt = delivery.attempts + 1;
    const { succeeded, gone, error } = outcomeOf(response);
    this.stats.record(succeeded ? 'succeeded' : gone ? 'gone' : 'failed');
    const retryInMs = succeeded || gone ? undefined : nextAttemptDelayMs(this.settings.retryScheduleMs, attempt, retryAfterMs(response.retryAfter, Date.now()));
    const status = succeeded ? 'succeeded' : retryInMs === undefined ? 'failed' : 'pending';
    await this.settlements.submit(job.tenantId, { job, status, attempt, error, retryInMs: retryInMs ?? 0, gone, response });
    return retryInMs;
  }

  private async readBatch(tenantId: string, ids: string[]): Promise<(PendingDelivery | undefined)[]> {
    const rows = await this.tenants.run(tenantId, (manager) =>
      manager.query<PendingDelivery[]>(
        `SELECT d.id, d.status, d.attempts, d.event_id AS "eventId", d.payload, e.url, e.headers, e.enabled,
                array_remove(ARRAY[e.secret, CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END], NULL) AS secrets
           FROM webhook_delivery d JOIN webhook_endpoint e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
          WHERE d.tenant_id = $1 AND d.id = ANY ($2)`,
        [tenantId, ids],
      ),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }

  /**
   * Writes a batch of attempts: the deliveries settled (those still pending: the endpoint may have been deleted,
   * with its deliveries, while the request was out), one attempt row each, and each endpoint's failing streak,
   * touched only when it starts or ends so concurrent attempts do not queue on the endpoint's row.
   */
  private async settleBatch(tenantId: string, batch: Settlement[]): Promise<void[]> {
    await this.tenants.run(tenantId, async (manager) => {
      const settledRows = await queryRows<{ id: string }>(
        manager,
        `UPDATE webhook_delivery d
            SET status = s.status, attempts = s.attempts, last_error = s.error,
                next_attempt_at = CASE WHEN s.status = 'pending' THEN now() + s.retry_ms * interval '1 millisecond' END,
                completed_at = CASE WHEN s.status = 'pending' THEN NULL ELSE now() END
           FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::bigint[]) AS s (id, status, attempts, error, retry_ms)
          WHERE d.tenant_id = $1 AND d.id = s.id AND d.status = 'pending' RETURNING d.id`,
        [
          tenantId,
          batch.map((item) => item.job.deliveryId),
          batch.map((item) => item.status),
          batch.map((item) => item.attempt),
          batch.map((item) => item.error),
          batch.map((item) => item.retryInMs),
        ],
      );
      const settledIds = new Set(settledRows.map((row) => row.id));
      const settled = batch.filter((item) => settledIds.has(item.job.deliveryId));
      if (settled.length === 0) return;
      await manager.query(
        `INSERT INTO webhook_attempt (tenant_id, id, delivery_id, attempt, status_code, latency_ms, response_excerpt, error)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[])`,
        [
          tenantId,
          settled.map(() => uuidv7()),
          settled.map((item) => item.job.deliveryId),
          settled.map((item) => item.attempt),
          settled.map((item) => item.response.statusCode ?? null),
          settled.map((item) => item.response.latencyMs),
          settled.map((item) => item.response.excerpt ?? null),
          settled.map((item) => item.response.error ?? null),
        ],
      );
      await this.recordStreaks(manager, tenantId, settled);
    });
    return batch.map(() => undefined);
  }

  /** An endpoint that answered a 2xx in the batch is no longer failing; one that only failed is, from now if not before. */
  private async recordStreaks(manager: EntityManager, tenantId: string, settled: Settlement[]): Promise<void> {
    const reached = new Set(settled.filter((item) => item.status === 'succeeded').map((item) => item.job.endpointId));
    const failing = [...new Set(settled.map((item) => item.job.endpointId))].filter((endpointId) => !reached.has(endpointId));
    if (reached.size > 0) {
      await manager.query(`UPDATE webhook_endpoint SET failing_since = NULL WHERE id = ANY ($1) AND failing_since IS NOT NULL`, [[...reached]]);
    }
    const endpoints =
      failing.length === 0
        ? []
        : await queryRows<{ id: string; failingTooLong: boolean }>(
            manager,
            `WITH started AS (UPDATE webhook_endpoint SET failing_since = now() WHERE id = ANY ($1) AND failing_since IS NULL RETURNING id)
       SELECT e.id, coalesce(e.failing_since < now() - interval '5 days', false) AS "failingTooLong"
         FROM webhook_endpoint e WHERE e.id = ANY ($1) AND e.id NOT IN (SELECT id FROM started)`,
            [failing],
          );
    const reasons = new Map<string, string>();
    for (const endpoint of endpoints) if (endpoint.failingTooLong) reasons.set(endpoint.id, 'every delivery failed for 5 days');
    for (const item of settled) if (item.gone) reasons.set(item.job.endpointId, 'the receiver answered 410 Gone');
    for (const [endpointId, reason] of reasons) await this.disable(manager, tenantId, endpointId, reason);
  }

  private async disable(manager: EntityManager, tenantId: string, endpointId: string, reason: string): Promise<void> {
    const [endpoint] = await queryRows<{ url: string; version: number }>(
      manager,
      `UPDATE webhook_endpoint SET enabled = false, disabled_reason = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND enabled RETURNING url, version`,
      [endpointId, reason],
    );
    if (!endpoint) return;
    const scope = { manager, tenantId };
    await this.events.record(scope, {
      type: 'webhook.disabled',
      aggregateType: 'webhook',
      aggregateId: endpointId,
      aggregateVersion: endpoint.version,
      data: { webhookId: endpointId, url: endpoint.url, reason, notify: 'owners' },
    });
    await this.audit.record(
      { ...scope, actor: { type: 'system' } },
      { action: 'update', entityType: 'webhook', entityId: endpointId, before: { enabled: true }, after: { enabled: false, disabledReason: reason } },
    );
  }
}
