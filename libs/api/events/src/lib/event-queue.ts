import type { EventEnvelope } from '@kassa/contracts';

export const EVENT_QUEUE = Symbol('EVENT_QUEUE');
export const OUTBOX_QUEUE_NAME = 'outbox';

/** The job id of one event's own delivery (DESIGN.md §3): the same event is never queued twice at once on its own. */
export const outboxJobId = (eventId: string) => `outbox-${eventId}`;

/**
 * The job id of a relay batch, named by its first event: a relay that hands the same stamped events over again
 * (it died before marking them dispatched) adds nothing while the first job is kept (decision 0047).
 */
export const outboxBatchJobId = (firstEventId: string) => `outbox-batch-${firstEventId}`;

/** Jobs per state, for the queue depth and outcome metrics. */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

/**
 * Hands published events to the consumers: BullMQ when Redis is configured, an in-process
 * queue in embedded mode. Both retry with backoff and dead-letter after the last attempt, event by event.
 */
export interface EventQueue {
  /**
   * The relay's hand-over of one tenant's events in sequence order. BullMQ carries them several to a job; an event
   * that fails there goes on alone, in a job of its own under `outboxJobId`, for its remaining attempts.
   */
  add(events: EventEnvelope[]): Promise<void>;
  /** Each event in a job of its own (the recovery sweep): a job still held under its id makes the add a no-op. */
  addEach(events: EventEnvelope[]): Promise<void>;
  /** Delivers a dead-lettered event again. */
  retry(event: EventEnvelope): Promise<void>;
  counts(): Promise<QueueCounts>;
}
