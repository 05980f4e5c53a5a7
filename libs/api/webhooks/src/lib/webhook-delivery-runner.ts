import { Inject, Injectable } from '@nestjs/common';
import { WebhookDeliverer } from './webhook-deliverer';
import type { WebhookDeliveryJob } from './webhook-delivery-queue';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

/** How soon a delivery that found its endpoint's slots full tries again (plus jitter, so they do not move in step). */
const BUSY_RETRY_MS = 250;

/**
 * Runs a delivery's next attempt unless its endpoint already has its share of attempts in flight in
 * this process: then it only asks to be run again shortly, freeing the queue slot, so a hung
 * receiver holds at most its own slots and deliveries to other endpoints keep moving.
 */
@Injectable()
export class WebhookDeliveryRunner {
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly deliverer: WebhookDeliverer,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  /** How long to wait before running the job again, or undefined when it is finished. */
  async run(job: WebhookDeliveryJob): Promise<number | undefined> {
    const busy = this.inFlight.get(job.endpointId) ?? 0;
    if (busy >= this.settings.maxInFlightPerEndpoint) return BUSY_RETRY_MS + Math.floor(Math.random() * BUSY_RETRY_MS);
    this.inFlight.set(job.endpointId, busy + 1);
    try {
      return await this.deliverer.attempt(job);
    } finally {
      const left = (this.inFlight.get(job.endpointId) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(job.endpointId);
      else this.inFlight.set(job.endpointId, left);
    }
  }
}
