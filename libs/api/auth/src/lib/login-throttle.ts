import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@kassa/api/config';
import type { AttemptCounter } from './attempt-counter';
import { signInUnavailable, tooManyAttempts } from './auth.exception';

export const ATTEMPT_COUNTER = Symbol('ATTEMPT_COUNTER');

/** What a client waits before trying again while the counter is unreachable (it reconnects within a second or so). */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * Wrong passwords in a row lock an account (and, at a higher threshold, an IP address) for a
 * window; while locked even the right password gets 429 with Retry-After. Each attempt is counted
 * before its password is checked (and uncounted if it was right), so concurrent attempts cannot
 * check more passwords than the limit. A success resets the account. Without the counter (Redis down)
 * it fails closed: 503 with Retry-After, no password checked.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottle.name);

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
    const verdict = await this.counter
      .take(
        [
          { key: keys.account, limit: maxFailures },
          { key: keys.ip, limit: maxFailuresPerIp },
        ],
        lockoutSeconds * 1000,
      )
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'sign-in refused: the attempt counter is unavailable');
        throw signInUnavailable(UNAVAILABLE_RETRY_AFTER_SECONDS);
      });
    if (!verdict.allowed) {
      throw tooManyAttempts(Math.max(Math.ceil(verdict.retryAfterMs / 1000), 1));
    }
  }

  /** The admitted attempt was right: the account starts over, and the address gets its attempt back. */
  async recordSuccess(tenantSlug: string, email: string, ip: string): Promise<void> {
    const keys = this.keys(tenantSlug, email, ip);
    // The password was right: losing the counter now only leaves this attempt counted as a failure.
    await Promise.all([this.counter.reset(keys.account), this.counter.giveBack(keys.ip)]).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'could not reset the sign-in attempt count'),
    );
  }

  /**
   * The same lockout for a password a signed-in user types again (`PUT /me/pin`): a stolen session
   * cannot guess the account's password faster than sign-in could. Counted per user.
   */
  async admitPasswordCheck(tenantId: string, userId: string): Promise<void> {
    const { maxFailures, lockoutSeconds } = this.config.auth.login;
    const verdict = await this.counter
      .take([{ key: this.passwordCheckKey(tenantId, userId), limit: maxFailures }], lockoutSeconds * 1000)
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'password check refused: the attempt counter is unavailable');
        throw signInUnavailable(UNAVAILABLE_RETRY_AFTER_SECONDS);
      });
    if (!verdict.allowed) throw tooManyAttempts(Math.max(Math.ceil(verdict.retryAfterMs / 1000), 1));
  }

  async recordPasswordCheckSuccess(tenantId: string, userId: string): Promise<void> {
    await this.counter
      .reset(this.passwordCheckKey(tenantId, userId))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not reset the password check count'));
  }

  private passwordCheckKey(tenantId: string, userId: string) {
    return `login:password-check:${tenantId}:${userId}`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.counter.close();
  }
}
