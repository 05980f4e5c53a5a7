import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { DelayedError, Job, Queue } from 'bullmq';
import { WebhookDeliveryJob, WebhookDeliveryQueue, webhookJobId, WEBHOOKS_QUEUE_NAME } from './webhook-delivery-queue';
import { WebhookDeliveryRunner } from './webhook-delivery-runner';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

/**
 * Queues deliveries on the BullMQ `webhooks` queue shared by every API and worker process. What is added in one
 * turn of the event loop (the deliveries of a batch of events, each added after its own commit) goes as one `addBulk`.
 */
@Injectable()
export class BullMqWebhookDeliveryQueue implements WebhookDeliveryQueue {
  private next?: { jobs: WebhookDeliveryJob[]; added: Promise<void> };

  constructor(
    @InjectQueue(WEBHOOKS_QUEUE_NAME) private readonly queue: Queue<WebhookDeliveryJob>,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

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
    const delay = this.settings.retryScheduleMs[0];
    await this.queue.addBulk(jobs.map((job) => ({ name: 'deliver', data: job, opts: { jobId: webhookJobId(job.deliveryId), delay } })));
  }

  /** A job id still waiting or delayed makes `add` a no-op; a finished one (kept for a while) must go first. */
  async requeue(jobs: WebhookDeliveryJob[]): Promise<void> {
    for (const job of jobs) {
      const existing = await this.queue.getJob(webhookJobId(job.deliveryId));
      const state = await existing?.getState();
      if (state === 'completed' || state === 'failed') await existing?.remove();
    }
    await this.add(jobs);
  }
}

/**
 * Works the `webhooks` queue: one job per delivery, moved back to delayed between its attempts. Jobs running
 * together share their reads and writes (WebhookDeliverer); the per-endpoint cap bounds the requests out.
 */
@Processor(WEBHOOKS_QUEUE_NAME, { concurrency: 64 })
export class WebhookDeliveryProcessor extends WorkerHost {
  constructor(private readonly runner: WebhookDeliveryRunner) {
    super();
  }

  async process(job: Job<WebhookDeliveryJob>, token?: string): Promise<void> {
    const waitMs = await this.runner.run(job.data);
    if (waitMs === undefined) return;
    await job.moveToDelayed(Date.now() + waitMs, token);
    throw new DelayedError();
  }
}
