/** How soon a delivery that found its endpoint's slots full tries again (plus jitter, so they do not move in step). */
const BUSY_RETRY_MS = 250;
/** How long a delivery waits in this process for one of its endpoint's slots before giving its queue slot back. */
const SLOT_WAIT_MS = 200;

/** Requests in flight per endpoint in this process, capped at WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT. */
export class EndpointSlots {
  private readonly inFlight = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly perEndpoint: number) {}

  /** Takes a slot, waiting up to SLOT_WAIT_MS for one to free; false when none did. */
  acquire(endpointId: string): Promise<boolean> {
    const busy = this.inFlight.get(endpointId) ?? 0;
    if (busy < this.perEndpoint) {
      this.inFlight.set(endpointId, busy + 1);
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(endpointId) ?? [];
      this.waiting.set(endpointId, queue);
      const handOver = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(handOver), 1);
        if (queue.length === 0 && this.waiting.get(endpointId) === queue) this.waiting.delete(endpointId);
        resolve(false);
      }, SLOT_WAIT_MS);
      queue.push(handOver);
    });
  }

  /** Frees a slot, handing it straight to a waiting delivery if there is one. */
  release(endpointId: string): void {
    const queue = this.waiting.get(endpointId);
    const next = queue?.shift();
    if (queue?.length === 0) this.waiting.delete(endpointId);
    if (next) return next();
    const left = (this.inFlight.get(endpointId) ?? 1) - 1;
    if (left === 0) this.inFlight.delete(endpointId);
    else this.inFlight.set(endpointId, left);
  }

  /** The delay a delivery that found no slot asks for. */
  busyRetryMs(): number {
    return BUSY_RETRY_MS + Math.floor(Math.random() * BUSY_RETRY_MS);
  }
}
