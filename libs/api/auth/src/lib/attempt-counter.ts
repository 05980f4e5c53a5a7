import type Redis from 'ioredis';

/** At most `limit` attempts counted under `key` per window; the window starts at the first attempt. */
export interface AttemptLimit {
  key: string;
  limit: number;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts attempts before the work they guard, so that concurrent attempts cannot all pass a
 * check made before any of them is counted.
 */
export interface AttemptCounter {
  /**
   * One atomic step: if every key is below its limit, counts the attempt under each of them and allows it;
   * otherwise counts nothing and says when the longest of the full windows ends.
   */
  take(limits: AttemptLimit[], windowMs: number): Promise<AttemptVerdict>;
  /** Uncounts one attempt under `key`, for an attempt that turned out not to be a failure. */
  giveBack(key: string): Promise<void>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

// KEYS: the counters; ARGV[1]: the window in ms, ARGV[1 + i]: the limit of KEYS[i]. Returns {1} or {0, retryAfterMs}.
const TAKE = `
local retryAfter = -1
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i + 1]) then
    retryAfter = math.max(retryAfter, redis.call('PTTL', key), 1)
  end
end
if retryAfter >= 0 then return {0, retryAfter} end
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('PEXPIRE', key, ARGV[1], 'NX')
end
return {1}`;

// Never below zero, and never recreates a counter whose window has ended.
const GIVE_BACK = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * Shared by every API replica (DESIGN.md §5: the login throttle is Redis-backed). Each step is one
 * Lua script, so it is atomic across replicas. (On a Redis Cluster the keys of one `take` would need a hash tag.)
 */
export class RedisAttemptCounter implements AttemptCounter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async take(limits: AttemptLimit[], windowMs: number): Promise<AttemptVerdict> {
    const keys = limits.map((limit) => this.prefix + limit.key);
    const [allowed, retryAfterMs] = (await this.redis.eval(TAKE, keys.length, ...keys, windowMs, ...limits.map((limit) => limit.limit))) as [number, number?];
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs: retryAfterMs ?? windowMs };
  }

  async giveBack(key: string) {
    await this.redis.eval(GIVE_BACK, 1, this.prefix + key);
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }

  async close() {
    this.redis.disconnect();
  }
}

/** The in-process stand-in for embedded mode, where one API process is all there is. Synchronous, hence atomic. */
export class MemoryAttemptCounter implements AttemptCounter {
  private readonly entries = new Map<string, { count: number; until: number }>();

  async take(limits: AttemptLimit[], windowMs: number): Promise<AttemptVerdict> {
    const full = limits.flatMap(({ key, limit }) => {
      const entry = this.live(key);
      return entry && entry.count >= limit ? [entry] : [];
    });
    if (full.length > 0) return { allowed: false, retryAfterMs: Math.max(...full.map((entry) => entry.until - Date.now()), 1) };
    for (const { key } of limits) {
      const entry = this.live(key);
      if (entry) entry.count += 1;
      else this.entries.set(key, { count: 1, until: Date.now() + windowMs });
    }
    return { allowed: true };
  }

  async giveBack(key: string) {
    const entry = this.live(key);
    if (entry && entry.count > 0) entry.count -= 1;
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
