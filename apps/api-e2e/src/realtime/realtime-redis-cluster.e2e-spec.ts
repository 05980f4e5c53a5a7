import request from 'supertest';
import { EventEnvelope, uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { connectSocket, TestSocket } from '../support/realtime-socket';
import { startRedisCluster, TestRedisCluster } from '../support/redis-cluster';
import { startTestApi, TestApi } from '../support/test-api';

/**
 * Two replicas whose socket adapter and queues run on a 6-node Redis Cluster (3 primaries, 3 replicas, node timeout
 * 1 s) started here on loopback ports; REDIS_URL stays on the standalone Redis for the sign-in throttle.
 */
describe('realtime on a Redis Cluster', () => {
  let cluster: TestRedisCluster;
  let replicaA: TestApi;
  let replicaB: TestApi;
  let urlB: string;
  let shop: TenantFixture;
  let client: TestSocket;
  const http = () => request(replicaA.app.getHttpServer());
  const queueTag = () => `{${replicaA.redisPrefix}bull}`;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    const env = { OUTBOX_POLL_MS: '200', OUTBOX_RECOVERY_SECONDS: '2', REDIS_CLUSTER_NODES: cluster.spec };
    replicaA = await startTestApi({ env });
    replicaB = await startTestApi({ env, replicaOf: replicaA });
    await replicaA.app.listen(0, '127.0.0.1');
    await replicaB.app.listen(0, '127.0.0.1');
    urlB = await replicaB.app.getUrl();
    shop = await createTenant(replicaA.app, 'Cluster');
    client = await connectSocket(urlB, shop.owner.accessToken);
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await replicaB?.close();
    await replicaA?.close();
    await cluster?.stop();
  });

  const sell = async () => {
    const product = expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(shop.owner.accessToken))
        .send({ sku: `CL-${uuidv7().slice(-10)}`, name: 'Cluster item', priceMinor: 100, trackStock: false }),
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

  /** Sales the client has, live or replayed, each once. */
  const salesSeenBy = async (socket: TestSocket): Promise<string[]> => {
    const seen = new Map<string, EventEnvelope>(socket.events.map((event) => [event.id, event]));
    let after = 0;
    for (;;) {
      const replay = expectStatus(await request(urlB).get(`/api/v1/realtime/replay?after=${after}&limit=500`).set(bearer(shop.owner.accessToken)), 200).body;
      for (const event of replay.items as EventEnvelope[]) if (!seen.has(event.id)) seen.set(event.id, event);
      if (!replay.more) break;
      after = replay.nextAfter;
    }
    return [...seen.values()].filter((event) => event.type === 'sale.created').map((event) => event.aggregateId);
  };

  it("fans a sale out through the cluster to the other replica's socket, with the queue's keys on one slot", async () => {
    const sale = await sell();
    await eventually(
      async () => client.events.filter((event) => event.type === 'sale.created').map((event) => event.aggregateId),
      (seen) => seen.includes(sale),
    );
    const queueKeys = await cluster.cli(await cluster.primaryFor(queueTag()), 'keys', `${queueTag()}:outbox:*`);
    expect(queueKeys.split('\n').filter(Boolean).length).toBeGreaterThan(0);
  });

  it('loses no committed event when the primary holding the queue fails over: the relay and the replay cover it', async () => {
    // Each queue and worker logs the failover's connection errors; an emitter without a listener would report them unhandled.
    const printed = jest.spyOn(console, 'error');
    const doomed = await cluster.primaryFor(queueTag());
    const takeover = cluster.killPrimary(doomed);
    const during = [await sell(), await sell(), await sell()];
    await takeover;
    expect(await cluster.primaryFor(queueTag())).not.toBe(doomed);
    const after = [await sell(), await sell()];

    const saleEvents = await ownerQuery<{ id: string }>(replicaA, `SELECT id FROM outbox_event WHERE tenant_id = $1 AND type = 'sale.created'`, [shop.id]);
    // Every sale delivered, lost jobs swept in again: the webhooks consumer takes every type and keeps markers (realtime keeps none).
    await eventually(
      async () =>
        ownerQuery<{ count: number }>(replicaA, `SELECT count(*)::int AS count FROM processed_event WHERE consumer = 'webhooks' AND event_id = ANY($1)`, [
          saleEvents.map((event) => event.id),
        ]),
      ([row]) => row.count === saleEvents.length,
      60_000,
    );
    const seen = await salesSeenBy(client);
    for (const sale of [...during, ...after]) expect(seen.filter((id) => id === sale)).toEqual([sale]);
    await cluster.restart(doomed);
    expect(printed.mock.calls.map(([first]) => String(first)).filter((text) => text.includes('Unhandled error'))).toEqual([]);
    printed.mockRestore();
  });
});
