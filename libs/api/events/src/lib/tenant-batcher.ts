interface Waiting<I, O> {
  item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

interface TenantQueue<I, O> {
  waiting: Waiting<I, O>[];
  running: number;
  scheduled: boolean;
}

/**
 * Group commit per tenant: items submitted by concurrent jobs wait for the next batch of their tenant, which
 * runs as one call (one transaction) for up to `maxItems`; at most `maxRunning` batches of a tenant run at once,
 * so while they do the next batch fills. Each submitter gets its own item's result, or the batch's error.
 */
export class TenantBatcher<I, O> {
  private readonly queues = new Map<string, TenantQueue<I, O>>();

  constructor(
    private readonly runBatch: (tenantId: string, items: I[]) => Promise<O[]>,
    private readonly maxItems = 200,
    private readonly maxRunning = 2,
  ) {}

  submit(tenantId: string, item: I): Promise<O> {
    let queue = this.queues.get(tenantId);
    if (!queue) {
      queue = { waiting: [], running: 0, scheduled: false };
      this.queues.set(tenantId, queue);
    }
    const waiting = queue.waiting;
    const result = new Promise<O>((resolve, reject) => waiting.push({ item, resolve, reject }));
    this.schedule(tenantId, queue);
    return result;
  }

  private schedule(tenantId: string, queue: TenantQueue<I, O>): void {
    if (queue.scheduled || queue.running >= this.maxRunning || queue.waiting.length === 0) {
      if (queue.running === 0 && queue.waiting.length === 0 && !queue.scheduled) this.queues.delete(tenantId);
      return;
    }
    queue.scheduled = true;
    // After the current turn of the event loop, so the jobs running alongside join the batch.
    setImmediate(() => {
      queue.scheduled = false;
      void this.run(tenantId, queue);
    });
  }

  private async run(tenantId: string, queue: TenantQueue<I, O>): Promise<void> {
    const batch = queue.waiting.splice(0, this.maxItems);
    if (batch.length === 0) return this.schedule(tenantId, queue);
    queue.running += 1;
    this.schedule(tenantId, queue);
    try {
      const results = await this.runBatch(
        tenantId,
        batch.map((waiting) => waiting.item),
      );
      batch.forEach((waiting, index) => waiting.resolve(results[index]));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      queue.running -= 1;
      this.schedule(tenantId, queue);
    }
  }
}
