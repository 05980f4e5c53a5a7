import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DelayedError, Job, Queue } from 'bullmq';
import { WebhookBatchJob, webhookBatchJobId, WebhookDeliveryJob, WebhookDeliveryQueue, webhookJobId, WEBHOOKS_QUEUE_NAME } from './webhook-delivery-queue';
import { WebhookDeliveryRunner } from './webhook-delivery-runner';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

/** Deliveries to one endpoint whose first attempts one job carries, at most. */
const DELIVERIES_PER_JOB = 50;
/** How soon a delivery whose attempt crashed (the database was away) in a batch job is tried again, in a job of its own. */
const CRASH_RETRY_MS = 1000;

type WebhookJob = WebhookDeliveryJob | WebhookBatchJob;

/**
 * Queues deliveries on the BullMQ `webhooks` queue shared by every API and worker process. What is added in one
 * turn of the event loop (the deliveries of a batch of events, each added after its own commit) goes as one `addBulk`,
 * the first attempts grouped per endpoint, up to DELIVERIES_PER_JOB to a job (decision 0047).
 */
@Injectable()
export class BullMqWebhookDeliveryQueue implements WebhookDeliveryQueue {
  private readonly logger = new Logger(BullMqWebhookDeliveryQueue.name);
  private next?: { jobs: WebhookDeliveryJob[]; added: Promise<void> };

  constructor(
    @InjectQueue(WEBHOOKS_QUEUE_NAME) private readonly queue: Queue<WebhookJob>,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {
    // A Redis failover or restart is survived by reconnecting; without a listener the emitter reports it as unhandled.
    queue.on('error', (error: Error) => this.logger.warn(`webhooks queue: ${error.message}`));
  }

  add(jobs: WebhookDeliveryJob[]): Promise<void> {
    if (jobs.length === 0) return Promise.resolve();
    if (!this.next) {
      const next: { jobs: WebhookDeliveryJob[]; added?: Promise<void> } = { jobs: [] };
      next.added = new Promise((resolve) => setImmediate(resolve)).then(() => {
        this.next = undefined;
        return this.addNow(next.jobs);
      });
      this.next = next as { jobs: WebhookDeliveryJob[]; added: Promise<void> };
    }
    this.next.jobs.push(...jobs);
    return this.next.added;
  }

  private async addNow(jobs: WebhookDeliveryJob[]): Promise<void> {
    const perEndpoint = new Map<string, WebhookBatchJob>();
    const batches: WebhookBatchJob[] = [];
    for (const job of jobs) {
      const key = `${job.tenantId}/${job.endpointId}`;
      let batch = perEndpoint.get(key);
      if (!batch || batch.deliveryIds.length >= DELIVERIES_PER_JOB) {
        batch = { tenantId: job.tenantId, endpointId: job.endpointId, deliveryIds: [] };
        perEndpoint.set(key, batch);
        batches.push(batch);
      }
      batch.deliveryIds.push(job.deliveryId);
    }
    const delay = this.settings.retryScheduleMs[0];
    // Not retried as a whole: its deliveries go on alone (WebhookDeliveryProcessor), or the sweep finds them overdue.
    await this.queue.addBulk(
      batches.map((batch) => ({ name: 'deliveries', data: batch, opts: { jobId: webhookBatchJobId(batch.deliveryIds[0]), delay, attempts: 1 } })),
    );
  }

  /** A batch's deliveries that found no slot, in one job again. */
  async nextRound(batch: WebhookBatchJob, delayMs: number): Promise<void> {
    await this.queue.add('deliveries', batch, { jobId: webhookBatchJobId(batch.deliveryIds[0], batch.round), delay: delayMs, attempts: 1 });
  }

  /** Deliveries going on alone, each in its job after its delay; a job still held under its id makes the add a no-op. */
  async later(jobs: { job: WebhookDeliveryJob; delayMs: number }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(jobs.map(({ job, delayMs }) => ({ name: 'deliver', data: job, opts: { jobId: webhookJobId(job.deliveryId), delay: delayMs } })));
  }

  /** A job id still waiting or delayed makes the add a no-op; a finished one (kept for a while) must go first. */
  async requeue(jobs: WebhookDeliveryJob[]): Promise<void> {
    for (const job of jobs) {
      const existing = await this.queue.getJob(webhookJobId(job.deliveryId));
      const state = await existing?.getState();
      if (state === 'completed' || state === 'failed') await existing?.remove();
    }
    await this.later(jobs.map((job) => ({ job, delayMs: this.settings.retryScheduleMs[0] })));
  }
}

/**
 * Works the `webhooks` queue. A batch job makes the first attempts at its endpoint's deliveries together. Each one
 * that needs another attempt (a retry, a crash) goes on in a job of its own, which is moved back to delayed between its
 * attempts; those that found the endpoint's slots full go on together. Jobs running together share their reads and
 * writes (WebhookDeliverer); the per-endpoint cap bounds the requests out.
 */
@Processor(WEBHOOKS_QUEUE_NAME, { concurrency: 64 })
export class WebhookDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    private readonly runner: WebhookDeliveryRunner,
    private readonly queue: BullMqWebhookDeliveryQueue,
  ) {
    super();
  }

  /** Connection trouble (a Redis failover, a restart): the worker reconnects by itself; this only says so. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`webhooks worker: ${error.message}`);
  }

  async process(job: Job<WebhookJob>, token?: string): Promise<void> {
    if (job.name === 'deliveries') return this.processBatch(job.data as WebhookBatchJob);
    const waitMs = await this.runner.run(job.data as WebhookDeliveryJob);
    if (waitMs === undefined) return;
    await job.moveToDelayed(Date.now() + waitMs, token);
    throw new DelayedError();
  }

  /**
   * Deliveries attempted and due again go on alone; those that found the endpoint's slots full go on together, in the
   * batch's next round, after the same short delay a single delivery would wait.
   */
  private async processBatch(batch: WebhookBatchJob): Promise<void> {
    const { tenantId, endpointId, deliveryIds, round = 0 } = batch;
    const jobs = deliveryIds.map((deliveryId) => ({ tenantId, endpointId, deliveryId }));
    const outcomes = await Promise.all(
      jobs.map((job) =>
        this.runner.next(job).catch((error: unknown) => {
          this.logger.error({ err: error, deliveryId: job.deliveryId }, 'webhook delivery crashed');
          return CRASH_RETRY_MS;
        }),
      ),
    );
    const noSlot = deliveryIds.filter((_, index) => outcomes[index] === 'no-slot');
    await Promise.all([
      this.queue.later(jobs.flatMap((job, index) => (typeof outcomes[index] === 'number' ? [{ job, delayMs: outcomes[index] }] : []))),
      noSlot.length > 0 ? this.queue.nextRound({ tenantId, endpointId, deliveryIds: noSlot, round: round + 1 }, this.runner.busyRetryMs()) : undefined,
    ]);
  }
}
