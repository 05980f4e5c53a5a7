import { Injectable } from '@nestjs/common';
import { OutboxStats } from '@kassa/api/events';
import { invalidField, RequestContext } from '@kassa/api/http';
import type {
  MonitoringSummaryDto,
  MonitoringSummaryQueryDto,
  RouteTrafficDto,
  TrafficFiguresDto,
  TrafficPointDto,
  WebVitalPageDto,
} from './dto/monitoring-summary.dto';
import { LATENCY_BUCKETS_MS, mergeBuckets, quantileOf } from './latency-buckets';
import { vitalQuantile, vitalRating, WebVitalMetric } from './web-vital-buckets';

const MAX_RANGE_MS = 31 * 24 * 3600 * 1000;
const STEPS_S = [60, 300, 900, 3600, 6 * 3600, 24 * 3600];
const MAX_POINTS = 120;
const TOP_ROUTES = 20;

interface RollupRow {
  at: string;
  route: string;
  requests: number;
  errors: number;
  cacheHits: number;
  cacheMisses: number;
  buckets: number[];
}

interface Tally {
  requests: number;
  errors: number;
  cacheHits: number;
  cacheMisses: number;
  buckets: number[];
}

const BUCKET_SUMS = Array.from({ length: LATENCY_BUCKETS_MS.length + 1 }, (_, index) => `sum(r.latency_buckets[${index + 1}])::int`).join(', ');

/** The shop's own traffic over a time range, from its rollups: series, totals and the slowest routes; and its event backlog now. */
@Injectable()
export class MonitoringSummaryService {
  constructor(private readonly outbox: OutboxStats) {}

  async summarize(context: RequestContext, query: MonitoringSummaryQueryDto): Promise<MonitoringSummaryDto> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 3600_000);
    if (from >= to) throw invalidField('from', 'must be before to');
    if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw invalidField('to', 'at most 31 days after from');
    const bucketSeconds = STEPS_S.find((step) => (to.getTime() - from.getTime()) / 1000 / step <= MAX_POINTS) ?? STEPS_S[STEPS_S.length - 1];
    const rows = await context.manager.query<RollupRow[]>(
      `SELECT to_char(date_bin(make_interval(secs => $3), r.minute, $1::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, r.route,
              sum(r.requests)::int AS requests, sum(r.errors)::int AS errors,
              sum(r.cache_hits)::int AS "cacheHits", sum(r.cache_misses)::int AS "cacheMisses", ARRAY[${BUCKET_SUMS}] AS buckets
         FROM request_rollup r
        WHERE r.minute >= $1 AND r.minute < $2 AND ($4::text IS NULL OR r.route = $4)
        GROUP BY 1, 2 ORDER BY 1`,
      [from.toISOString(), to.toISOString(), bucketSeconds, query.route ?? null],
    );
    const byTime = new Map<string, Tally>();
    const byRoute = new Map<string, Tally>();
    const total = emptyTally();
    for (const row of rows) {
      for (const [map, key] of [
        [byTime, row.at],
        [byRoute, row.route],
      ] as const) {
        const tally = map.get(key) ?? emptyTally();
        add(tally, row);
        map.set(key, tally);
      }
      add(total, row);
    }
    const series: TrafficPointDto[] = [...byTime].map(([at, tally]) => ({ at, ...figures(tally) }));
    const routes: RouteTrafficDto[] = [...byRoute]
      .map(([route, tally]) => ({ route, ...figures(tally) }))
      .sort((a, b) => (b.p95Ms ?? 0) - (a.p95Ms ?? 0))
      .slice(0, TOP_ROUTES);
    const vitals = await this.vitals(context, from, to);
    const events = await this.outbox.tenantBacklog(context.manager);
    return { from: from.toISOString(), to: to.toISOString(), bucketSeconds, total: figures(total), series, routes, vitals, events };
  }

  private async vitals(context: RequestContext, from: Date, to: Date): Promise<WebVitalPageDto[]> {
    const rows = await context.manager.query<{ page: string; metric: WebVitalMetric; source: 'web' | 'pos'; buckets: number[] }[]>(
      `SELECT page, metric, source, array_agg(total ORDER BY i) AS buckets
         FROM (SELECT r.page, r.metric, r.source, u.i, sum(u.count)::int AS total
                 FROM client_vital_rollup r, unnest(r.buckets) WITH ORDINALITY AS u(count, i)
                WHERE r.minute >= $1 AND r.minute < $2 GROUP BY r.page, r.metric, r.source, u.i) merged
        GROUP BY page, metric, source ORDER BY page, metric, source`,
      [from.toISOString(), to.toISOString()],
    );
    return rows.map(({ page, metric, source, buckets }) => {
      const p75 = vitalQuantile(metric, buckets, 0.75) ?? 0;
      return { page, metric, source, samples: buckets.reduce((sum, count) => sum + count, 0), p75, rating: vitalRating(metric, p75) };
    });
  }
}

function emptyTally(): Tally {
  return { requests: 0, errors: 0, cacheHits: 0, cacheMisses: 0, buckets: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0) };
}

function add(tally: Tally, row: RollupRow): void {
  tally.requests += row.requests;
  tally.errors += row.errors;
  tally.cacheHits += row.cacheHits;
  tally.cacheMisses += row.cacheMisses;
  mergeBuckets(tally.buckets, row.buckets);
}

function figures(tally: Tally): TrafficFiguresDto {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    requests: tally.requests,
    errors: tally.errors,
    p50Ms: round(quantileOf(tally.buckets, 0.5)),
    p95Ms: round(quantileOf(tally.buckets, 0.95)),
    p99Ms: round(quantileOf(tally.buckets, 0.99)),
    cacheHits: tally.cacheHits,
    cacheMisses: tally.cacheMisses,
  };
}
