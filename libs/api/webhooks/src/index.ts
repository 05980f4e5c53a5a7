export { WebhooksModule } from './lib/webhooks.module';
export { WebhookDeliveryModule } from './lib/webhook-delivery.module';
export { WebhooksService } from './lib/webhooks.service';
export { HostResolver } from './lib/host-resolver';
export { WebhookAttemptStats } from './lib/webhook-attempt-stats';
export type { WebhookAttemptOutcome } from './lib/webhook-attempt-stats';
