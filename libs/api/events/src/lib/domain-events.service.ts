import { Injectable } from '@nestjs/common';
import { EventType, uuidv7 } from '@kassa/contracts';
import { afterCommit } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';
import { OutboxNotifier } from './outbox-notifier';
import { OutboxSignal } from './outbox-signal';

export interface NewEvent {
  type: EventType;
  aggregateType: string;
  aggregateId: string;
  /** The aggregate's version after this change, so consumers can order or drop stale events. */
  aggregateVersion: number;
  data: Record<string, unknown>;
}

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

  async record(context: EventWriteContext, event: NewEvent): Promise<string> {
    const id = uuidv7();
    await context.manager.query(
      `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [context.tenantId, id, event.type, event.aggregateType, event.aggregateId, event.aggregateVersion, JSON.stringify(event.data), context.requestId ?? null],
    );
    this.wakeRelayAfterCommit(context);
    return id;
  }

  /** Many events in one statement (imports); same envelope, same transaction rules as `record`. */
  async recordMany(context: EventWriteContext, events: NewEvent[]): Promise<void> {
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
