import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EventEnvelope } from '@kassa/contracts';
import { AppConfig } from '@kassa/api/config';
import { queryRows, TenantTransaction } from '@kassa/api/database';
import { DataSource, EntityManager } from 'typeorm';
import { EventConsumers } from './event-consumers';
import { EVENT_QUEUE, EventQueue } from './event-queue';
import { ENVELOPE_COLUMNS } from './event-row';
import { OutboxListener } from './outbox-listener';
import { OutboxSignal } from './outbox-signal';
import { OutboxStats } from './outbox-stats';
import { sequenceRuns } from './sequence-runs';

const BATCH_SIZE = 500;
const CLEANUP_EVERY_MS = 60 * 60 * 1000;
/** How far back the recovery sweep looks for dispatched events whose job was lost (by published_at, index-backed). */
const LOST_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * Publishes committed events (DESIGN.md §3). Per tenant, under that tenant's counter row lock,
 * it stamps the next gapless `sequence` numbers in insert order and commits; then it hands the
 * events to the queue and marks them dispatched. A relay that dies between the two leaves
 * stamped, undispatched events, which any relay hands over again after OUTBOX_RECOVERY_SECONDS.
 * A queue that loses jobs (Redis restarted empty) leaves dispatched events no consumer will see: every
 * OUTBOX_RECOVERY_SECONDS a sweep hands over again those of the last day that some consumer wanting them has
 * neither processed nor dead-lettered. The job id dedupes a job still queued; consumers are idempotent by event id.
 * Only finding the tenants with work, and retention, cross tenants: through the database functions
 * of docs/decisions/0009. Everything else runs in the tenant's own transaction.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private lastCleanup = 0;
  private lastLostSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantTransaction,
    @Inject(EVENT_QUEUE) private readonly queue: EventQueue,
    private readonly signal: OutboxSignal,
    private readonly listener: OutboxListener,
    private readonly config: AppConfig,
    private readonly stats: OutboxStats,
    private readonly consumers: EventConsumers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.outbox.relay) return;
    await this.listener.start();
    this.running = true;
    this.loop = this.run();
  }

  /** Before the database pool closes (that happens in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.signal.ring();
    await this.loop;
    await this.listener.stop();
  }

  /**
   * One pass: for each tenant with work, hand over its abandoned events again and stamp and dispatch its new ones;
   * when the recovery sweep is due, also hand over again its events whose job was lost. Answers how many it stamped.
   */
  async publishPending(): Promise<number> {
    return (await this.pass()).published;
  }

  /** A pass, and whether a tenant had more than a batch waiting (an import's events), so the next need not wait for a ring or a poll. */
  private async pass(): Promise<{ published: number; more: boolean }> {
    const sweepLost = this.lostSweepDue();
    let published = 0;
    let more = false;
    for (const tenantId of await this.tenantsWithWork(sweepLost)) {
      const { lost, abandoned, stamped } = await this.tenants.run(tenantId, async (manager) => ({
        lost: sweepLost ? await this.lostIn(manager, tenantId) : [],
        abandoned: await this.abandonedIn(manager),
        stamped: await this.stampIn(manager, tenantId),
      }));
      if (lost.length > 0) {
        this.logger.warn({ tenantId, events: lost.length }, 'outbox relay hands over again dispatched events no consumer has seen');
        await this.queue.addEach(lost);
      }
      await this.dispatch(tenantId, [...abandoned, ...stamped]);
      this.stats.recordRelayed(stamped.length);
      published += stamped.length;
      more ||= stamped.length === BATCH_SIZE || abandoned.length === BATCH_SIZE;
    }
    return { published, more };
  }

  /** Gives the next sequence numbers to up to BATCH_SIZE of a tenant's unpublished events, in insert order. */
  stamp(tenantId: string): Promise<EventEnvelope[]> {
    return this.tenants.run(tenantId, (manager) => this.stampIn(manager, tenantId));
  }

  private async stampIn(manager: EntityManager, tenantId: string): Promise<EventEnvelope[]> {
    await manager.query(`INSERT INTO tenant_event_sequence (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING`, [tenantId]);
    const [counter]: { last: string }[] = await manager.query(
      `SELECT last_sequence AS last FROM tenant_event_sequence WHERE tenant_id = $1 FOR UPDATE SKIP LOCKED`,
      [tenantId],
    );
    if (!counter) return []; // another relay is stamping this tenant right now
    const stamped = await queryRows<EventEnvelope>(
      manager,
      `UPDATE outbox_event e SET sequence = next.sequence, published_at = now()
         FROM (SELECT id, $2::bigint + row_number() OVER (ORDER BY position) AS sequence
                 FROM outbox_event WHERE tenant_id = $1 AND sequence IS NULL ORDER BY position LIMIT $3) next
        WHERE e.tenant_id = $1 AND e.id = next.id
        RETURNING ${ENVELOPE_COLUMNS}`,
      [tenantId, counter.last, BATCH_SIZE],
    );
    if (stamped.length > 0) {
      await manager.query(`UPDATE tenant_event_sequence SET last_sequence = last_sequence + $2 WHERE tenant_id = $1`, [tenantId, stamped.length]);
    }
    return stamped.sort((a, b) => a.sequence - b.sequence);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let more = false;
      try {
        ({ more } = await this.pass());
        await this.cleanUpIfDue();
      } catch (error) {
        this.logger.error({ err: error }, 'outbox relay pass failed');
      }
      // A backlog drains pass after pass; otherwise the relay sleeps until a commit rings it or the poll comes round.
      if (!more) await this.signal.wait(this.config.outbox.pollMs);
    }
  }

  private lostSweepDue(): boolean {
    if (Date.now() - this.lastLostSweep < Math.max(this.config.outbox.recoverySeconds * 1000, this.config.outbox.pollMs)) return false;
    this.lastLostSweep = Date.now();
    return true;
  }

  private async tenantsWithWork(sweepLost: boolean): Promise<string[]> {
    const rows: { tenantId: string }[] = await this.dataSource.query(`SELECT tenant AS "tenantId" FROM outbox_tenants_with_work($1, $2, $3) AS tenant`, [
      this.config.outbox.recoverySeconds,
      sweepLost ? LOST_WINDOW_SECONDS : 0,
      JSON.stringify(this.consumers.subscriptions()),
    ]);
    return rows.map((row) => row.tenantId);
  }

  /** Dispatched events of the last day that a consumer wanting them has neither processed nor dead-lettered: their job was lost. */
  private lostIn(manager: EntityManager, tenantId: string): Promise<EventEnvelope[]> {
    return queryRows<EventEnvelope>(
      manager,
      `SELECT ${ENVELOPE_COLUMNS} FROM outbox_event e
        WHERE e.tenant_id = $1
          AND e.published_at >= now() - make_interval(secs => $2) AND e.dispatched_at <= now() - make_interval(secs => $3)
          AND EXISTS (
            SELECT 1 FROM jsonb_to_recordset($4::jsonb) AS c(name text, types text[])
             WHERE (c.types IS NULL OR e.type = ANY (c.types))
               AND NOT EXISTS (SELECT 1 FROM processed_event p WHERE p.tenant_id = e.tenant_id AND p.consumer = c.name AND p.event_id = e.id)
               AND NOT EXISTS (SELECT 1 FROM dead_letter d WHERE d.tenant_id = e.tenant_id AND d.event_id = e.id AND d.consumer = c.name))
        ORDER BY e.sequence LIMIT $5`,
      [tenantId, LOST_WINDOW_SECONDS, this.config.outbox.recoverySeconds, JSON.stringify(this.consumers.subscriptions()), BATCH_SIZE],
    );
  }

  /** Stamped events a relay claimed and did not dispatch within OUTBOX_RECOVERY_SECONDS: it died in between. */
  private abandonedIn(manager: EntityManager): Promise<EventEnvelope[]> {
    return queryRows<EventEnvelope>(
      manager,
      `SELECT ${ENVELOPE_COLUMNS} FROM outbox_event e
        WHERE e.sequence IS NOT NULL AND e.dispatched_at IS NULL
          AND e.published_at <= now() - make_interval(secs => $1)
        ORDER BY e.sequence LIMIT $2`,
      [this.config.outbox.recoverySeconds, BATCH_SIZE],
    );
  }

  private async dispatch(tenantId: string, events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    await this.queue.add(events);
    // By ranges of the tenant's sequence on the undispatched index: a list of ids let the planner, on statistics that
    // lag a burst (an import), read every event the tenant keeps for each batch.
    await this.tenants.run(tenantId, async (manager) => {
      for (const [first, last] of sequenceRuns(events.map((event) => event.sequence))) {
        await manager.query(`UPDATE outbox_event SET dispatched_at = now() WHERE tenant_id = $1 AND sequence BETWEEN $2 AND $3 AND dispatched_at IS NULL`, [
          tenantId,
          first,
          last,
        ]);
      }
    });
  }

  /** Events are kept EVENTS_RETENTION_DAYS for the events API; their processed markers go with them. */
  private async cleanUpIfDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query(`SELECT outbox_delete_expired($1)`, [this.config.outbox.retentionDays]);
  }
}
