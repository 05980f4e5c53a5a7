import { Injectable, Logger } from '@nestjs/common';
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

/**
 * Passes events on outside the database to receivers that de-duplicate by event id (sockets): no transaction and no
 * processed marker, so it sees every delivery of an event, redeliveries included, and the lost-job sweep does not wait
 * for it (decision 0052). A push that throws is logged, not retried: the receiver's replay recovers what it missed.
 */
export interface LiveEventConsumer {
  name: string;
  types: readonly EventType[] | 'all';
  push(event: KassaEvent): void;
}

export interface DeliveryFailure {
  consumer: string;
  error: unknown;
}

const wants = (consumer: EventConsumer | LiveEventConsumer, event: EventEnvelope) => consumer.types === 'all' || consumer.types.includes(event.type);

/** Events of one tenant that a consumer takes in one transaction, at most. */
const BATCH_SIZE = 100;

/**
 * The consumer registry, and delivery that is idempotent per consumer and event id. Events delivered at the
 * same time (the queue runs jobs concurrently) are grouped per consumer and tenant into one transaction.
 */
@Injectable()
export class EventConsumers {
  private readonly logger = new Logger(EventConsumers.name);
  private readonly consumers: EventConsumer[] = [];
  private readonly liveConsumers: LiveEventConsumer[] = [];
  private readonly batchers = new Map<string, TenantBatcher<EventEnvelope, unknown>>();

  constructor(private readonly tenants: TenantTransaction) {}

  register(consumer: EventConsumer): void {
    this.refuseTakenName(consumer.name);
    this.consumers.push(consumer);
    // One batch of a tenant at a time per consumer: the next fills while it runs.
    this.batchers.set(consumer.name, new TenantBatcher((tenantId, events) => this.handleBatch(consumer, tenantId, events), BATCH_SIZE, 1));
  }

  registerLive(consumer: LiveEventConsumer): void {
    this.refuseTakenName(consumer.name);
    this.liveConsumers.push(consumer);
  }

  private refuseTakenName(name: string): void {
    if ([...this.consumers, ...this.liveConsumers].some((existing) => existing.name === name)) {
      throw new Error(`an event consumer named ${name} is already registered`);
    }
  }

  /** Who takes which types (null: every type), as the relay's recovery sweep passes them to the database: the consumers that keep markers. */
  subscriptions(): { name: string; types: readonly EventType[] | null }[] {
    return this.consumers.map((consumer) => ({ name: consumer.name, types: consumer.types === 'all' ? null : consumer.types }));
  }

  /** The consumers that keep markers and want the event: those a dead letter can name. */
  consumersOf(event: EventEnvelope): EventConsumer[] {
    return this.consumers.filter((consumer) => wants(consumer, event));
  }

  /**
   * Gives the event to every consumer that has not processed it yet. Each consumer handles it in a transaction
   * together with its processed marker, so a redelivery never repeats an effect and one failing consumer does
   * not hold back the others. Live consumers get it first, at once.
   */
  async deliver(event: EventEnvelope): Promise<DeliveryFailure[]> {
    for (const consumer of this.liveConsumers) if (wants(consumer, event)) this.pushLive(consumer, event);
    const outcomes = await Promise.all(
      this.consumersOf(event).map(async (consumer) => ({
        consumer: consumer.name,
        error: await this.batchers.get(consumer.name)?.submit(event.tenantId, event),
      })),
    );
    return outcomes.filter((outcome) => outcome.error !== undefined);
  }

  private pushLive(consumer: LiveEventConsumer, event: EventEnvelope): void {
    try {
      // Outbox rows are written only through DomainEvents, whose producers are typed by each type's data schema.
      consumer.push(event as KassaEvent);
    } catch (error) {
      this.logger.warn({ err: error, consumer: consumer.name, eventId: event.id }, 'live event consumer failed');
    }
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
