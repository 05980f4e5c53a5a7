import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@kassa/api/config';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDeliveryModule } from './webhook-delivery.module';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Partner webhooks (DESIGN.md §4): the management API and delivery log, on top of delivery itself. */
@Module({})
export class WebhooksModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [WebhookDeliveryModule.forRoot(config)],
      // Deliveries first: its static `deliveries/:id` routes must not be read as `:id` of a webhook.
      controllers: [WebhookDeliveriesController, WebhooksController],
      providers: [WebhooksService, WebhookDeliveriesService],
      exports: [WebhooksService],
    };
  }
}
