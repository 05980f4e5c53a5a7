import { Injectable } from '@nestjs/common';
import { EventData, EventType, uuidv7 } from '@kassa/contracts';
import { afterCommit } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';
import { OutboxNotifier } from './outbox-notifier';
import { OutboxSignal } from './outbox-signal';

interface EventHead<T extends EventType> {
  type: T;
  aggregateType: string;
  aggregateId: string;
  /** The aggregate's version after this change, so consumers can order or drop stale events. */
  aggregateVersion: number;
}

/** An event to record, its `data` typed by its type's schema in libs/contracts. */
export type NewEvent<T extends EventType = EventType> = { [K in T]: EventHead<K> & { data: EventData<K> } }[T];

/** `data` holding no field its type's schema lacks: TypeScript checks excess properties of literals, not of spreads. */
type ExactData<D, T extends EventType> = D & Record<Exclude<keyof D, keyof EventData<T>>, never>;
type ExactEvent<T extends EventType, D> = EventHead<T> & { data: ExactData<D, T> };

/** One event of a `recordMany` batch, its `data` checked as `record` checks it. */
export const newEvent = <T extends EventType, D extends EventData<T>>(event: ExactEvent<T, D>): NewEvent<T> => event as unknown as NewEvent<T>;

/** Where an event is written: the caller's open tenant transaction (a RequestContext fits). */
export interface EventWriteContext {
  manager: EntityManager;
  tenantId: string;
  requestId?: string;
}

/**
 * Records a business event in the caller's transaction (DESIGN.md §3): it exists exactly when
 * the change that caused it commits. Publishing happens later, from the outbox relay.
 */
@Injectable()
export class DomainEvents {
  constructor(
    private readonly signal: OutboxSignal,
    private readonly notifier: OutboxNotifier,
  ) {}

  async record<T extends EventType, D extends EventData<T>>(context: EventWriteContext, event: ExactEvent<T, D>): Promise<string> {
    const id = uuidv7();
    await context.manager.query(
      `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [context.tenantId, id, event.type, event.aggregateType, event.aggregateId, event.aggregateVersion, JSON.stringify(event.data), context.requestId ?? null],
    );
    this.wakeRelayAfterCommit(context);
    return id;
  }

  /** Many events in one statement (imports); same envelope, same transaction rules as `record`; build each with `newEvent`. */
  async recordMany(context: EventWriteContext, events: readonly NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await context.manager.query(
      `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data, request_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::int[], $7::jsonb[], $8::text[])`,
      [
        context.tenantId,
        events.map(() => uuidv7()),
        events.map((event) => event.type),
        events.map((event) => event.aggregateType),
        events.map((event) => event.aggregateId),
        events.map((event) => event.aggregateVersion),
        events.map((event) => JSON.stringify(event.data)),
        events.map(() => context.requestId ?? null),
      ],
    );
    this.wakeRelayAfterCommit(context);
  }

  private wakeRelayAfterCommit(context: EventWriteContext): void {
    afterCommit(context.manager, () => {
      this.signal.ring();
      this.notifier.notifySoon();
    });
  }
}
