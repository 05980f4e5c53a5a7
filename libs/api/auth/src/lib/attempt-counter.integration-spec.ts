import Redis from 'ioredis';
import { TEST_REDIS_URL } from '@kassa/testing';
import { uuidv7 } from '@kassa/contracts';
import { AttemptCounter, MemoryAttemptCounter, RedisAttemptCounter } from './attempt-counter';

const prefix = `kassa-test:attempt-counter:${uuidv7()}:`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['Redis', () => new RedisAttemptCounter(new Redis(TEST_REDIS_URL), prefix)],
  ['in-process', () => new MemoryAttemptCounter()],
])('%s attempt counter', (_, create: () => AttemptCounter) => {
  let sut: AttemptCounter;
  let n = 0;
  const key = () => `key-${++n}`;

  beforeAll(() => {
    sut = create();
  });
  afterAll(() => sut.close());

  it('admits exactly the limit of attempts taken at once', async () => {
    const account = key();
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => sut.take([{ key: account, limit: 5 }], 60_000)));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
  });

  it('counts under every key or none: a full key refuses the attempt without counting it under the others', async () => {
    const [account, ip] = [key(), key()];
    const limits = [
      { key: account, limit: 10 },
      { key: ip, limit: 2 },
    ];
    expect(await sut.take(limits, 60_000)).toEqual({ allowed: true });
    expect(await sut.take(limits, 60_000)).toEqual({ allowed: true });
    const refused = await sut.take(limits, 60_000);
    expect(refused).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
    expect(refused.allowed === false && refused.retryAfterMs).toBeGreaterThan(59_000);
    // The account has 2 of its 10, not 3: 8 more fit once the address is out of the picture.
    const alone = await Promise.all(Array.from({ length: 10 }, () => sut.take([{ key: account, limit: 10 }], 60_000)));
    expect(alone.filter((verdict) => verdict.allowed)).toHaveLength(8);
  });

  it('gives an attempt back, never below zero', async () => {
    const address = key();
    const limits = [{ key: address, limit: 1 }];
    expect(await sut.take(limits, 60_000)).toEqual({ allowed: true });
    expect((await sut.take(limits, 60_000)).allowed).toBe(false);
    await sut.giveBack(address);
    await sut.giveBack(address);
    expect(await sut.take(limits, 60_000)).toEqual({ allowed: true });
    expect((await sut.take(limits, 60_000)).allowed).toBe(false);
  });

  it('opens again when the window that began with the first attempt ends, and after a reset', async () => {
    const account = key();
    const limits = [{ key: account, limit: 1 }];
    expect(await sut.take(limits, 300)).toEqual({ allowed: true });
    expect((await sut.take(limits, 300)).allowed).toBe(false);
    await sleep(350);
    await sut.giveBack(account); // the window ended: nothing to give back, and no counter left behind
    expect(await sut.take(limits, 300)).toEqual({ allowed: true });
    expect((await sut.take(limits, 300)).allowed).toBe(false);
    await sut.reset(account);
    expect(await sut.take(limits, 300)).toEqual({ allowed: true });
  });
});
