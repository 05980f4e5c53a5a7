import { Injectable } from '@nestjs/common';
import type { EventEnvelope, EventType } from '@kassa/contracts';
import { queryRows, TenantTransaction } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';

/** Something that reacts to events: webhooks, realtime, analytics rollups, notifications. */
export interface EventConsumer {
  /** Stable: processed-event markers and dead letters are keyed by it. */
  name: string;
  types: readonly EventType[] | 'all';
  /** Runs in the event's tenant transaction, which also records that this consumer processed it. */
  handle(event: EventEnvelope, manager: EntityManager): Promise<void>;
}

export interface DeliveryFailure {
  consumer: string;
  error: unknown;
}

const wants = (consumer: EventConsumer, event: EventEnvelope) => consumer.types === 'all' || consumer.types.includes(event.type);

/** The consumer registry, and delivery that is idempotent per consumer and event id. */
@Injectable()
export class EventConsumers {
  private readonly consumers: EventConsumer[] = [];

  constructor(private readonly tenants: TenantTransaction) {}

  register(consumer: EventConsumer): void {
    if (this.consumers.some((existing) => existing.name === consumer.name)) {
      throw new Error(`an event consumer named ${consumer.name} is already registered`);
    }
    this.consumers.push(consumer);
  }

  /** Who takes which types (null: every type), as the relay's recovery sweep passes them to the database. */
  subscriptions(): { name: string; types: readonly EventType[] | null }[] {
    return this.consumers.map((consumer) => ({ name: consumer.name, types: consumer.types === 'all' ? null : consumer.types }));
  }

  consumersOf(event: EventEnvelope): EventConsumer[] {
    return this.consumers.filter((consumer) => wants(consumer, event));
  }

  /**
   * Gives the event to every consumer that has not processed it yet. Each runs in its own
   * transaction together with its processed marker, so a redelivery never repeats an effect
   * and one failing consumer does not hold back the others.
   */
  async deliver(event: EventEnvelope): Promise<DeliveryFailure[]> {
    const failures: DeliveryFailure[] = [];
    for (const consumer of this.consumersOf(event)) {
      try {
        await this.tenants.run(event.tenantId, async (manager) => {
          const claimed = await queryRows<{ event_id: string }>(
            manager,
            `INSERT INTO processed_event (tenant_id, consumer, event_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [event.tenantId, consumer.name, event.id],
          );
          if (claimed.length === 0) return;
          await consumer.handle(event, manager);
        });
      } catch (error) {
        failures.push({ consumer: consumer.name, error });
      }
    }
    return failures;
  }
}
