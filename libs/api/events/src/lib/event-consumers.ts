import { Injectable } from '@nestjs/common';
import type { EventEnvelope, EventType, KassaEvent } from '@kassa/contracts';
import { queryRows, TenantTransaction } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';
import { TenantBatcher } from './tenant-batcher';

/** Something that reacts to events: webhooks, realtime, analytics rollups, notifications. */
export interface EventConsumer {
  /** Stable: processed-event markers and dead letters are keyed by it. */
  name: string;
  types: readonly EventType[] | 'all';
  /** Runs in the event's tenant transaction, which also records that this consumer processed it; narrow `data` by `type`. */
  handle(event: KassaEvent, manager: EntityManager): Promise<void>;
  /** When given, takes the events of a batch (one tenant, in sequence order) at once instead of `handle` on each. */
  handleBatch?(events: KassaEvent[], manager: EntityManager): Promise<void>;
}

export interface DeliveryFailure {
  consumer: string;
  error: unknown;
}

const wants = (consumer: EventConsumer, event: EventEnvelope) => consumer.types === 'all' || consumer.types.includes(event.type);

/** Events of one tenant that a consumer takes in one transaction, at most. */
const BATCH_SIZE = 100;

/**
 * The consumer registry, and delivery that is idempotent per consumer and event id. Events delivered at the
 * same time (the queue runs jobs concurrently) are grouped per consumer and tenant into one transaction.
 */
@Injectable()
export class EventConsumers {
  private readonly consumers: EventConsumer[] = [];
  private readonly batchers = new Map<string, TenantBatcher<EventEnvelope, unknown>>();

  constructor(private readonly tenants: TenantTransaction) {}

  register(consumer: EventConsumer): void {
    if (this.consumers.some((existing) => existing.name === consumer.name)) {
      throw new Error(`an event consumer named ${consumer.name} is already registered`);
    }
    this.consumers.push(consumer);
    // One batch of a tenant at a time per consumer: the next fills while it runs.
    this.batchers.set(consumer.name, new TenantBatcher((tenantId, events) => this.handleBatch(consumer, tenantId, events), BATCH_SIZE, 1));
  }

  /** Who takes which types (null: every type), as the relay's recovery sweep passes them to the database. */
  subscriptions(): { name: string; types: readonly EventType[] | null }[] {
    return this.consumers.map((consumer) => ({ name: consumer.name, types: consumer.types === 'all' ? null : consumer.types }));
  }

  consumersOf(event: EventEnvelope): EventConsumer[] {
    return this.consumers.filter((consumer) => wants(consumer, event));
  }

  /**
   * Gives the event to every consumer that has not processed it yet. Each consumer handles it in a transaction
   * together with its processed marker, so a redelivery never repeats an effect and one failing consumer does
   * not hold back the others.
   */
  async deliver(event: EventEnvelope): Promise<DeliveryFailure[]> {
    const outcomes = await Promise.all(
      this.consumersOf(event).map(async (consumer) => ({
        consumer: consumer.name,
        error: await this.batchers.get(consumer.name)?.submit(event.tenantId, event),
      })),
    );
    return outcomes.filter((outcome) => outcome.error !== undefined);
  }

  /** Each event's error, or undefined once handled: a failed batch is tried again event by event, so one bad event fails alone. */
  private async handleBatch(consumer: EventConsumer, tenantId: string, events: EventEnvelope[]): Promise<unknown[]> {
    try {
      await this.tenants.run(tenantId, (manager) => this.handleIn(manager, consumer, tenantId, events));
      return events.map(() => undefined);
    } catch (error) {
      if (events.length === 1) return [error ?? new Error('event consumer failed')];
      return Promise.all(
        events.map((event) =>
          this.tenants
            .run(tenantId, (manager) => this.handleIn(manager, consumer, tenantId, [event]))
            .then(
              () => undefined,
              (eventError: unknown) => eventError ?? new Error('event consumer failed'),
            ),
        ),
      );
    }
  }

  private async handleIn(manager: EntityManager, consumer: EventConsumer, tenantId: string, events: EventEnvelope[]): Promise<void> {
    const claimed = await queryRows<{ event_id: string }>(
      manager,
      `INSERT INTO processed_event (tenant_id, consumer, event_id) SELECT $1, $2, unnest($3::uuid[])
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [tenantId, consumer.name, events.map((event) => event.id)],
    );
    const unprocessed = new Set(claimed.map((row) => row.event_id));
    // Outbox rows are written only through DomainEvents, whose producers are typed by each type's data schema.
    const todo = [...events].sort((a, b) => a.sequence - b.sequence).filter((event) => unprocessed.delete(event.id)) as KassaEvent[];
    if (todo.length === 0) return;
    if (consumer.handleBatch) return consumer.handleBatch(todo, manager);
    for (const event of todo) await consumer.handle(event, manager);
  }
}
