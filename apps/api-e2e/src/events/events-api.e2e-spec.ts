import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { EventsProbeModule, installEventsProbeTables } from '../support/events-probe.module';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('the events API', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const events = (query: string, token = shop.owner.accessToken) => http().get(`/api/v1/events${query}`).set(bearer(token));

  beforeAll(async () => {
    api = await startTestApi({ probeModules: [EventsProbeModule], env: { OUTBOX_POLL_MS: '200' } });
    await installEventsProbeTables(api.database.url);
    shop = await createTenant(api.app, 'Foxtrot');
    for (let i = 0; i < 5; i++) {
      expectStatus(await http().post('/api/v1/e2e-probe/events/bump').set(bearer(shop.owner.accessToken)).send({ aggregateId: uuidv7() }), 201);
    }
    // The shop's first two events are its invites' mail (manager and cashier), then the five bumps.
    await eventually(
      async () => (await events('?limit=100')).body.items.length,
      (n) => n === 7,
    );
  });
  afterAll(() => api.close());

  it('pages by sequence with limit and after, and keeps the cursor when nothing is new', async () => {
    const first = expectStatus(await events('?limit=2'), 200).body;
    expect(first.items.map((event: { sequence: number }) => event.sequence)).toEqual([1, 2]);
    const rest = expectStatus(await events(`?after=${first.nextCursor}&limit=10`), 200).body;
    expect(rest.items.map((event: { sequence: number }) => event.sequence)).toEqual([3, 4, 5, 6, 7]);
    const none = expectStatus(await events(`?after=${rest.nextCursor}`), 200).body;
    expect(none).toEqual({ items: [], nextCursor: '7' });
  });

  it('filters by type', async () => {
    expect(expectStatus(await events('?types=sale.created'), 200).body.items).toEqual([]);
    expect(expectStatus(await events('?types=sale.created,product.updated'), 200).body.items).toHaveLength(5);
    expect(expectStatus(await events('?types=mail.queued'), 200).body.items.map((event: { data: object }) => Object.keys(event.data).sort())).toEqual([
      ['mailId', 'purpose'],
      ['mailId', 'purpose'],
    ]);
  });

  it('is readable with an API key that has events:read, and refused without it', async () => {
    expectStatus(await events('', shop.apiKey), 200);
    const key = expectStatus(
      await http()
        .post('/api/v1/api-keys')
        .set(bearer(shop.owner.accessToken))
        .send({ name: 'no events', permissions: ['stores:read'] }),
      201,
    ).body.key;
    expect((await events('', key)).status).toBe(403);
    expect((await events('', shop.cashier.accessToken)).status).toBe(403);
  });

  it('refuses unknown types and bad cursors, naming the field', async () => {
    const badType = await events('?types=sale.exploded');
    expect(badType.status).toBe(400);
    expect(badType.body.errors[0].field).toBe('types');
    const badCursor = await events('?after=-1');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('after');
  });
});
