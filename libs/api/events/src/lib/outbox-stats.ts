import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EVENT_QUEUE, EventQueue, QueueCounts } from './event-queue';

/** One shop's events still on their way to the queue. */
export interface OutboxBacklog {
  /** Not yet handed to the queue: waiting for the relay's stamp, or stamped and not yet dispatched. */
  waiting: number;
  /** Age of the oldest of them in seconds; 0 when none waits. */
  oldestSeconds: number;
}

/**
 * What the metrics need of the outbox: events relayed by this process, the relay's lag, and the queue's jobs; and, for
 * a shop's own monitoring page, its backlog.
 */
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

  /**
   * The backlog of the tenant whose transaction `manager` runs in: row-level security limits the read to its rows. Each
   * arm reads one partial index (unpublished; published and undispatched).
   */
  async tenantBacklog(manager: EntityManager): Promise<OutboxBacklog> {
    const [row] = await manager.query<{ waiting: number; oldestSeconds: number }[]>(
      `SELECT count(*)::int AS waiting, coalesce(extract(epoch FROM now() - min(w.occurred_at)), 0)::double precision AS "oldestSeconds"
         FROM (SELECT e.occurred_at FROM outbox_event e WHERE e.sequence IS NULL
               UNION ALL
               SELECT e.occurred_at FROM outbox_event e WHERE e.sequence IS NOT NULL AND e.dispatched_at IS NULL) w`,
    );
    return { waiting: row.waiting, oldestSeconds: Math.round(Number(row.oldestSeconds) * 10) / 10 };
  }

  queueCounts(): Promise<QueueCounts> {
    return this.queue.counts();
  }
}
