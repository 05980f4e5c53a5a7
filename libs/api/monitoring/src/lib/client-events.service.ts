import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@kassa/api/http';
import { ClientEventsAcceptedDto, ClientEventsDto } from './dto/client-events.dto';
import { ErrorTracker } from './error-tracker.service';

/** Browser errors one caller may report per minute per process; a page stuck in an error loop stops counting there. */
export const CLIENT_ERRORS_PER_MINUTE = 120;
const MINUTE_MS = 60_000;

/** Errors the browsers report (`source: web|pos`): into the same groups as the API's, with the page as the route. */
@Injectable()
export class ClientEventsService {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly errors: ErrorTracker) {}

  async record(context: RequestContext, batch: ClientEventsDto, now = Date.now()): Promise<ClientEventsAcceptedDto> {
    const caller = context.actor.kind === 'user' ? context.actor.userId : context.actor.kind === 'device' ? context.actor.deviceId : context.actor.apiKeyId;
    const allowed = batch.errors.slice(0, this.take(caller, batch.errors.length, now));
    for (const error of allowed) {
      await this.errors.recordIn(context.manager, context.tenantId, {
        source: error.source,
        severity: 'error',
        type: error.type,
        message: error.message,
        stack: error.stack,
        route: error.route,
        context: {
          page: error.route,
          appVersion: error.appVersion,
          requestId: context.requestId,
          userId: context.actor.kind === 'user' ? context.actor.userId : undefined,
          ip: context.ip,
          userAgent: context.userAgent,
        },
      });
    }
    return { recorded: allowed.length, dropped: batch.errors.length - allowed.length };
  }

  /** How many of `wanted` the caller's minute still has room for. */
  private take(caller: string, wanted: number, now: number): number {
    let window = this.windows.get(caller);
    if (!window || now - window.startedAt >= MINUTE_MS) {
      window = { startedAt: now, count: 0 };
      this.windows.set(caller, window);
      for (const [key, old] of this.windows) if (now - old.startedAt >= MINUTE_MS) this.windows.delete(key);
    }
    const granted = Math.min(wanted, CLIENT_ERRORS_PER_MINUTE - window.count);
    window.count += granted;
    return granted;
  }
}
