import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ErrorCode } from '@kassa/contracts';
import { AppConfig } from '@kassa/api/config';
import { ApiException } from '@kassa/api/http';
import type { AttemptCounter } from './attempt-counter';

export const ATTEMPT_COUNTER = Symbol('ATTEMPT_COUNTER');

/**
 * Wrong passwords in a row lock an account (and, at a higher threshold, an IP address) for a
 * window; while locked even the right password gets 429 with Retry-After. A success resets the account.
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

  async assertAllowed(tenantSlug: string, email: string, ip: string): Promise<void> {
    const { maxFailures, maxFailuresPerIp } = this.config.auth.login;
    const keys = this.keys(tenantSlug, email, ip);
    const [account, address] = await Promise.all([this.counter.peek(keys.account), this.counter.peek(keys.ip)]);
    const blocked = [account.failures >= maxFailures && account, address.failures >= maxFailuresPerIp && address].filter(
      (entry): entry is { failures: number; retryAfterMs: number } => Boolean(entry),
    );
    if (blocked.length > 0) {
      const retryAfterSeconds = Math.ceil(Math.max(...blocked.map((entry) => entry.retryAfterMs)) / 1000);
      throw new ApiException(ErrorCode.TooManyAttempts, 'Too many failed sign-in attempts. Try again later.', undefined, {
        'retry-after': String(Math.max(retryAfterSeconds, 1)),
      });
    }
  }

  async recordFailure(tenantSlug: string, email: string, ip: string): Promise<void> {
    const windowMs = this.config.auth.login.lockoutSeconds * 1000;
    const keys = this.keys(tenantSlug, email, ip);
    await Promise.all([this.counter.recordFailure(keys.account, windowMs), this.counter.recordFailure(keys.ip, windowMs)]);
  }

  async recordSuccess(tenantSlug: string, email: string, ip: string): Promise<void> {
    await this.counter.reset(this.keys(tenantSlug, email, ip).account);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.counter.close();
  }
}
