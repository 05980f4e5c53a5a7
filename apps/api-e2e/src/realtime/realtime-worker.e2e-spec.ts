import { WorkerHost } from '@nestjs/bullmq';
import { DiscoveryService } from '@nestjs/core';
import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import { eventually, ServerProcess, startBuiltWorker, TEST_REDIS_URL } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { connectSocket, TestSocket } from '../support/realtime-socket';
import { startTestApi, TestApi } from '../support/test-api';

describe('live pushes from a separate worker process (KASSA_ROLE=worker)', () => {
  let api: TestApi;
  let worker: ServerProcess;
  let baseUrl: string;
  let a: TenantFixture;
  let b: TenantFixture;
  const sockets: TestSocket[] = [];
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    // The API holds the sockets but neither relays nor consumes: every event goes through the worker.
    api = await startTestApi({ env: { OUTBOX_RELAY: 'false' } });
    for (const provider of api.app.get(DiscoveryService, { strict: false }).getProviders()) {
      if (provider.instance instanceof WorkerHost) await provider.instance.worker.pause();
    }
    await api.app.listen(0, '127.0.0.1');
    baseUrl = await api.app.getUrl();
    ({ a, b } = await createTenantPair(api.app));
    worker = await startBuiltWorker({ DATABASE_URL: api.database.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: api.redisPrefix, OUTBOX_POLL_MS: '200' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await worker?.stop();
    await api.close();
  });

  it('reaches a socket on the API with a sale and a low-stock notification the worker took, and no other shop', async () => {
    const manager = await connectSocket(baseUrl, a.manager.accessToken);
    const otherShop = await connectSocket(baseUrl, b.owner.accessToken);
    sockets.push(manager, otherShop);
    const storeId = a.stores[0].id;
    const product = expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(a.owner.accessToken))
        .send({ sku: `W-${uuidv7().slice(-8)}`, name: 'Rye Bread', priceMinor: 400, reorderPoint: 2 }),
      201,
    ).body.id;
    expectStatus(
      await http().post('/api/v1/inventory/adjustments').set(bearer(a.owner.accessToken)).send({ storeId, productId: product, delta: 3, reason: 'adjustment' }),
      201,
    );
    const sale = expectStatus(
      await http()
        .post('/api/v1/sales')
        .set(bearer(a.owner.accessToken))
        .send({ storeId, lines: [{ productId: product, quantity: 2 }], tenders: [{ type: 'card', amountMinor: 800 }] }),
      201,
    ).body;

    const events = await eventually(
      async () => manager.events.filter((event) => event.aggregateId === sale.id),
      (received) => received.some((event) => event.type === 'sale.created'),
    );
    expect(events.find((event) => event.type === 'sale.created')).toMatchObject({ tenantId: a.id, sequence: expect.any(Number) });
    const [notification] = await eventually(
      async () => manager.notifications,
      (received) => received.length > 0,
    );
    expect(notification).toMatchObject({ kind: 'stock.low', link: `/products/${product}` });
    await otherShop.flush(b.owner.accessToken);
    expect(otherShop.events.filter((event) => event.tenantId === a.id)).toEqual([]);
    expect(otherShop.notifications).toEqual([]);
  });
});
