import type { EventEnvelope } from '@kassa/contracts';
import type { EventQueue, QueueCounts } from './event-queue';

export interface QueueHandlers {
  deliver(event: EventEnvelope): Promise<void>;
  exhausted(event: EventEnvelope, attempts: number, error: unknown): Promise<void>;
}

/**
 * Embedded mode's stand-in for BullMQ: the same contract (one delivery per event id at a time,
 * retries with exponential backoff, dead letters after the last attempt) inside this process.
 */
export class InProcessEventQueue implements EventQueue {
  private readonly inFlight = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private completed = 0;
  private failed = 0;

  constructor(
    private readonly handlers: QueueHandlers,
    private readonly maxAttempts: number,
    private readonly backoffMs: number,
  ) {}

  async add(events: EventEnvelope[]): Promise<void> {
    for (const event of events) {
      if (this.inFlight.has(event.id)) continue;
      this.inFlight.add(event.id);
      void this.attempt(event, 1);
    }
  }

  addEach(events: EventEnvelope[]): Promise<void> {
    return this.add(events);
  }

  retry(event: EventEnvelope): Promise<void> {
    return this.add([event]);
  }

  async counts(): Promise<QueueCounts> {
    return { waiting: this.inFlight.size - this.timers.size, active: 0, delayed: this.timers.size, completed: this.completed, failed: this.failed };
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(event: EventEnvelope, attempt: number): Promise<void> {
    try {
      await this.handlers.deliver(event);
      this.inFlight.delete(event.id);
      this.completed += 1;
    } catch (error) {
      if (attempt >= this.maxAttempts) {
        this.inFlight.delete(event.id);
        this.failed += 1;
        await this.handlers.exhausted(event, attempt, error).catch(() => undefined);
        return;
      }
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          void this.attempt(event, attempt + 1);
        },
        this.backoffMs * 2 ** (attempt - 1),
      );
      this.timers.add(timer);
    }
  }
}
