import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@kassa/api/config';
import type { AttemptCounter } from './attempt-counter';
import { ATTEMPT_COUNTER } from './login-throttle';
import { pinLocked, signInUnavailable } from './auth.exception';

/** Wrong PINs for a user on one till before that till locks them out, and across tills before every till does. */
export const PIN_MAX_FAILURES_PER_REGISTER = 5;
export const PIN_MAX_FAILURES = 10;

const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The login throttle's counting, for PINs (PIN sign-in and discount approvals): each attempt is
 * counted before the PIN is checked, so concurrent guesses cannot check more than the limit, and a
 * right PIN starts the user over. Counted per user on a register (a register has one device) and
 * per user across registers; the window is the sign-in lockout's.
 */
@Injectable()
export class PinThrottle {
  private readonly logger = new Logger(PinThrottle.name);

  constructor(
    @Inject(ATTEMPT_COUNTER) private readonly counter: AttemptCounter,
    private readonly config: AppConfig,
  ) {}

  private keys(tenantId: string, userId: string, registerId: string | undefined) {
    return { user: `pin:user:${tenantId}:${userId}`, register: `pin:register:${tenantId}:${registerId ?? 'none'}:${userId}` };
  }

  async admit(tenantId: string, userId: string, registerId: string | undefined): Promise<void> {
    const keys = this.keys(tenantId, userId, registerId);
    const verdict = await this.counter
      .take(
        [
          { key: keys.register, limit: PIN_MAX_FAILURES_PER_REGISTER },
          { key: keys.user, limit: PIN_MAX_FAILURES },
        ],
        this.config.auth.login.lockoutSeconds * 1000,
      )
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'PIN refused: the attempt counter is unavailable');
        throw signInUnavailable(UNAVAILABLE_RETRY_AFTER_SECONDS);
      });
    if (!verdict.allowed) throw pinLocked(Math.max(Math.ceil(verdict.retryAfterMs / 1000), 1));
  }

  async recordSuccess(tenantId: string, userId: string, registerId: string | undefined): Promise<void> {
    const keys = this.keys(tenantId, userId, registerId);
    await Promise.all([this.counter.reset(keys.register), this.counter.reset(keys.user)]).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'could not reset the PIN attempt count'),
    );
  }
}
