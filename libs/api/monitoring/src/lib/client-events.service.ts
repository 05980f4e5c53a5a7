import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@kassa/api/http';
import { ClientEventsAcceptedDto, ClientEventsDto, ClientVitalDto } from './dto/client-events.dto';
import { ErrorTracker } from './error-tracker.service';
import { SourceMapStacks, WEB_SOURCE_MAPS } from './source-map-stacks';
import { vitalBucketOf, WEB_VITAL_BUCKETS, WebVitalMetric } from './web-vital-buckets';

/** Browser errors one caller may report per minute per process; a page stuck in an error loop stops counting there. */
export const CLIENT_ERRORS_PER_MINUTE = 120;
/** Web Vitals likewise (a page load sends four or five). */
export const CLIENT_VITALS_PER_MINUTE = 120;
const MINUTE_MS = 60_000;

/**
 * What the browsers report (`source: web|pos`): errors into the same groups as the API's, with the page as the
 * route; Web Vitals into `client_vital_rollup` per minute, page, metric and source.
 */
@Injectable()
export class ClientEventsService {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly errors: ErrorTracker,
    @Inject(WEB_SOURCE_MAPS) private readonly sourceMaps: SourceMapStacks | null,
  ) {}

  async record(context: RequestContext, batch: ClientEventsDto, now = Date.now()): Promise<ClientEventsAcceptedDto> {
    const caller = context.actor.kind === 'user' ? context.actor.userId : context.actor.kind === 'device' ? context.actor.deviceId : context.actor.apiKeyId;
    const errors = batch.errors ?? [];
    const vitals = batch.vitals ?? [];
    const allowed = errors.slice(0, this.take(caller, errors.length, CLIENT_ERRORS_PER_MINUTE, now));
    const allowedVitals = vitals.slice(0, this.take(`${caller}|vitals`, vitals.length, CLIENT_VITALS_PER_MINUTE, now));
    for (const error of allowed) {
      // Mapped, the stack names the app's own files, and groups the same error across builds.
      const mapped = error.stack && this.sourceMaps ? await this.sourceMaps.map(error.stack) : undefined;
      await this.errors.recordIn(context.manager, context.tenantId, {
        source: error.source,
        severity: 'error',
        type: error.type,
        message: error.message,
        stack: mapped && mapped.mapped > 0 ? mapped.stack : error.stack,
        route: error.route,
        context: {
          page: error.route,
          appVersion: error.appVersion,
          sourceMappedFrames: mapped?.mapped,
          requestId: context.requestId,
          userId: context.actor.kind === 'user' ? context.actor.userId : undefined,
          ip: context.ip,
          userAgent: context.userAgent,
        },
      });
    }
    await this.recordVitals(context, allowedVitals, now);
    const recorded = allowed.length + allowedVitals.length;
    return { recorded, dropped: errors.length + vitals.length - recorded };
  }

  /** Adds the vitals, counted per (page, metric, source), into this minute's rows. */
  private async recordVitals(context: RequestContext, vitals: readonly ClientVitalDto[], now: number): Promise<void> {
    const cells = new Map<string, { page: string; metric: WebVitalMetric; source: string; buckets: number[]; sum: number; samples: number }>();
    for (const vital of vitals) {
      const key = `${vital.route}|${vital.metric}|${vital.source}`;
      const cell = cells.get(key) ?? {
        page: vital.route,
        metric: vital.metric,
        source: vital.source,
        buckets: new Array<number>(WEB_VITAL_BUCKETS[vital.metric].length + 1).fill(0),
        sum: 0,
        samples: 0,
      };
      cell.buckets[vitalBucketOf(vital.metric, vital.value)] += 1;
      cell.sum += vital.value;
      cell.samples += 1;
      cells.set(key, cell);
    }
    const minute = new Date(Math.floor(now / MINUTE_MS) * MINUTE_MS).toISOString();
    for (const cell of cells.values()) {
      await context.manager.query(
        `INSERT INTO client_vital_rollup AS r (tenant_id, minute, page, metric, source, samples, buckets, value_sum)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, minute, page, metric, source) DO UPDATE
            SET samples = r.samples + excluded.samples, value_sum = r.value_sum + excluded.value_sum,
                buckets = (SELECT array_agg(a + b ORDER BY i) FROM unnest(r.buckets, excluded.buckets) WITH ORDINALITY AS t(a, b, i))`,
        [context.tenantId, minute, cell.page, cell.metric, cell.source, cell.samples, cell.buckets, cell.sum],
      );
    }
  }

  /** How many of `wanted` the caller's minute still has room for. */
  private take(caller: string, wanted: number, limit: number, now: number): number {
    let window = this.windows.get(caller);
    if (!window || now - window.startedAt >= MINUTE_MS) {
      window = { startedAt: now, count: 0 };
      this.windows.set(caller, window);
      for (const [key, old] of this.windows) if (now - old.startedAt >= MINUTE_MS) this.windows.delete(key);
    }
    const granted = Math.min(wanted, limit - window.count);
    window.count += granted;
    return granted;
  }
}
