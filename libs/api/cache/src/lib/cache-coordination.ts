import type { RedisClientConnectionType } from '@keyv/redis';

/**
 * The shared state next to the cached values: generation counters, and the short lock that lets one
 * replica load a cold key while the others wait for its value.
 */
export interface CacheCoordination {
  generation(key: string): Promise<number>;
  bump(key: string): Promise<void>;
  /** True when this caller now holds the lock (for `ms` at most). */
  acquire(key: string, token: string, ms: number): Promise<boolean>;
  release(key: string, token: string): Promise<void>;
  /**
   * The stored entry `before + <current generation of generationKey> + after`, raw, in one round trip; null when there
   * is none, undefined when this coordination cannot tell (no shared store, or bumps still to replay).
   */
  lookup(generationKey: string, before: string, after: string): Promise<string | null | undefined>;
}

/**
 * Reads the generation and the entry under it at once. The entry's key is built in the script, so it is not declared:
 * on a Redis Cluster it must share the generation's slot, which the tenant's hash tag in both keys ensures.
 */
const LOOKUP_SCRIPT = `local generation = redis.call('GET', KEYS[1]) or '0'
return redis.call('GET', ARGV[1] .. generation .. ARGV[2])`;

/** Deletes the lock only while it is still ours: one that expired and was taken by another replica stays. */
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export class RedisCacheCoordination implements CacheCoordination {
  /** Generations whose bump failed while Redis was away: bumped once it answers again, so a value cached before the outage is not served after it. */
  private readonly missedBumps = new Set<string>();

  constructor(
    private readonly client: () => Promise<RedisClientConnectionType>,
    private readonly prefix: string,
  ) {}

  async generation(key: string): Promise<number> {
    const client = await this.client();
    await this.replayMissedBumps(client);
    const value = await client.get(this.prefix + key);
    return value === null ? 0 : Number(value);
  }

  async bump(key: string): Promise<void> {
    try {
      const client = await this.client();
      await this.replayMissedBumps(client);
      await client.incr(this.prefix + key);
    } catch (error) {
      this.missedBumps.add(key);
      throw error;
    }
  }

  private async replayMissedBumps(client: RedisClientConnectionType): Promise<void> {
    for (const key of [...this.missedBumps]) {
      await client.incr(this.prefix + key);
      this.missedBumps.delete(key);
    }
  }

  async acquire(key: string, token: string, ms: number): Promise<boolean> {
    const reply = await (await this.client()).set(this.prefix + key, token, { condition: 'NX', expiration: { type: 'PX', value: ms } });
    return reply === 'OK';
  }

  async release(key: string, token: string): Promise<void> {
    await (await this.client()).eval(RELEASE_SCRIPT, { keys: [this.prefix + key], arguments: [token] });
  }

  async lookup(generationKey: string, before: string, after: string): Promise<string | null | undefined> {
    if (this.missedBumps.size > 0) return undefined;
    const reply = await (await this.client()).eval(LOOKUP_SCRIPT, { keys: [this.prefix + generationKey], arguments: [this.prefix + before, after] });
    return typeof reply === 'string' ? reply : null;
  }
}

/** One process without Redis: its own counters, and no lock needed beyond the in-process single flight. */
export class LocalCacheCoordination implements CacheCoordination {
  private readonly generations = new Map<string, number>();

  async generation(key: string): Promise<number> {
    return this.generations.get(key) ?? 0;
  }

  async bump(key: string): Promise<void> {
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }

  async acquire(): Promise<boolean> {
    return true;
  }

  async release(): Promise<void> {
    return undefined;
  }

  async lookup(): Promise<undefined> {
    return undefined;
  }
}
