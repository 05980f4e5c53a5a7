import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WEBHOOK_DELIVERY_QUEUE, WebhookDeliveryJob, WebhookDeliveryQueue } from './webhook-delivery-queue';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

const BATCH_SIZE = 1000;

/**
 * Never loses a delivery whose job vanished — queued after commit while Redis was away, or held on an
 * in-process timer when the process stopped: every `WEBHOOK_SWEEP_MS` it queues again the pending
 * deliveries overdue by that long. Queues skip jobs they still hold, so a slow backlog is not doubled.
 */
@Injectable()
export class WebhookDeliverySweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliverySweep.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WEBHOOK_DELIVERY_QUEUE) private readonly queue: WebhookDeliveryQueue,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error: unknown) => this.logger.error({ err: error }, 'webhook delivery sweep failed'))
        .finally(() => (this.sweeping = undefined));
    }, this.settings.sweepMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Queues the overdue pending deliveries of every tenant again; answers how many. */
  async sweep(): Promise<number> {
    // Across tenants through the narrow function of docs/decisions/0009, ids only.
    const overdue: WebhookDeliveryJob[] = await this.dataSource.query(
      `SELECT tenant_id AS "tenantId", delivery_id AS "deliveryId", endpoint_id AS "endpointId"
         FROM webhook_overdue_deliveries($1, $2)`,
      [this.settings.sweepMs, BATCH_SIZE],
    );
    if (overdue.length > 0) {
      this.logger.warn({ deliveries: overdue.length }, 'queueing overdue webhook deliveries again');
      await this.queue.requeue(overdue);
    }
    return overdue.length;
  }
}
