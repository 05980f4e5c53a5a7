import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@kassa/contracts';
import { AppConfig } from '@kassa/api/config';
import { Job, JobsOptions, Queue } from 'bullmq';
import { EventQueue, OUTBOX_QUEUE_NAME, outboxBatchJobId, outboxJobId, QueueCounts } from './event-queue';
import type { QueueHandlers } from './in-process-event-queue';

export const QUEUE_HANDLERS = Symbol('QUEUE_HANDLERS');

/** Events of one tenant that one relay job carries, at most: a consumer's batch (EventConsumers). */
const EVENTS_PER_JOB = 100;

/**
 * What an `outbox` job carries: a relay batch of one tenant's events (job name `events`), or one event under
 * `outboxJobId` (job name: its type). `attemptsBefore` counts the attempts the event had in a batch before it
 * went on alone. Jobs queued before decision 0047 carry the bare envelope.
 */
export interface OutboxJobData {
  events: EventEnvelope[];
  attemptsBefore?: number;
}

const jobData = (data: OutboxJobData | EventEnvelope): OutboxJobData => ('events' in data ? data : { events: [data] });

/** Publishes to the BullMQ `outbox` queue shared by every API and worker process. */
@Injectable()
export class BullMqEventQueue implements EventQueue {
  private readonly logger = new Logger(BullMqEventQueue.name);

  constructor(@InjectQueue(OUTBOX_QUEUE_NAME) private readonly queue: Queue<OutboxJobData>) {
    // A Redis failover or restart is survived by reconnecting; without a listener the emitter reports it as unhandled.
    queue.on('error', (error: Error) => this.logger.warn(`outbox queue: ${error.message}`));
  }

  async add(events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const jobs = [];
    for (let start = 0; start < events.length; start += EVENTS_PER_JOB) {
      const batch = events.slice(start, start + EVENTS_PER_JOB);
      // A job id that already exists is ignored: handing the same batch over again after a relay crash is harmless.
      jobs.push({ name: 'events', data: { events: batch }, opts: { jobId: outboxBatchJobId(batch[0].id) } });
    }
    await this.queue.addBulk(jobs);
  }

  async addEach(events: EventEnvelope[]): Promise<void> {
    await this.addAlone(events);
  }

  /** Each event in a job of its own; `opts` (the remaining attempts of events that failed in a batch) replace the queue's defaults. */
  async addAlone(events: EventEnvelope[], attemptsBefore = 0, opts: JobsOptions = {}): Promise<void> {
    if (events.length === 0) return;
    await this.queue.addBulk(
      events.map((event) => ({ name: event.type, data: { events: [event], attemptsBefore }, opts: { ...opts, jobId: outboxJobId(event.id) } })),
    );
  }

  async retry(event: EventEnvelope): Promise<void> {
    const job = await this.queue.getJob(outboxJobId(event.id));
    if (job && (await job.isFailed())) await job.retry('failed');
    else if (!job) await this.addEach([event]);
  }

  /** Jobs, not events (a relay job carries up to 100). Completed and failed are those BullMQ still keeps (a day's completed, a week's failed). */
  async counts(): Promise<QueueCounts> {
    const {
      waiting = 0,
      active = 0,
      delayed = 0,
      completed = 0,
      failed = 0,
    } = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    return { waiting, active, delayed, completed, failed };
  }
}

/**
 * Consumes the `outbox` queue in this process; jobs running together share their consumers' transactions (EventConsumers).
 * A relay job delivers its events and completes; those that failed go on alone (decision 0047): each in a job of its own
 * with the attempts and backoff it has left, or, when that was its last attempt, to the dead letters.
 */
@Processor(OUTBOX_QUEUE_NAME, { concurrency: 64 })
export class OutboxProcessor extends WorkerHost {
  private readonly logger = new Logger(OutboxProcessor.name);

  constructor(
    @Inject(QUEUE_HANDLERS) private readonly handlers: QueueHandlers,
    private readonly queue: BullMqEventQueue,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<OutboxJobData | EventEnvelope>): Promise<void> {
    const { events } = jobData(job.data);
    if (job.name !== 'events') return this.handlers.deliver(events[0]);
    const errors = await Promise.all(
      events.map((event) =>
        this.handlers.deliver(event).then(
          () => undefined,
          (error: unknown) => error ?? new Error('event delivery failed'),
        ),
      ),
    );
    const failed = events.flatMap((event, index) => (errors[index] === undefined ? [] : [{ event, error: errors[index] }]));
    if (failed.length > 0) await this.goOnAlone(failed);
  }

  /** Connection trouble (a Redis failover, a restart): the worker reconnects by itself; this only says so. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`outbox worker: ${error.message}`);
  }

  /**
   * After its last attempt, each event of the job that some consumer still has not processed is dead-lettered. An event
   * whose dead letter cannot be written (the database is gone too) is left to the relay's recovery sweep, which hands
   * over again what is neither processed nor dead-lettered; the error is logged, never thrown at the worker's emitter.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<OutboxJobData | EventEnvelope> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const { events, attemptsBefore = 0 } = jobData(job.data);
    try {
      for (const event of events) await this.handlers.exhausted(event, attemptsBefore + job.attemptsMade, error);
    } catch (recordError) {
      this.logger.error({ err: recordError, jobId: job.id }, 'could not dead-letter an exhausted outbox job; the recovery sweep hands it over again');
    }
  }

  /** The batch was each event's first attempt: the exponential backoff goes on from there, as if the event had had its own job. */
  private async goOnAlone(failed: { event: EventEnvelope; error: unknown }[]): Promise<void> {
    const { maxAttempts, retryBackoffMs } = this.config.outbox;
    if (maxAttempts <= 1) {
      for (const { event, error } of failed) await this.handlers.exhausted(event, 1, error);
      return;
    }
    await this.queue.addAlone(
      failed.map(({ event }) => event),
      1,
      { attempts: maxAttempts - 1, delay: retryBackoffMs, backoff: { type: 'exponential', delay: retryBackoffMs * 2 } },
    );
  }
}
