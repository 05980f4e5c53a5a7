import { ErrorCode } from '@kassa/contracts';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { IdempotencyProbeModule, installIdempotencyProbeTables } from '../support/idempotency-probe.module';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

describe('Idempotency-Key', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const order = (shop: TenantFixture, body: object, key?: string) => {
    const pending = api.http().post('/api/v1/e2e-probe/orders').set(bearer(shop.owner.accessToken));
    return key ? pending.set('idempotency-key', key).send(body) : pending.send(body);
  };
  const rows = async (label: string) => (await ownerQuery(api, `SELECT id FROM probe_order WHERE label = $1`, [label])).length;

  beforeAll(async () => {
    api = await startTestApi({ probeModules: [IdempotencyProbeModule], env: { IDEMPOTENCY_WAIT_MS: '3000' } });
    await installIdempotencyProbeTables(api.database.url);
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  it('turns 5 concurrent requests with one key into one change, every response carrying its id', async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => order(a, { label: 'five-at-once', holdMs: 200 }, 'key-five')));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await rows('five-at-once')).toBe(1);
  });

  it('replays a later retry, and refuses the same key with another body with 422', async () => {
    const first = expectStatus(await order(a, { label: 'retried' }, 'key-retry'), 201);
    const again = expectStatus(await order(a, { label: 'retried' }, 'key-retry'), 201);
    expect(again.body).toEqual(first.body);
    const other = await order(a, { label: 'something else' }, 'key-retry');
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: ErrorCode.IdempotencyKeyReused, errors: [{ field: 'Idempotency-Key' }] });
    expect(await rows('retried')).toBe(1);
    expect(await rows('something else')).toBe(0);
  });

  it('does not hold a key for a request that failed', async () => {
    expect((await order(a, { label: 42 }, 'key-failed')).status).toBe(400);
    expectStatus(await order(a, { label: 'after a failure' }, 'key-failed'), 201);
    expect(await rows('after a failure')).toBe(1);
  });

  it('keeps keys per shop', async () => {
    const ofA = expectStatus(await order(a, { label: 'per-shop' }, 'key-shared'), 201).body;
    const ofB = expectStatus(await order(b, { label: 'per-shop' }, 'key-shared'), 201).body;
    expect(ofB.id).not.toBe(ofA.id);
    expect(await rows('per-shop')).toBe(2);
  });

  it('runs every request without a key', async () => {
    expectStatus(await order(a, { label: 'no-key' }), 201);
    expectStatus(await order(a, { label: 'no-key' }), 201);
    expect(await rows('no-key')).toBe(2);
  });

  it('refuses an unusable key, naming the header', async () => {
    const response = await order(a, { label: 'x' }, 'k'.repeat(300));
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('Idempotency-Key');
  });

  describe('when the first request outlasts the wait', () => {
    let patient: TestApi;
    let shop: TenantFixture;

    beforeAll(async () => {
      patient = await startTestApi({ probeModules: [IdempotencyProbeModule], env: { IDEMPOTENCY_WAIT_MS: '300' } });
      await installIdempotencyProbeTables(patient.database.url);
      shop = (await createTenantPair(patient.app)).a;
    });
    afterAll(() => patient.close());

    it('answers the duplicate 409 idempotency_key_in_flight, and replays once the first is done', async () => {
      const send = (body: object) =>
        patient.http().post('/api/v1/e2e-probe/orders').set(bearer(shop.owner.accessToken)).set('idempotency-key', 'slow').send(body);
      // supertest sends only once awaited or then-ed: start the first now.
      const slow = send({ label: 'slow', holdMs: 1500 }).then((response) => response);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const duplicate = await send({ label: 'slow', holdMs: 1500 });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe(ErrorCode.IdempotencyKeyInFlight);
      const first = expectStatus(await slow, 201);
      const later = expectStatus(await send({ label: 'slow', holdMs: 1500 }), 201);
      expect(later.body.id).toBe(first.body.id);
    });
  });
});
