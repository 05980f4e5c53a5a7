import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ApiException } from '@kassa/api/http';
import type { AttemptCounter } from './attempt-counter';
import { ATTEMPT_COUNTER } from './login-throttle';
import { rateLimitUnavailable } from './auth.exception';

export interface RateLimit {
  key: string;
  limit: number;
  windowSeconds: number;
}

const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * Limits on actions other than signing in (emailing receipts), on the sign-in throttle's counter:
 * each action is counted before its work, in a window that starts at the first. Over the limit the
 * caller's own refusal is thrown with the seconds left; without the counter (Redis down) 503, nothing done.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(@Inject(ATTEMPT_COUNTER) private readonly counter: AttemptCounter) {}

  async admit(limit: RateLimit, refuse: (retryAfterSeconds: number) => ApiException): Promise<void> {
    const verdict = await this.counter.take([{ key: `rate:${limit.key}`, limit: limit.limit }], limit.windowSeconds * 1000).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'action refused: the attempt counter is unavailable');
      throw rateLimitUnavailable(UNAVAILABLE_RETRY_AFTER_SECONDS);
    });
    if (!verdict.allowed) throw refuse(Math.max(Math.ceil(verdict.retryAfterMs / 1000), 1));
  }
}
