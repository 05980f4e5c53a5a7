import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EventEnvelope } from '@kassa/contracts';
import { EventConsumers } from '@kassa/api/events';
import type { EntityManager } from 'typeorm';
import { WebhookDeliveryScheduler } from './webhook-delivery-scheduler';

/** Turns each published event into one delivery per enabled endpoint of its tenant that subscribes to its type. */
@Injectable()
export class WebhookEventConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly scheduler: WebhookDeliveryScheduler,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'webhooks',
      types: 'all',
      handle: (event, manager) => this.createDeliveries([event], manager),
      handleBatch: (events, manager) => this.createDeliveries(events, manager),
    });
  }

  /** The deliveries of a batch of one tenant's events: one read of its endpoints, one write. */
  private async createDeliveries(events: EventEnvelope[], manager: EntityManager): Promise<void> {
    const endpoints: { id: string; eventTypes: string[] }[] = await manager.query(
      `SELECT id, event_types AS "eventTypes" FROM webhook_endpoint WHERE enabled AND (event_types && $1::text[] OR '*' = ANY (event_types))`,
      [[...new Set(events.map((event) => event.type))]],
    );
    if (endpoints.length === 0) return;
    await this.scheduler.schedule(
      manager,
      events[0].tenantId,
      events.flatMap((event) =>
        endpoints
          .filter((endpoint) => endpoint.eventTypes.includes('*') || endpoint.eventTypes.includes(event.type))
          .map((endpoint) => ({ endpointId: endpoint.id, eventId: event.id, eventType: event.type, payload: event })),
      ),
    );
  }
}
