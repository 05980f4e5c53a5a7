import { Injectable } from '@nestjs/common';
import { isoTime, queryRows } from '@kassa/api/database';
import { cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import type {
  WebhookAttemptDto,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookDeliveryQueryDto,
} from './dto/webhook-delivery.dto';
import { NewDelivery, WebhookDeliveryScheduler } from './webhook-delivery-scheduler';
import { webhookDeliveryNotFound, webhookNotFound } from './webhooks.exception';

const DELIVERY_COLUMNS = `d.id, d.endpoint_id AS "webhookId", d.event_id AS "eventId", d.event_type AS "eventType", d.status,
  d.attempts AS "attemptCount", ${isoTime('d.next_attempt_at')} AS "nextAttemptAt", d.last_error AS "lastError",
  ${isoTime('d.created_at')} AS "createdAt", ${isoTime('d.completed_at')} AS "completedAt"`;

const ATTEMPT_COLUMNS = `a.attempt, ${isoTime('a.attempted_at')} AS "attemptedAt", a.status_code AS "statusCode", a.latency_ms AS "latencyMs",
  a.response_excerpt AS "responseExcerpt", a.error`;

/** Newest first. */
const DELIVERY_PAGES = cursorShape('webhook-deliveries', ['uuid']);

/** The delivery log of webhooks: what was sent, each attempt's outcome, and redelivery. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(private readonly scheduler: WebhookDeliveryScheduler) {}

  async list(context: RequestContext, webhookId: string, query: WebhookDeliveryQueryDto): Promise<WebhookDeliveryListDto> {
    const page = pageRequest(query, DELIVERY_PAGES);
    const [webhook] = await queryRows<{ id: string }>(context.manager, `SELECT id FROM webhook_endpoint WHERE id = $1`, [webhookId]);
    if (!webhook) throw webhookNotFound();
    const rows = await queryRows<WebhookDeliveryDto>(
      context.manager,
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery d
        WHERE d.endpoint_id = $1
          AND ($2::uuid IS NULL OR d.id < $2)
          AND ($3::text IS NULL OR d.status = $3)
          AND ($4::text IS NULL OR d.event_type = $4)
          AND ($5::timestamptz IS NULL OR d.created_at >= $5)
          AND ($6::timestamptz IS NULL OR d.created_at < $6)
        ORDER BY d.id DESC LIMIT $7`,
      [webhookId, page.after?.[0] ?? null, query.status ?? null, query.eventType ?? null, query.since ?? null, query.until ?? null, page.fetch],
    );
    return paginate(rows, page, (delivery) => [delivery.id]);
  }

  async summary(context: RequestContext, id: string): Promise<WebhookDeliveryDto> {
    const [delivery] = await queryRows<WebhookDeliveryDto>(context.manager, `SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery d WHERE d.id = $1`, [id]);
    if (!delivery) throw webhookDeliveryNotFound();
    return delivery;
  }

  async get(context: RequestContext, id: string): Promise<WebhookDeliveryDetailDto> {
    const [delivery] = await queryRows<Omit<WebhookDeliveryDetailDto, 'attempts'>>(
      context.manager,
      `SELECT ${DELIVERY_COLUMNS}, d.payload FROM webhook_delivery d WHERE d.id = $1`,
      [id],
    );
    if (!delivery) throw webhookDeliveryNotFound();
    const attempts = await queryRows<WebhookAttemptDto>(
      context.manager,
      `SELECT ${ATTEMPT_COLUMNS} FROM webhook_attempt a WHERE a.delivery_id = $1 ORDER BY a.attempt`,
      [id],
    );
    return { ...delivery, attempts };
  }

  /** Sends the same payload again as a new delivery with a fresh schedule; its `webhook-id` stays the event's. */
  async redeliver(context: RequestContext, id: string): Promise<WebhookDeliveryDto> {
    const [original] = await queryRows<NewDelivery>(
      context.manager,
      `SELECT endpoint_id AS "endpointId", event_id AS "eventId", event_type AS "eventType", payload FROM webhook_delivery WHERE id = $1`,
      [id],
    );
    if (!original) throw webhookDeliveryNotFound();
    const [deliveryId] = await this.scheduler.schedule(context.manager, context.tenantId, [original]);
    return this.summary(context, deliveryId);
  }
}
