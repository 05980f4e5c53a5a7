import type { EventEnvelope } from '@kassa/contracts';

export const EVENT_QUEUE = Symbol('EVENT_QUEUE');
export const OUTBOX_QUEUE_NAME = 'outbox';

/** The job id of an event's delivery (DESIGN.md §3): the same event is never queued twice at once. */
export const outboxJobId = (eventId: string) => `outbox-${eventId}`;

/**
 * Hands published events to the consumers: BullMQ when Redis is configured, an in-process
 * queue in embedded mode. Both retry with backoff and dead-letter after the last attempt.
 */
/** Jobs per state, for the queue depth and outcome metrics. */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export interface EventQueue {
  add(events: EventEnvelope[]): Promise<void>;
  /** Delivers a dead-lettered event again. */
  retry(event: EventEnvelope): Promise<void>;
  counts(): Promise<QueueCounts>;
}
