import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CacheStats } from '@kassa/api/cache';
import { TenantTransaction } from '@kassa/api/database';
import { DataSource } from 'typeorm';
import { bucketOf, LATENCY_BUCKETS_MS } from './latency-buckets';

export const ROLLUP_SETTINGS = Symbol('ROLLUP_SETTINGS');

export interface RollupSettings {
  flushMs: number;
  retentionDays: number;
}

interface Cell {
  tenantId: string;
  minute: string;
  route: string;
  requests: number;
  errors: number;
  buckets: number[];
  sumMs: number;
  cacheHits: number;
  cacheMisses: number;
}

const CLEANUP_EVERY_MS = 60 * 60 * 1000;

/**
 * Per-tenant request rollups per minute and route template (issue 28): counted in memory and added
 * to `request_rollup` every few seconds, each tenant in its own transaction, so any number of
 * processes add into the same rows. Rows older than the retention are deleted hourly.
 */
@Injectable()
export class RequestRollups implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(RequestRollups.name);
  private cells = new Map<string, Cell>();
  private readonly cacheByRequest = new Map<string, { hits: number; misses: number }>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private lastCleanup = 0;
  private minute = { start: 0, iso: '' };

  constructor(
    private readonly tenants: TenantTransaction,
    private readonly dataSource: DataSource,
    private readonly cacheStats: CacheStats,
    @Inject(ROLLUP_SETTINGS) private readonly settings: RollupSettings,
  ) {}

  onModuleInit(): void {
    this.cacheStats.listen(({ requestId, outcome }) => {
      if (!requestId) return;
      const counts = this.cacheByRequest.get(requestId) ?? { hits: 0, misses: 0 };
      if (outcome === 'hit') counts.hits += 1;
      else counts.misses += 1;
      this.cacheByRequest.set(requestId, counts);
    });
    this.timer = setInterval(() => void this.flush(), this.settings.flushMs);
    this.timer.unref();
  }

  /** One answered request of a tenant. */
  record(tenantId: string, route: string, status: number, ms: number, requestId: string): void {
    const minute = this.minuteOf(Date.now());
    const key = `${tenantId}|${minute}|${route}`;
    const cell = this.cells.get(key) ?? {
      tenantId,
      minute,
      route,
      requests: 0,
      errors: 0,
      buckets: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0),
      sumMs: 0,
      cacheHits: 0,
      cacheMisses: 0,
    };
    cell.requests += 1;
    if (status >= 500) cell.errors += 1;
    cell.buckets[bucketOf(ms)] += 1;
    cell.sumMs += ms;
    const cache = this.cacheByRequest.get(requestId);
    this.cacheByRequest.delete(requestId);
    cell.cacheHits += cache?.hits ?? 0;
    cell.cacheMisses += cache?.misses ?? 0;
    this.cells.set(key, cell);
  }

  /** The minute `now` falls in, as the rollup rows name it; worked out once a minute, not for every request. */
  private minuteOf(now: number): string {
    const start = Math.floor(now / 60_000) * 60_000;
    if (start !== this.minute.start) this.minute = { start, iso: new Date(start).toISOString() };
    return this.minute.iso;
  }

  /** Adds what was counted since the last flush to the database (one flush at a time). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write()).catch((error: unknown) => this.logger.error({ err: error }, 'rollup flush failed'));
    return this.flushing;
  }

  /** Before the database pool closes (that happens in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(): Promise<void> {
    const cells = [...this.cells.values()];
    this.cells = new Map();
    const byTenant = new Map<string, Cell[]>();
    for (const cell of cells) byTenant.set(cell.tenantId, [...(byTenant.get(cell.tenantId) ?? []), cell]);
    for (const [tenantId, rows] of byTenant) {
      await this.tenants.run(tenantId, async (manager) => {
        for (const cell of rows) {
          await manager.query(
            `INSERT INTO request_rollup AS r (tenant_id, minute, route, requests, errors, latency_buckets, latency_sum_ms, cache_hits, cache_misses)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (tenant_id, minute, route) DO UPDATE
                SET requests = r.requests + excluded.requests, errors = r.errors + excluded.errors,
                    latency_buckets = (SELECT array_agg(a + b ORDER BY i) FROM unnest(r.latency_buckets, excluded.latency_buckets) WITH ORDINALITY AS t(a, b, i)),
                    latency_sum_ms = r.latency_sum_ms + excluded.latency_sum_ms,
                    cache_hits = r.cache_hits + excluded.cache_hits, cache_misses = r.cache_misses + excluded.cache_misses`,
            [tenantId, cell.minute, cell.route, cell.requests, cell.errors, cell.buckets, cell.sumMs, cell.cacheHits, cell.cacheMisses],
          );
        }
      });
    }
    if (Date.now() - this.lastCleanup >= CLEANUP_EVERY_MS) {
      this.lastCleanup = Date.now();
      await this.dataSource.query(`SELECT monitoring_delete_expired($1)`, [this.settings.retentionDays]);
    }
  }
}
