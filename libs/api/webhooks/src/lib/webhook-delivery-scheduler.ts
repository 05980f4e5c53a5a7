import { Inject, Injectable, Logger } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { afterCommit } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';
import { WEBHOOK_DELIVERY_QUEUE, WebhookDeliveryJob, WebhookDeliveryQueue } from './webhook-delivery-queue';

export interface NewDelivery {
  endpointId: string;
  /** The `webhook-id`: the event's id, the same for every retry and redelivery of it. */
  eventId: string;
  eventType: string;
  payload: object;
}

/**
 * Writes delivery rows in the caller's tenant transaction and queues their jobs once it commits
 * (DESIGN.md §2: no queue I/O inside a transaction; a rolled-back delivery is never sent).
 */
@Injectable()
export class WebhookDeliveryScheduler {
  private readonly logger = new Logger(WebhookDeliveryScheduler.name);

  constructor(@Inject(WEBHOOK_DELIVERY_QUEUE) private readonly queue: WebhookDeliveryQueue) {}

  async schedule(manager: EntityManager, tenantId: string, deliveries: NewDelivery[]): Promise<string[]> {
    const jobs: WebhookDeliveryJob[] = deliveries.map((delivery) => ({ tenantId, deliveryId: uuidv7(), endpointId: delivery.endpointId }));
    if (jobs.length === 0) return [];
    await manager.query(
      `INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id, event_type, payload)
       SELECT $1, d.id, d.endpoint_id, d.event_id, d.event_type, d.payload
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::json[]) AS d (id, endpoint_id, event_id, event_type, payload)`,
      [
        tenantId,
        jobs.map((job) => job.deliveryId),
        deliveries.map((delivery) => delivery.endpointId),
        deliveries.map((delivery) => delivery.eventId),
        deliveries.map((delivery) => delivery.eventType),
        deliveries.map((delivery) => JSON.stringify(delivery.payload)),
      ],
    );
    afterCommit(manager, () => {
      this.queue
        .add(jobs)
        .catch((error: unknown) => this.logger.error({ err: error, deliveries: jobs.map((job) => job.deliveryId) }, 'queueing webhook deliveries failed'));
    });
    return jobs.map((job) => job.deliveryId);
  }
}
