import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CacheStats } from '@kassa/api/cache';
import { OutboxStats } from '@kassa/api/events';
import { WebhookAttemptStats } from '@kassa/api/webhooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the pg pool tells about itself (the driver's `master`). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * This process's Prometheus metrics (DESIGN.md §9), on a registry of its own so two apps in one
 * process (replicas in a test) keep their counts apart. Counts kept by other domains (cache, outbox,
 * webhooks) are read when Prometheus scrapes.
 */
@Injectable()
export class KassaMetrics implements OnModuleInit {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly dbQueryDuration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Database statements by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'kassa_errors_total',
    help: 'Unexpected errors recorded, by source (api, web, pos) and severity.',
    labelNames: ['source', 'severity'] as const,
    registers: [this.registry],
  });

  /** Set by the realtime gateway as sockets come and go. */
  readonly socketConnections = new Gauge({ name: 'kassa_socket_connections', help: 'Open realtime sockets on this process.', registers: [this.registry] });

  constructor(
    private readonly dataSource: DataSource,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry });
    // Several API processes may share a port (API_WORKERS): each scrape answers for the one that took it.
    new Gauge({ name: 'kassa_process_info', help: 'The API process that answered, by pid.', labelNames: ['pid'] as const, registers: [this.registry] }).set(
      { pid: String(process.pid) },
      1,
    );
    const histogram = this.dbQueryDuration;
    this.dataSource.subscribers.push({
      afterQuery(event) {
        if (event.executionTime !== undefined) histogram.observe({ outcome: event.success ? 'success' : 'error' }, event.executionTime / 1000);
      },
    });
    this.poolGauge();
    this.cacheCounter();
    this.outboxMetrics();
    this.webhookCounter();
  }

  private poolGauge(): void {
    const pool = (this.dataSource.driver as unknown as { master?: PoolCounts }).master;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections: in use, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        if (!pool) return;
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  private cacheCounter(): void {
    const stats = this.optional(CacheStats);
    new Counter({
      name: 'kassa_cache_requests_total',
      help: 'Cached reads by area and outcome (a miss ran the loader).',
      labelNames: ['area', 'outcome'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [area, { hits, misses }] of stats?.snapshot() ?? []) {
          this.inc({ area, outcome: 'hit' }, hits);
          this.inc({ area, outcome: 'miss' }, misses);
        }
      },
    });
  }

  private outboxMetrics(): void {
    const outbox = this.optional(OutboxStats);
    if (!outbox) return;
    new Counter({
      name: 'kassa_outbox_events_relayed_total',
      help: 'Events this process published from the outbox.',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(outbox.relayed());
      },
    });
    new Gauge({
      name: 'kassa_outbox_relay_lag_seconds',
      help: 'Age of the oldest event not yet published (0 when none waits).',
      registers: [this.registry],
      async collect() {
        this.set(await outbox.lagSeconds());
      },
    });
    new Gauge({
      name: 'kassa_queue_jobs',
      help: 'Jobs per queue and state (completed and failed: those the queue still keeps).',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await outbox.queueCounts();
        for (const [state, count] of Object.entries(counts)) this.set({ queue: 'outbox', state }, count);
      },
    });
  }

  private webhookCounter(): void {
    const stats = this.optional(WebhookAttemptStats);
    new Counter({
      name: 'kassa_webhook_attempts_total',
      help: 'Webhook delivery attempts by outcome.',
      labelNames: ['outcome'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [outcome, count] of stats?.snapshot() ?? []) this.inc({ outcome }, count);
      },
    });
  }

  /** A domain's stats where that domain runs in this process (the worker has no cache, for one). */
  private optional<T>(type: abstract new (...args: never[]) => T): T | undefined {
    try {
      return this.modules.get(type, { strict: false });
    } catch {
      return undefined;
    }
  }
}
