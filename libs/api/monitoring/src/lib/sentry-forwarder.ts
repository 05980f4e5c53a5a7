import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import * as Sentry from '@sentry/nestjs';
import { scrubSecrets } from './error-fingerprint';
import type { ErrorOccurrence } from './error-tracker.service';

export const SENTRY_DSN = Symbol('SENTRY_DSN');

/**
 * Forwards unexpected errors to Sentry when SENTRY_DSN is set. No default integrations (no request
 * bodies, headers or cookies are attached), no personal data; what is sent is the error, its stack
 * and the same scrubbed context the error log keeps, without the caller's IP address.
 */
@Injectable()
export class SentryForwarder implements OnApplicationShutdown {
  private readonly client?: Sentry.NodeClient;

  constructor(@Optional() @Inject(SENTRY_DSN) dsn?: string) {
    if (!dsn) return;
    this.client = Sentry.init({
      dsn,
      sendDefaultPii: false,
      defaultIntegrations: false,
      skipOpenTelemetrySetup: true,
      tracesSampleRate: 0,
      beforeSend: (event) => {
        if (event.message) event.message = scrubSecrets(event.message);
        for (const exception of event.exception?.values ?? []) {
          if (exception.value) exception.value = scrubSecrets(exception.value);
        }
        return event;
      },
    });
  }

  forward(error: Error, occurrence: ErrorOccurrence): void {
    if (!this.client) return;
    const { ip: _ip, userAgent: _userAgent, ...context } = occurrence.context;
    Sentry.captureException(error, {
      level: occurrence.severity,
      tags: { source: occurrence.source, route: occurrence.route ?? 'none' },
      extra: Object.fromEntries(Object.entries(context).map(([key, value]) => [key, typeof value === 'string' ? scrubSecrets(value) : value])),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.flush(2_000);
  }
}
