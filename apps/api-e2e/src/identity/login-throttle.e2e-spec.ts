import Redis from 'ioredis';
import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { TEST_REDIS_URL } from '@kassa/testing';
import { expectStatus, PASSWORD, signupBody } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

const LOCKOUT_SECONDS = 2;

describe('login throttling (Redis-backed)', () => {
  let api: TestApi;
  let shop: ReturnType<typeof signupBody>;
  const login = (password: string, email = shop.email) =>
    request(api.app.getHttpServer()).post('/api/v1/auth/login').send({ tenant: shop.slug, email, password });

  beforeAll(async () => {
    api = await startTestApi({
      env: { LOGIN_MAX_FAILURES: '5', LOGIN_MAX_FAILURES_PER_IP: '1000', LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS) },
    });
    shop = signupBody();
    expectStatus(await request(api.app.getHttpServer()).post('/api/v1/signup').send(shop), 201);
  });
  afterAll(() => api.close());

  it('answers the 6th wrong password in a row with 429 and Retry-After, even for the right one, until the window ends', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await login('wrong password!');
      expect([attempt, response.status]).toEqual([attempt, 401]);
    }
    const sixth = await login('wrong password!');
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe(ErrorCode.TooManyAttempts);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(LOCKOUT_SECONDS);

    expect((await login(PASSWORD)).status).toBe(429);

    await new Promise((resolve) => setTimeout(resolve, LOCKOUT_SECONDS * 1000 + 200));
    expectStatus(await login(PASSWORD), 200);
  });

  it('resets the count after a successful sign-in', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) expect((await login('wrong password!')).status).toBe(401);
    expectStatus(await login(PASSWORD), 200);
    for (let attempt = 1; attempt <= 4; attempt++) expect((await login('wrong password!')).status).toBe(401);
    expectStatus(await login(PASSWORD), 200);
  });

  it('counts in Redis under this instance’s key prefix', async () => {
    const redis = new Redis(TEST_REDIS_URL);
    await login('wrong password!', `someone-else@${shop.slug}.test`);
    const keys = await redis.keys(`${api.redisPrefix}login:*`);
    redis.disconnect();
    expect(keys).toEqual(expect.arrayContaining([`${api.redisPrefix}login:account:${shop.slug}:someone-else@${shop.slug}.test`]));
  });
});

describe('login throttling per IP address', () => {
  let api: TestApi;
  let shop: ReturnType<typeof signupBody>;

  beforeAll(async () => {
    api = await startTestApi({ env: { LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_IP: '3' } });
    shop = signupBody();
    expectStatus(await request(api.app.getHttpServer()).post('/api/v1/signup').send(shop), 201);
  });
  afterAll(() => api.close());

  it('blocks an address that keeps failing across different accounts', async () => {
    const login = (email: string) => request(api.app.getHttpServer()).post('/api/v1/auth/login').send({ tenant: shop.slug, email, password: 'guessing!!' });
    for (const n of [1, 2, 3]) expect((await login(`guess-${n}@${shop.slug}.test`)).status).toBe(401);
    const fourth = await login(`guess-4@${shop.slug}.test`);
    expect(fourth.status).toBe(429);
    expect(fourth.body.code).toBe(ErrorCode.TooManyAttempts);
  });
});

describe.each([
  ['Redis', {}],
  ['in-process', { REDIS_URL: '' }],
])('login throttling under concurrent attempts (%s counter)', (_, env) => {
  const MAX_FAILURES = 5;
  let api: TestApi;
  let shop: ReturnType<typeof signupBody>;
  const login = (password: string) => request(api.app.getHttpServer()).post('/api/v1/auth/login').send({ tenant: shop.slug, email: shop.email, password });

  beforeAll(async () => {
    api = await startTestApi({
      env: { ...env, LOGIN_MAX_FAILURES: String(MAX_FAILURES), LOGIN_MAX_FAILURES_PER_IP: '1000', LOGIN_LOCKOUT_SECONDS: '60' },
    });
    shop = signupBody();
    expectStatus(await request(api.app.getHttpServer()).post('/api/v1/signup').send(shop), 201);
  });
  afterAll(() => api.close());

  it('checks at most the limit of 40 wrong passwords sent at once; the others get 429 unchecked', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, () => login('wrong password!')));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_FAILURES);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - MAX_FAILURES);
    // Every password that was checked and failed leaves an audit row: the count of checks, not of answers.
    const [{ checked }] = await ownerQuery<{ checked: string }>(
      api,
      `SELECT count(*) AS checked FROM audit_log WHERE action = 'login' AND metadata->>'outcome' = 'failure' AND metadata->>'email' = $1`,
      [shop.email],
    );
    expect(Number(checked)).toBe(MAX_FAILURES);
    expect((await login(PASSWORD)).status).toBe(429);
  });
});
