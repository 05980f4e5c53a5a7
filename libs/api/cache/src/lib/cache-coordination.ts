import type { RedisClientConnectionType } from '@keyv/redis';
import { KnownGenerations } from './known-generations';

/** How soon a failed subscription to the bumps is tried again. */
const SUBSCRIBE_RETRY_MS = 5_000;

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
   * The current generation of `generationKey` and the entry stored under it (`before + generation + after`, raw; null
   * when there is none), in one round trip; undefined when this coordination cannot tell (no shared store, or bumps
   * still to replay). When the caller already holds that entry (`held` is the generation it read it under), only
   * whether it is still there comes back (`stillHeld`), not its text again.
   */
  lookup(generationKey: string, before: string, after: string, held?: number): Promise<CacheLookup | undefined>;
  /** The generation of `key` this process knows without asking (kept current by pushed bumps), if it does. */
  known(key: string): number | undefined;
  close(): Promise<void>;
}

export type CacheLookup = { generation: number; stillHeld: true } | { generation: number; stillHeld: false; entry: string | null };

/**
 * Reads the generation and the entry under it at once. The entry's key is built in the script, so it is not declared:
 * on a Redis Cluster it must share the generation's slot, which the tenant's hash tag in both keys ensures.
 */
const LOOKUP_SCRIPT = `local generation = redis.call('GET', KEYS[1]) or '0'
local key = ARGV[1] .. generation .. ARGV[2]
if generation == ARGV[3] and redis.call('EXISTS', key) == 1 then return {generation, 1} end
return {generation, redis.call('GET', key)}`;

/** Bumps a generation and tells every replica (their KnownGenerations) in the same step. */
const BUMP_SCRIPT = `local generation = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], ARGV[2] .. ' ' .. generation)
return generation`;

/** Deletes the lock only while it is still ours: one that expired and was taken by another replica stays. */
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** What the bumps' subscriber uses of a node-redis connection. */
interface BumpSubscriber {
  on(event: 'error' | 'end' | 'reconnecting' | 'ready', listener: () => void): unknown;
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
  destroy(): void;
}

export class RedisCacheCoordination implements CacheCoordination {
  /** Generations whose bump failed while Redis was away: bumped once it answers again, so a value cached before the outage is not served after it. */
  private readonly missedBumps = new Set<string>();
  private readonly generations = new KnownGenerations();
  private readonly channel: string;
  /** Set while a subscription is made or held; cleared to try again after one failed. */
  private subscribing?: Promise<void>;
  /** The subscriber's connection from the moment it exists, so `close` can end it even while it is still connecting. */
  private connection?: BumpSubscriber;
  private closed = false;

  constructor(
    private readonly client: () => Promise<RedisClientConnectionType>,
    private readonly prefix: string,
  ) {
    this.channel = `${prefix}cache:bumps`;
  }

  async generation(key: string): Promise<number> {
    const client = await this.client();
    await this.replayMissedBumps(client);
    const mark = this.generations.mark();
    const value = await client.get(this.prefix + key);
    const generation = value === null ? 0 : Number(value);
    this.generations.read(key, generation, mark);
    return generation;
  }

  async bump(key: string): Promise<void> {
    try {
      const client = await this.client();
      await this.replayMissedBumps(client);
      await this.publishBump(client, key);
    } catch (error) {
      this.missedBumps.add(key);
      throw error;
    }
  }

  private async publishBump(client: RedisClientConnectionType, key: string): Promise<void> {
    const generation = await client.eval(BUMP_SCRIPT, { keys: [this.prefix + key], arguments: [this.channel, key] });
    // This replica is fresh at once; the others when the push reaches them.
    this.generations.pushed(key, Number(generation));
  }

  private async replayMissedBumps(client: RedisClientConnectionType): Promise<void> {
    for (const key of [...this.missedBumps]) {
      await this.publishBump(client, key);
      this.missedBumps.delete(key);
    }
  }

  known(key: string): number | undefined {
    if (!this.closed) this.subscribing ??= this.listen();
    // A bump not yet made (Redis was away) leaves this replica's own generations behind.
    return this.missedBumps.size > 0 ? undefined : this.generations.get(key);
  }

  /** Subscribes a connection of its own to the bumps; while it is down (or reconnecting) nothing counts as known. */
  private async listen(): Promise<void> {
    try {
      // A node-redis client or cluster (Kassa uses no Sentinel); both subscribe on a duplicate of their connection.
      const client = await this.client();
      if (this.closed) return;
      const subscriber = (client as unknown as { duplicate(): BumpSubscriber }).duplicate();
      this.connection = subscriber;
      const deaf = () => this.generations.listening(false);
      subscriber.on('error', deaf);
      subscriber.on('end', deaf);
      subscriber.on('reconnecting', deaf);
      await subscriber.connect();
      await subscriber.subscribe(this.channel, (message: string) => {
        const space = message.lastIndexOf(' ');
        this.generations.pushed(message.slice(0, space), Number(message.slice(space + 1)));
      });
      // node-redis subscribes again by itself after a reconnect, before it reports ready.
      subscriber.on('ready', () => this.generations.listening(true));
      this.generations.listening(true);
    } catch {
      this.generations.listening(false);
      this.endConnection();
      // Try again on a later read.
      setTimeout(() => (this.subscribing = undefined), SUBSCRIBE_RETRY_MS).unref();
    }
  }

  /**
   * Ends the subscription without waiting for it: a subscriber still connecting to a Redis that hangs would otherwise
   * hold the shutdown. It has no commands of its own to flush.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.generations.listening(false);
    this.endConnection();
  }

  private endConnection(): void {
    try {
      this.connection?.destroy();
    } catch {
      // Closed already.
    }
    this.connection = undefined;
  }

  async acquire(key: string, token: string, ms: number): Promise<boolean> {
    const reply = await (await this.client()).set(this.prefix + key, token, { condition: 'NX', expiration: { type: 'PX', value: ms } });
    return reply === 'OK';
  }

  async release(key: string, token: string): Promise<void> {
    await (await this.client()).eval(RELEASE_SCRIPT, { keys: [this.prefix + key], arguments: [token] });
  }

  async lookup(generationKey: string, before: string, after: string, held?: number): Promise<CacheLookup | undefined> {
    if (this.missedBumps.size > 0) return undefined;
    const client = await this.client();
    const mark = this.generations.mark();
    const reply = await client.eval(LOOKUP_SCRIPT, { keys: [this.prefix + generationKey], arguments: [this.prefix + before, after, String(held ?? '')] });
    const [found, entry] = reply as [string, string | number | null];
    const generation = Number(found);
    this.generations.read(generationKey, generation, mark);
    if (entry === 1) return { generation, stillHeld: true };
    return { generation, stillHeld: false, entry: typeof entry === 'string' ? entry : null };
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

  known(): undefined {
    return undefined;
  }

  async close(): Promise<void> {
    return undefined;
  }
}
