import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ErrorCode } from '@kassa/contracts';
import { AppConfig } from '@kassa/api/config';
import { ApiException } from '@kassa/api/http';
import type { AttemptCounter } from './attempt-counter';

export const ATTEMPT_COUNTER = Symbol('ATTEMPT_COUNTER');

/**
 * Wrong passwords in a row lock an account (and, at a higher threshold, an IP address) for a
 * window; while locked even the right password gets 429 with Retry-After. Each attempt is counted
 * before its password is checked (and uncounted if it was right), so concurrent attempts cannot
 * check more passwords than the limit. A success resets the account.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  constructor(
    @Inject(ATTEMPT_COUNTER) private readonly counter: AttemptCounter,
    private readonly config: AppConfig,
  ) {}

  private keys(tenantSlug: string, email: string, ip: string) {
    return { account: `login:account:${tenantSlug}:${email}`, ip: `login:ip:${ip}` };
  }

  /** Counts a sign-in attempt as a failure until it proves right, or refuses it with 429 before any check. */
  async admit(tenantSlug: string, email: string, ip: string): Promise<void> {
    const { maxFailures, maxFailuresPerIp, lockoutSeconds } = this.config.auth.login;
    const keys = this.keys(tenantSlug, email, ip);
    const verdict = await this.counter.take(
      [
        { key: keys.account, limit: maxFailures },
        { key: keys.ip, limit: maxFailuresPerIp },
      ],
      lockoutSeconds * 1000,
    );
    if (!verdict.allowed) {
      throw new ApiException(429, ErrorCode.TooManyAttempts, 'Too many failed sign-in attempts. Try again later.', undefined, {
        'retry-after': String(Math.max(Math.ceil(verdict.retryAfterMs / 1000), 1)),
      });
    }
  }

  /** The admitted attempt was right: the account starts over, and the address gets its attempt back. */
  async recordSuccess(tenantSlug: string, email: string, ip: string): Promise<void> {
    const keys = this.keys(tenantSlug, email, ip);
    await Promise.all([this.counter.reset(keys.account), this.counter.giveBack(keys.ip)]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.counter.close();
  }
}
