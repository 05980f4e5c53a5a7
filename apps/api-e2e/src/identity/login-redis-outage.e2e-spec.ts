import { ErrorCode } from '@kassa/contracts';
import { eventually, TEST_REDIS_URL } from '@kassa/testing';
import { bearer, expectStatus, PASSWORD, signupBody } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { startTestApi, TestApi } from '../support/test-api';

/** Redis reached through a proxy the test cuts: the login throttle fails closed, the rest carries on. */
describe('sign-in while Redis is down', () => {
  let proxy: TcpProxy;
  let api: TestApi;
  let shop: ReturnType<typeof signupBody>;
  let accessToken: string;
  const http = () => api.http();
  const login = (password = PASSWORD) => http().post('/api/v1/auth/login').send({ tenant: shop.slug, email: shop.email, password });

  beforeAll(async () => {
    proxy = await startTcpProxy(new URL(TEST_REDIS_URL));
    api = await startTestApi({ env: { REDIS_URL: proxy.url } });
    shop = signupBody();
    expectStatus(await http().post('/api/v1/signup').send(shop), 201);
    accessToken = expectStatus(await login(), 200).body.accessToken;
  });
  afterAll(async () => {
    await api.close();
    await proxy.close();
  });

  it('refuses sign-in at once with 503 service_unavailable and Retry-After, checking no password', async () => {
    await proxy.cut();
    for (const password of [PASSWORD, 'wrong password!']) {
      const started = Date.now();
      const response = await login(password);
      const elapsedMs = Date.now() - started;
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe(ErrorCode.ServiceUnavailable);
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(elapsedMs).toBeLessThan(1_500);
    }
    // A checked wrong password leaves an audit row; none did.
    const failures = await ownerQuery(api, `SELECT 1 FROM audit_log WHERE action = 'login' AND metadata->>'outcome' = 'failure'`);
    expect(failures).toEqual([]);
  });

  it('keeps serving signed-in callers meanwhile, reads and writes alike', async () => {
    const token = bearer(accessToken);
    expectStatus(await http().get('/api/v1/me').set(token), 200);
    expectStatus(await http().post('/api/v1/stores').set(token).send({ name: 'Pop-up', code: 'POP' }), 201);
    // Its customer.created event goes through the outbox, to Redis later.
    expectStatus(await http().post('/api/v1/customers').set(token).send({ name: 'Offline Olga' }), 201);
    expect((await http().get('/health/live')).status).toBe(200);
  });

  it('reports Redis down on /health/ready', async () => {
    const ready = await http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'down' } });
  });

  it('signs in again on its own once Redis is back', async () => {
    await proxy.restore();
    await eventually(
      () => login().then((response) => response.status),
      (status) => status === 200,
      10_000,
    );
    expect((await http().get('/health/ready')).status).toBe(200);
  });

  it('answers 503 within about a second when Redis hangs instead of going away, and recovers again', async () => {
    expectStatus(await login(), 200);
    await proxy.stall();
    const started = Date.now();
    const response = await login();
    expect(response.status).toBe(503);
    expect(response.body.code).toBe(ErrorCode.ServiceUnavailable);
    expect(Date.now() - started).toBeLessThan(2_500);
    await proxy.restore();
    await eventually(
      () => login().then((answer) => answer.status),
      (status) => status === 200,
      10_000,
    );
  });
});
