import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_QUEUE, EventQueue, QueueCounts } from './event-queue';

/** What the metrics need of the outbox: events relayed by this process, the relay's lag, and the queue's jobs. */
@Injectable()
export class OutboxStats {
  private relayedTotal = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_QUEUE) private readonly queue: EventQueue,
  ) {}

  recordRelayed(count: number): void {
    this.relayedTotal += count;
  }

  relayed(): number {
    return this.relayedTotal;
  }

  /** The age of the oldest event no relay has published yet, in seconds; 0 when none waits. */
  async lagSeconds(): Promise<number> {
    const [{ lag }]: { lag: number }[] = await this.dataSource.query(`SELECT outbox_relay_lag_seconds() AS lag`);
    return Number(lag);
  }

  queueCounts(): Promise<QueueCounts> {
    return this.queue.counts();
  }
}
