import { WebhookAttemptStats } from './webhook-attempt-stats';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@kassa/api/config';
import { BullMqWebhookDeliveryQueue, WebhookDeliveryProcessor } from './bullmq-webhook-delivery-queue';
import { HostResolver } from './host-resolver';
import { InProcessWebhookDeliveryQueue } from './in-process-webhook-delivery-queue';
import { WebhookDeliverer } from './webhook-deliverer';
import { WEBHOOK_DELIVERY_QUEUE, WEBHOOKS_QUEUE_NAME } from './webhook-delivery-queue';
import { WebhookDeliveryRunner } from './webhook-delivery-runner';
import { WebhookDeliveryScheduler } from './webhook-delivery-scheduler';
import { WebhookDeliverySweep } from './webhook-delivery-sweep';
import { WebhookEventConsumer } from './webhook-event.consumer';
import { WebhookHttpClient } from './webhook-http-client';
import { WEBHOOK_SETTINGS } from './webhook-settings';
import { WebhookTargetPolicy } from './webhook-target-policy';

/**
 * Webhook delivery without the HTTP API: the event consumer, the queue (BullMQ with Redis, in-process
 * without) and the signed, guarded sender. The API and the worker both run it.
 */
@Module({})
export class WebhookDeliveryModule {
  static forRoot(config: AppConfig): DynamicModule {
    // BullModule.forRoot is registered once, by EventsModule, for every queue of the process.
    const queue = config.redis
      ? {
          imports: [
            BullModule.registerQueue({
              name: WEBHOOKS_QUEUE_NAME,
              defaultJobOptions: {
                attempts: 5,
                backoff: { type: 'exponential', delay: 1000 },
                removeOnComplete: { age: 24 * 3600, count: 10_000 },
                removeOnFail: { age: 7 * 24 * 3600 },
              },
            }),
          ],
          providers: [BullMqWebhookDeliveryQueue, { provide: WEBHOOK_DELIVERY_QUEUE, useExisting: BullMqWebhookDeliveryQueue }, WebhookDeliveryProcessor],
        }
      : {
          imports: [],
          providers: [
            {
              provide: WEBHOOK_DELIVERY_QUEUE,
              inject: [WebhookDeliveryRunner],
              useFactory: (runner: WebhookDeliveryRunner) => new InProcessWebhookDeliveryQueue(runner, config.webhooks.retryScheduleMs[0]),
            },
          ],
        };
    return {
      module: WebhookDeliveryModule,
      imports: queue.imports,
      providers: [
        { provide: WEBHOOK_SETTINGS, useValue: config.webhooks },
        HostResolver,
        WebhookTargetPolicy,
        WebhookHttpClient,
        WebhookDeliverer,
        WebhookAttemptStats,
        WebhookDeliveryRunner,
        WebhookDeliveryScheduler,
        WebhookDeliverySweep,
        WebhookEventConsumer,
        ...queue.providers,
      ],
      exports: [WebhookDeliveryScheduler, WebhookTargetPolicy, HostResolver, WebhookAttemptStats],
    };
  }
}
