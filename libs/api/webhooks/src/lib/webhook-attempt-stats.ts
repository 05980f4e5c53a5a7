import { Injectable } from '@nestjs/common';

/** How a delivery attempt ended: a 2xx, the endpoint gone (410), any other answer or none. */
export type WebhookAttemptOutcome = 'succeeded' | 'gone' | 'failed';

/** Delivery attempts made by this process, by outcome, for the metrics. */
@Injectable()
export class WebhookAttemptStats {
  private readonly counts = new Map<WebhookAttemptOutcome, number>();

  record(outcome: WebhookAttemptOutcome): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
  }

  snapshot(): ReadonlyMap<WebhookAttemptOutcome, number> {
    return new Map(this.counts);
  }
}
