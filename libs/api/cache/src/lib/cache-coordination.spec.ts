import type { RedisClientConnectionType } from '@keyv/redis';
import { RedisCacheCoordination } from './cache-coordination';

/** A Redis stand-in that holds counters and can be switched off (commands then fail at once, as without an offline queue). */
function fakeRedis() {
  const values = new Map<string, number>();
  const state = { up: true };
  const guard = () => {
    if (!state.up) throw new Error('The client is closed');
  };
  const client = {
    async get(key: string) {
      guard();
      return values.has(key) ? String(values.get(key)) : null;
    },
    // Only the bump script (INCR and PUBLISH) runs here.
    async eval(_script: string, { keys: [key] }: { keys: string[] }) {
      guard();
      values.set(key, (values.get(key) ?? 0) + 1);
      return values.get(key);
    },
  } as unknown as RedisClientConnectionType;
  return { client, values, state };
}

describe('RedisCacheCoordination', () => {
  it('fails a bump at once while Redis is away, and applies it when Redis answers again', async () => {
    const redis = fakeRedis();
    const sut = new RedisCacheCoordination(async () => redis.client, 'kassa:');
    await sut.bump('t:a:catalog');
    redis.state.up = false;
    await expect(sut.bump('t:a:catalog')).rejects.toThrow('closed');
    expect(redis.values.get('kassa:t:a:catalog')).toBe(1);
    redis.state.up = true;
    // The next read after the outage sees the generation the missed invalidation would have made.
    expect(await sut.generation('t:a:catalog')).toBe(2);
    expect(await sut.generation('t:a:catalog')).toBe(2);
  });

  it('closes at once while its bumps subscriber is still connecting to a Redis that hangs, ending that connection', async () => {
    const redis = fakeRedis();
    const subscriber = { on: jest.fn(), connect: () => new Promise<never>(() => undefined), subscribe: jest.fn(), destroy: jest.fn() };
    Object.assign(redis.client, { duplicate: () => subscriber });
    const sut = new RedisCacheCoordination(async () => redis.client, 'kassa:');
    expect(sut.known('t:a:catalog')).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));

    await sut.close();

    expect(subscriber.destroy).toHaveBeenCalledTimes(1);
    expect(subscriber.subscribe).not.toHaveBeenCalled();
  });

  it('makes no subscription once closed', async () => {
    const redis = fakeRedis();
    const duplicate = jest.fn();
    Object.assign(redis.client, { duplicate });
    const sut = new RedisCacheCoordination(async () => redis.client, 'kassa:');
    await sut.close();

    expect(sut.known('t:a:catalog')).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(duplicate).not.toHaveBeenCalled();
  });
});
