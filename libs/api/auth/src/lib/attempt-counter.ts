import type Redis from 'ioredis';

/** Counts failures per key inside a window that starts at the first failure. */
export interface AttemptCounter {
  /** Failures so far and milliseconds until the window ends (0 when there are none). */
  peek(key: string): Promise<{ failures: number; retryAfterMs: number }>;
  recordFailure(key: string, windowMs: number): Promise<void>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Shared by every API replica (DESIGN.md §5: the login throttle is Redis-backed). */
export class RedisAttemptCounter implements AttemptCounter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async peek(key: string) {
    const [[, failures], [, ttl]] = (await this.redis.multi().get(this.prefix + key).pttl(this.prefix + key).exec()) as [
      [null, string | null],
      [null, number],
    ];
    return { failures: Number(failures ?? 0), retryAfterMs: Math.max(ttl, 0) };
  }

  async recordFailure(key: string, windowMs: number) {
    await this.redis
      .multi()
      .incr(this.prefix + key)
      .pexpire(this.prefix + key, windowMs, 'NX')
      .exec();
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }

  async close() {
    this.redis.disconnect();
  }
}

/** The in-process stand-in for embedded mode, where one API process is all there is. */
export class MemoryAttemptCounter implements AttemptCounter {
  private readonly entries = new Map<string, { failures: number; until: number }>();

  async peek(key: string) {
    const entry = this.live(key);
    return entry ? { failures: entry.failures, retryAfterMs: entry.until - Date.now() } : { failures: 0, retryAfterMs: 0 };
  }

  async recordFailure(key: string, windowMs: number) {
    const entry = this.live(key);
    if (entry) entry.failures += 1;
    else this.entries.set(key, { failures: 1, until: Date.now() + windowMs });
  }

  async reset(key: string) {
    this.entries.delete(key);
  }

  async close() {
    this.entries.clear();
  }

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.until <= Date.now()) this.entries.delete(key);
    return entry && entry.until > Date.now() ? entry : undefined;
  }
}
