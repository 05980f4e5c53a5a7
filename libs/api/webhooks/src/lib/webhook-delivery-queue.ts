export const WEBHOOK_DELIVERY_QUEUE = Symbol('WEBHOOK_DELIVERY_QUEUE');
export const WEBHOOKS_QUEUE_NAME = 'webhooks';

/** One delivery of one event to one endpoint; attempts at it run as one job. */
export interface WebhookDeliveryJob {
  tenantId: string;
  deliveryId: string;
  endpointId: string;
}

export const webhookJobId = (deliveryId: string) => `webhook-${deliveryId}`;

/**
 * First attempts at deliveries to one endpoint, carried by one job (decision 0047), named by its first delivery. Those
 * that found the endpoint's slots full go on together in the next `round`.
 */
export interface WebhookBatchJob {
  tenantId: string;
  endpointId: string;
  deliveryIds: string[];
  round?: number;
}

export const webhookBatchJobId = (firstDeliveryId: string, round = 0) => `webhook-batch-${firstDeliveryId}${round > 0 ? `-${round}` : ''}`;

/**
 * Runs deliveries in the background: BullMQ when Redis is configured (so the worker shares the
 * load), an in-process stand-in in embedded mode. Each re-runs its job after the delay the runner asks for.
 */
export interface WebhookDeliveryQueue {
  add(jobs: WebhookDeliveryJob[]): Promise<void>;
  /** Adds jobs the queue no longer holds (the sweep's recovery); jobs it still holds are left alone. */
  requeue(jobs: WebhookDeliveryJob[]): Promise<void>;
}
