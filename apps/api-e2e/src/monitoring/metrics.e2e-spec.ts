import request from 'supertest';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { OutboxRelay } from '@kassa/api/events';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { sample } from '../support/metrics-text';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

const METRICS_TOKEN = 'metrics-token-for-the-e2e-suite';

describe('/metrics', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const scrape = async () => expectStatus(await http().get('/metrics').set(bearer(METRICS_TOKEN)), 200).text;
  const newProduct = async (owner = shop) =>
    expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(owner.owner.accessToken))
        .send({ sku: `M-${uuidv7().slice(-10)}`, name: 'Metered', priceMinor: 100 }),
      201,
    ).body as { id: string };

  beforeAll(async () => {
    // The relay stays off: the lag test stops and resumes it by hand.
    api = await startTestApi({ env: { METRICS_TOKEN, OUTBOX_RELAY: 'false' } });
    shop = await createTenant(api.app, 'Metrics');
  });
  afterAll(() => api.close());

  it('refuses a scrape without the token, or with another, with 401', async () => {
    for (const headers of [{}, bearer('not-the-metrics-token-at-all'), bearer(shop.owner.accessToken)]) {
      const response = await http().get('/metrics').set(headers);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe(ErrorCode.Unauthorized);
    }
    expect((await scrape()).length).toBeGreaterThan(0);
  });

  it('counts each request once under its route template, method and status', async () => {
    const product = await newProduct();
    const route = { method: 'GET', route: '/api/v1/products/:id' };
    const before = await scrape();
    const count = (text: string, status: string) => sample(text, 'http_request_duration_seconds_count', { ...route, status }) ?? 0;
    const inf = (text: string, status: string) => sample(text, 'http_request_duration_seconds_bucket', { ...route, status, le: '+Inf' }) ?? 0;

    for (let i = 0; i < 7; i += 1) expectStatus(await http().get(`/api/v1/products/${product.id}`).set(bearer(shop.owner.accessToken)), 200);
    for (let i = 0; i < 3; i += 1) expectStatus(await http().get(`/api/v1/products/${uuidv7()}`).set(bearer(shop.owner.accessToken)), 404);

    const after = await scrape();
    expect(count(after, '200') - count(before, '200')).toBe(7);
    expect(inf(after, '200') - inf(before, '200')).toBe(7);
    expect(count(after, '404') - count(before, '404')).toBe(3);
    // The first read missed the cache, the other six hit it.
    expect(sample(after, 'kassa_cache_requests_total', { area: 'product', outcome: 'miss' })).toBe(1);
    expect(sample(after, 'kassa_cache_requests_total', { area: 'product', outcome: 'hit' })).toBe(6);
    expect(sample(after, 'db_query_duration_seconds_count', { outcome: 'success' })).toBeGreaterThan(0);
    expect(sample(after, 'db_pool_connections', { state: 'waiting' })).toBe(0);
    expect(sample(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('shows the relay lag rising while the relay is stopped and falling once it resumes', async () => {
    await newProduct();
    const lag = async () => sample(await scrape(), 'kassa_outbox_relay_lag_seconds') ?? Number.NaN;
    const first = await lag();
    await sleep(1_100);
    const later = await lag();
    expect(later).toBeGreaterThan(first);
    expect(later).toBeGreaterThan(1);

    const relayedBefore = sample(await scrape(), 'kassa_outbox_events_relayed_total') ?? 0;
    const published = await api.app.get(OutboxRelay).publishPending();
    expect(published).toBeGreaterThan(0);
    expect(await lag()).toBe(0);
    expect((sample(await scrape(), 'kassa_outbox_events_relayed_total') ?? 0) - relayedBefore).toBe(published);
  });

  it("shows each shop its own event backlog in the monitoring summary: events waiting and the oldest one's age", async () => {
    const other = await createTenant(api.app, 'Backlog');
    await api.app.get(OutboxRelay).publishPending();
    const backlog = async (owner: TenantFixture) =>
      expectStatus(await http().get('/api/v1/monitoring/summary').set(bearer(owner.owner.accessToken)), 200).body.events as {
        waiting: number;
        oldestSeconds: number;
      };
    expect(await backlog(shop)).toEqual({ waiting: 0, oldestSeconds: 0 });

    await newProduct();
    await newProduct();
    await sleep(1_100);
    await newProduct(other);
    const waitingOf = async (owner: TenantFixture) =>
      (
        await ownerQuery<{ count: number }>(api, `SELECT count(*)::int AS count FROM outbox_event WHERE tenant_id = $1 AND dispatched_at IS NULL`, [owner.id])
      )[0].count;
    const [ours, theirs] = [await backlog(shop), await backlog(other)];
    expect(ours.waiting).toBe(await waitingOf(shop));
    expect(theirs.waiting).toBe(await waitingOf(other));
    expect(ours.waiting).toBeGreaterThan(theirs.waiting);
    expect(theirs.waiting).toBeGreaterThan(0);
    expect(ours.oldestSeconds).toBeGreaterThan(1);
    expect(theirs.oldestSeconds).toBeLessThan(1);

    await api.app.get(OutboxRelay).publishPending();
    expect(await backlog(shop)).toEqual({ waiting: 0, oldestSeconds: 0 });
    expect(await backlog(other)).toEqual({ waiting: 0, oldestSeconds: 0 });
  });
});

describe('/metrics without a token configured', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers loopback callers outside production', async () => {
    const response = expectStatus(await request(api.app.getHttpServer()).get('/metrics'), 200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toContain('http_request_duration_seconds');
  });
});
