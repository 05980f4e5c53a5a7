import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@kassa/contracts';
import { Job, Queue } from 'bullmq';
import { EventQueue, OUTBOX_QUEUE_NAME, outboxJobId, QueueCounts } from './event-queue';
import type { QueueHandlers } from './in-process-event-queue';

export const QUEUE_HANDLERS = Symbol('QUEUE_HANDLERS');

/** Publishes to the BullMQ `outbox` queue shared by every API and worker process. */
@Injectable()
export class BullMqEventQueue implements EventQueue {
  private readonly logger = new Logger(BullMqEventQueue.name);

  constructor(@InjectQueue(OUTBOX_QUEUE_NAME) private readonly queue: Queue<EventEnvelope>) {
    // A Redis failover or restart is survived by reconnecting; without a listener the emitter reports it as unhandled.
    queue.on('error', (error: Error) => this.logger.warn(`outbox queue: ${error.message}`));
  }

  async add(events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    // A job id that already exists is ignored: redispatching after a relay crash is harmless.
    await this.queue.addBulk(events.map((event) => ({ name: event.type, data: event, opts: { jobId: outboxJobId(event.id) } })));
  }

  async retry(event: EventEnvelope): Promise<void> {
    const job = await this.queue.getJob(outboxJobId(event.id));
    if (job && (await job.isFailed())) await job.retry('failed');
    else if (!job) await this.add([event]);
  }

  /** Completed and failed are the jobs BullMQ still keeps (a day's completed, a week's failed). */
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

/** Consumes the `outbox` queue in this process; jobs running together share their consumers' transactions (EventConsumers). */
@Processor(OUTBOX_QUEUE_NAME, { concurrency: 64 })
export class OutboxProcessor extends WorkerHost {
  private readonly logger = new Logger(OutboxProcessor.name);

  constructor(@Inject(QUEUE_HANDLERS) private readonly handlers: QueueHandlers) {
    super();
  }

  process(job: Job<EventEnvelope>): Promise<void> {
    return this.handlers.deliver(job.data);
  }

  /** Connection trouble (a Redis failover, a restart): the worker reconnects by itself; this only says so. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`outbox worker: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<EventEnvelope> | undefined, error: Error): Promise<void> {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      await this.handlers.exhausted(job.data, job.attemptsMade, error);
    }
  }
}
