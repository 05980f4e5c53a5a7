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
    this.consumers.register({ name: 'webhooks', types: 'all', handle: (event, manager) => this.createDeliveries(event, manager) });
  }

  private async createDeliveries(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const endpoints: { id: string }[] = await manager.query(
      `SELECT id FROM webhook_endpoint WHERE enabled AND ($1 = ANY (event_types) OR '*' = ANY (event_types))`,
      [event.type],
    );
    await this.scheduler.schedule(
      manager,
      event.tenantId,
      endpoints.map((endpoint) => ({ endpointId: endpoint.id, eventId: event.id, eventType: event.type, payload: event })),
    );
  }
}
