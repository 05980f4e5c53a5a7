import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { TenantTransaction } from '@kassa/api/database';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { ErrorSeverity, ErrorSource, errorFingerprint, scrubSecrets } from './error-fingerprint';
import { KassaMetrics } from './kassa-metrics';
import { SentryForwarder } from './sentry-forwarder';

/** One occurrence of an error, as stored: never a request body, a header or a credential. */
export interface ErrorOccurrence {
  source: ErrorSource;
  severity: ErrorSeverity;
  type: string;
  message: string;
  stack?: string;
  route?: string;
  context: Record<string, string | number | boolean | null | undefined>;
}

const MESSAGE_LIMIT = 2_000;
const STACK_LIMIT = 16_000;

/**
 * Records unexpected errors in the tenant's `error_log`, one group per fingerprint: a recurrence adds
 * to the count and reopens a resolved group. Errors before a tenant is known (sign-in, a broken
 * request) are only logged, counted and forwarded.
 */
@Injectable()
export class ErrorTracker implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ErrorTracker.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly tenants: TenantTransaction,
    private readonly metrics: KassaMetrics,
    private readonly sentry: SentryForwarder,
  ) {}

  /** An unexpected error while serving `request` (from the problem filter, after the request's transaction rolled back). */
  captureRequestError(error: unknown, request: FastifyRequest): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    const authentication = request.authentication;
    const actor = authentication?.actor;
    const occurrence: ErrorOccurrence = {
      source: 'api',
      severity: 'error',
      type: failure.name || 'Error',
      message: failure.message,
      stack: failure.stack,
      route: request.routeOptions.url,
      context: {
        method: request.method,
        route: request.routeOptions.url,
        requestId: request.id,
        tenantId: authentication?.tenantId,
        userId: actor?.kind === 'user' ? actor.userId : undefined,
        apiKeyId: actor?.kind === 'api_key' ? actor.apiKeyId : undefined,
        deviceId: actor?.kind === 'device' ? actor.deviceId : undefined,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      },
    };
    this.sentry.forward(failure, occurrence);
    if (authentication) this.track(this.record(authentication.tenantId, occurrence));
    else this.metrics.errors.inc({ source: 'api', severity: 'error' });
  }

  /** Adds an occurrence to the tenant's group for it (creating or reopening the group), in a transaction of its own. */
  record(tenantId: string, occurrence: ErrorOccurrence): Promise<void> {
    return this.tenants.run(tenantId, (manager) => this.recordIn(manager, tenantId, occurrence));
  }

  /** The same inside the caller's transaction (a request reporting browser errors). */
  async recordIn(manager: EntityManager, tenantId: string, occurrence: ErrorOccurrence): Promise<void> {
    this.metrics.errors.inc({ source: occurrence.source, severity: occurrence.severity });
    const message = scrubSecrets(occurrence.message).slice(0, MESSAGE_LIMIT);
    const stack = occurrence.stack === undefined ? null : scrubSecrets(occurrence.stack).slice(0, STACK_LIMIT);
    const context = Object.fromEntries(
      Object.entries(occurrence.context)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, typeof value === 'string' ? scrubSecrets(value) : value]),
    );
    const fingerprint = errorFingerprint(occurrence.source, occurrence.type, occurrence.stack, occurrence.route);
    await manager.query(
      `INSERT INTO error_log AS g (tenant_id, id, fingerprint, source, severity, type, message, stack, route, context)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (tenant_id, fingerprint) DO UPDATE
            SET count = g.count + 1, last_seen_at = now(), message = excluded.message, stack = excluded.stack,
                context = excluded.context, severity = excluded.severity,
                status = 'open', resolved_at = NULL, resolved_by = NULL,
                reopened_at = CASE WHEN g.status = 'resolved' THEN now() ELSE g.reopened_at END,
                version = g.version + CASE WHEN g.status = 'resolved' THEN 1 ELSE 0 END`,
      [
        tenantId,
        uuidv7(),
        fingerprint,
        occurrence.source,
        occurrence.severity,
        occurrence.type.slice(0, 200),
        message,
        stack,
        occurrence.route ?? null,
        context,
      ],
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.pending);
  }

  private track(write: Promise<void>): void {
    const settled = write.catch((error: unknown) => this.logger.error({ err: error }, 'could not record an error in error_log'));
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
  }
}
