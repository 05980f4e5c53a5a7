import { Injectable } from '@nestjs/common';

/**
 * Wakes the relay in this process. On real PostgreSQL a LISTEN connection rings it when any
 * process commits an event; in embedded mode (no LISTEN across connections) the writer rings it
 * after its own commit. Either way the relay also polls, so a missed ring only adds latency.
 */
@Injectable()
export class OutboxSignal {
  private waiting: (() => void)[] = [];
  private rung = false;

  ring(): void {
    this.rung = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  /** Resolves at the next ring (or at once if one came since the last wait), or after `timeoutMs`. */
  wait(timeoutMs: number): Promise<void> {
    if (this.rung) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((wake) => wake !== done);
        resolve();
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.rung = false;
        resolve();
      };
      this.waiting.push(done);
    });
  }
}
