import request from 'supertest';
import { io } from 'socket.io-client';
import { EventEnvelope, RealtimeReplay, uuidv7 } from '@kassa/contracts';
import { RealtimeClient, RealtimeState } from '@kassa/web/realtime-client';
import { eventually } from '@kassa/testing';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTcpProxy } from '../support/tcp-proxy';
import { startTestApi, TestApi } from '../support/test-api';

/** The web's realtime client library against the real API: reconnects by itself and replays what it missed. */
describe('the realtime client', () => {
  let api: TestApi;
  let baseUrl: string;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    await api.app.listen(0, '127.0.0.1');
    baseUrl = await api.app.getUrl();
    shop = await createTenant(api.app, 'Client');
  });
  afterAll(() => api.close());

  const sell = async () => {
    const product = expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(shop.owner.accessToken))
        .send({ sku: `RC-${uuidv7().slice(-10)}`, name: 'Client item', priceMinor: 100, trackStock: false }),
      201,
    ).body.id;
    return expectStatus(
      await http()
        .post('/api/v1/sales')
        .set(bearer(shop.owner.accessToken))
        .send({ storeId: shop.stores[0].id, lines: [{ productId: product, quantity: 1 }], tenders: [{ type: 'card', amountMinor: 100 }] }),
      201,
    ).body.id as string;
  };

  it('ends with all 3 sales made while its connection was cut, exactly once and in sequence order', async () => {
    const token = shop.cashier.accessToken;
    const received: EventEnvelope[] = [];
    const states: RealtimeState[] = [];
    // The socket goes through a relay the test can cut, as a network drop does.
    const network = await startTcpProxy(new URL(baseUrl));
    const sut = new RealtimeClient({
      url: network.url,
      io: (url, options) => io(url, options),
      token: () => token,
      refreshToken: async () => token,
      replay: async (after, limit = 200) =>
        expectStatus(await request(baseUrl).get(`/api/v1/realtime/replay?after=${after}&limit=${limit}`).set(bearer(token)), 200).body as RealtimeReplay,
      onEvent: (event) => received.push(event),
      onState: (state) => states.push(state),
      backoff: { baseMs: 50, capMs: 200 },
    });
    sut.start();
    try {
      await eventually(
        async () => sut.state,
        (state) => state === 'connected',
      );
      const first = await sell();
      await eventually(
        async () => received.map((event) => event.aggregateId),
        (seen) => seen.includes(first),
      );

      await network.cut();
      await eventually(
        async () => sut.state,
        (state) => state === 'reconnecting',
      );
      const missed = [await sell(), await sell(), await sell()];
      // Wait until the API has pushed them (to nobody), so only the replay can bring them: realtime pushes an event as
      // its delivery starts, before the webhooks consumer (which takes every type) records it processed.
      await eventually(
        () =>
          ownerQuery<{ count: number }>(
            api,
            `SELECT count(*)::int AS count FROM processed_event p JOIN outbox_event e ON e.id = p.event_id
              WHERE p.consumer = 'webhooks' AND e.type = 'sale.created' AND e.aggregate_id = ANY($1)`,
            [missed],
          ),
        ([row]) => row.count === 3,
      );
      await network.restore();
      await eventually(
        async () => received.filter((event) => event.type === 'sale.created').map((event) => event.aggregateId),
        (seen) => missed.every((sale) => seen.includes(sale)),
      );
      const sales = received.filter((event) => event.type === 'sale.created');
      expect(sales.map((event) => event.aggregateId)).toEqual([first, ...missed]);
      expect(new Set(received.map((event) => event.id)).size).toBe(received.length);
      expect(states).toEqual(expect.arrayContaining(['connected', 'reconnecting']));
    } finally {
      sut.close();
      await network.close();
    }
  });
});
