import { Inject, Injectable } from '@nestjs/common';
import { EndpointSlots } from './endpoint-slots';
import { WebhookDeliverer } from './webhook-deliverer';
import type { WebhookDeliveryJob } from './webhook-delivery-queue';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

/**
 * Runs a delivery's next attempt. Its request waits briefly for one of its endpoint's slots in this process;
 * failing that, the job only asks to be run again shortly, freeing the queue slot, so a hung receiver holds at
 * most its own slots and deliveries to other endpoints keep moving.
 */
@Injectable()
export class WebhookDeliveryRunner {
  private readonly slots: EndpointSlots;
  /** Deliveries being attempted in this process: a second job for one of them (the sweep's, beside its batch's) waits its turn. */
  private readonly attempting = new Set<string>();

  constructor(
    private readonly deliverer: WebhookDeliverer,
    @Inject(WEBHOOK_SETTINGS) settings: WebhookSettings,
  ) {
    this.slots = new EndpointSlots(settings.maxInFlightPerEndpoint);
  }

  /** How long to wait before running the job again, or undefined when it is finished. */
  async run(job: WebhookDeliveryJob): Promise<number | undefined> {
    const outcome = await this.next(job);
    return outcome === 'no-slot' ? this.slots.busyRetryMs() : outcome;
  }

  /** The delay before deliveries that found no slot try again. */
  busyRetryMs(): number {
    return this.slots.busyRetryMs();
  }

  /** As `run`, but answers `no-slot` when the attempt was not made for want of a slot, so a batch job can carry it on. */
  async next(job: WebhookDeliveryJob): Promise<number | 'no-slot' | undefined> {
    if (this.attempting.has(job.deliveryId)) return 'no-slot';
    this.attempting.add(job.deliveryId);
    try {
      return await this.deliverer.attempt(job, this.slots);
    } finally {
      this.attempting.delete(job.deliveryId);
    }
  }
}
