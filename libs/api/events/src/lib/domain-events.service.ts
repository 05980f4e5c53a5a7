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

type PendingEvent = NewEvent & { id: string; requestId: string | null };

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

  /** Events held back by `collecting`, per transaction. */
  private readonly collected = new WeakMap<EntityManager, PendingEvent[]>();

  async record<T extends EventType, D extends EventData<T>>(context: EventWriteContext, event: ExactEvent<T, D>): Promise<string> {
    const [id] = await this.write(context, [event as unknown as NewEvent]);
    return id;
  }

  /** Many events in one statement (imports); same envelope, same transaction rules as `record`; build each with `newEvent`. */
  async recordMany(context: EventWriteContext, events: readonly NewEvent[]): Promise<void> {
    await this.write(context, events);
  }

  /**
   * Events built in SQL, for a statement that writes rows and records their events in one go (decision 0045): the
   * `INSERT` of one event per row of `source`, a relation the caller's statement names (a CTE) with the columns `type`,
   * `aggregate_type`, `aggregate_id`, `aggregate_version` and `data` (jsonb, its type's schema in libs/contracts, which
   * the caller's SQL must keep to). The caller embeds it (`WITH …, events AS (<sql>) …`) with `parameters` appended,
   * the first numbered `firstParameter`. Same envelope as `record`; written at once, even inside `collecting`.
   */
  insertFrom(context: EventWriteContext, source: string, firstParameter: number): { sql: string; parameters: unknown[] } {
    this.wakeRelayAfterCommit(context);
    const tenant = `$${firstParameter}::uuid`;
    const request = `$${firstParameter + 1}::text`;
    return {
      sql: `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data, request_id)
            SELECT ${tenant}, uuidv7(), e.type, e.aggregate_type, e.aggregate_id, e.aggregate_version, e.data, ${request} FROM ${source} e`,
      parameters: [context.tenantId, context.requestId ?? null],
    };
  }

  /**
   * Runs `work` with the events it records in this transaction held back and written in one statement when it ends
   * (decision 0038): a request that records events from several services sends one insert, still before it commits.
   * If `work` fails, nothing is written (its transaction rolls back anyway).
   */
  async collecting<T>(context: EventWriteContext, work: () => Promise<T>): Promise<T> {
    if (this.collected.has(context.manager)) return work();
    const pending: PendingEvent[] = [];
    this.collected.set(context.manager, pending);
    let result: T;
    try {
      result = await work();
    } finally {
      this.collected.delete(context.manager);
    }
    await this.insert(context, pending);
    return result;
  }

  private async write(context: EventWriteContext, events: readonly NewEvent[]): Promise<string[]> {
    const pending = events.map((event) => ({ ...event, id: uuidv7(), requestId: context.requestId ?? null }));
    const collected = this.collected.get(context.manager);
    if (collected) collected.push(...pending);
    else await this.insert(context, pending);
    return pending.map((event) => event.id);
  }

  private async insert(context: EventWriteContext, events: PendingEvent[]): Promise<void> {
    if (events.length === 0) return;
    await context.manager.query(
      `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data, request_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::int[], $7::jsonb[], $8::text[])`,
      [
        context.tenantId,
        events.map((event) => event.id),
        events.map((event) => event.type),
        events.map((event) => event.aggregateType),
        events.map((event) => event.aggregateId),
        events.map((event) => event.aggregateVersion),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => event.requestId),
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
