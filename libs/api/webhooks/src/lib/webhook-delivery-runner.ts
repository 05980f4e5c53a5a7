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

  constructor(
    private readonly deliverer: WebhookDeliverer,
    @Inject(WEBHOOK_SETTINGS) settings: WebhookSettings,
  ) {
    this.slots = new EndpointSlots(settings.maxInFlightPerEndpoint);
  }

  /** How long to wait before running the job again, or undefined when it is finished. */
  run(job: WebhookDeliveryJob): Promise<number | undefined> {
    return this.deliverer.attempt(job, this.slots);
  }
}
