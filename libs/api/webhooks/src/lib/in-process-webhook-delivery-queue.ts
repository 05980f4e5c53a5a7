import { Logger, OnApplicationShutdown } from '@nestjs/common';
import type { WebhookDeliveryJob, WebhookDeliveryQueue } from './webhook-delivery-queue';
import type { WebhookDeliveryRunner } from './webhook-delivery-runner';

/** Tries a job whose attempt could not even be recorded (the database was away) this often, doubling the wait. */
const MAX_CRASHES = 5;
const CRASH_BACKOFF_MS = 1000;

/** Embedded mode's stand-in for the BullMQ `webhooks` queue: the same runner, on timers in this process. */
export class InProcessWebhookDeliveryQueue implements WebhookDeliveryQueue, OnApplicationShutdown {
  private readonly logger = new Logger(InProcessWebhookDeliveryQueue.name);
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Deliveries with a timer or an attempt running. */
  private readonly held = new Set<string>();
  private closed = false;

  constructor(
    private readonly runner: WebhookDeliveryRunner,
    private readonly firstDelayMs: number,
  ) {}

  async add(jobs: WebhookDeliveryJob[]): Promise<void> {
    for (const job of jobs) {
      this.held.add(job.deliveryId);
      this.later(job, this.firstDelayMs, 0);
    }
  }

  async requeue(jobs: WebhookDeliveryJob[]): Promise<void> {
    await this.add(jobs.filter((job) => !this.held.has(job.deliveryId)));
  }

  onApplicationShutdown(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(job: WebhookDeliveryJob, delayMs: number, crashes: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.run(job, crashes);
    }, delayMs);
    this.timers.add(timer);
  }

  private async run(job: WebhookDeliveryJob, crashes: number): Promise<void> {
    try {
      const waitMs = await this.runner.run(job);
      if (waitMs !== undefined) return this.later(job, waitMs, 0);
    } catch (error) {
      this.logger.error({ err: error, deliveryId: job.deliveryId }, 'webhook delivery crashed');
      if (crashes + 1 < MAX_CRASHES) return this.later(job, CRASH_BACKOFF_MS * 2 ** crashes, crashes + 1);
    }
    this.held.delete(job.deliveryId);
  }
}
