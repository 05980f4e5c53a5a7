import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { EventEnvelope, uuidv7 } from '@kassa/contracts';
import { eventually, freePort, ServerProcess, startBuiltApi, TEST_REDIS_URL } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { connectSocket, refusalOf, TestSocket } from '../support/realtime-socket';
import { startTestApi, TestApi } from '../support/test-api';

const REPLICA_ENV = { OUTBOX_POLL_MS: '200', REALTIME_REAUTH_GRACE_SECONDS: '2' };

/**
 * Two API processes on one database and one Redis: replica A runs in this process, replica B is the built API in its
 * own. Sales go through A; sockets connect to B, so every push crosses the Redis adapter.
 */
describe('realtime across two replicas', () => {
  let replicaA: TestApi;
  let replicaB: ServerProcess;
  let a: TenantFixture;
  let b: TenantFixture;
  const sockets: TestSocket[] = [];
  const http = () => request(replicaA.app.getHttpServer());
  const connectToB = async (token: string) => {
    const socket = await connectSocket(replicaB.baseUrl, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    replicaA = await startTestApi({ env: REPLICA_ENV });
    await replicaA.app.listen(0, '127.0.0.1');
    replicaB = await startBuiltApi(await freePort(), {
      NODE_ENV: 'test',
      DATABASE_URL: replicaA.database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: replicaA.redisPrefix,
      JWT_SECRET: `kassa-test-jwt-secret-${replicaA.database.name}`,
      ...REPLICA_ENV,
    });
    ({ a, b } = await createTenantPair(replicaA.app));
  }, 120_000);

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await replicaB?.stop();
    await replicaA?.close();
  });

  const newProduct = async (shop: TenantFixture, extra: object = {}) =>
    expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(shop.owner.accessToken))
        .send({ sku: `RT-${uuidv7().slice(-10)}`, name: 'Live item', priceMinor: 100, trackStock: false, ...extra }),
      201,
    ).body.id as string;

  /** A sale through replica A (of an untracked product, so it is accepted whatever the stock). */
  const sell = async (shop: TenantFixture, storeId: string, productId?: string) =>
    expectStatus(
      await http()
        .post('/api/v1/sales')
        .set(bearer(shop.owner.accessToken))
        .send({
          storeId,
          lines: [{ productId: productId ?? (await newProduct(shop)), quantity: 1 }],
          tenders: [{ type: 'card', amountMinor: 100 }],
        }),
      201,
    ).body.id as string;

  const salesIn = (socket: TestSocket) => socket.events.filter((event) => event.type === 'sale.created').map((event) => event.aggregateId);

  it("pushes a sale made through replica A to replica B's sockets that may see it, and to no other shop or store", async () => {
    const owner = await connectToB(a.owner.accessToken);
    const cashierOfStore0 = await connectToB(a.cashier.accessToken);
    const otherShop = await connectToB(b.owner.accessToken);

    const inStore1 = await sell(a, a.stores[1].id);
    const inStore0 = await sell(a, a.stores[0].id);

    await eventually(
      async () => salesIn(owner),
      (seen) => seen.includes(inStore0) && seen.includes(inStore1),
    );
    await eventually(
      async () => salesIn(cashierOfStore0),
      (seen) => seen.includes(inStore0),
    );
    // Both sockets sit on replica B, which pushes one message to both rooms at once: once the owner has the store-1 sale
    // and a round trip on the other sockets has completed, anything sent to them has arrived.
    await cashierOfStore0.flush(a.cashier.accessToken);
    await otherShop.flush(b.owner.accessToken);
    expect(salesIn(cashierOfStore0)).toEqual([inStore0]);
    expect(otherShop.events).toEqual([]);
    expect(cashierOfStore0.events.every((event) => event.tenantId === a.id && (event.data['storeId'] ?? a.stores[0].id) === a.stores[0].id)).toBe(true);
    for (const event of owner.events) expect(event).toMatchObject({ id: expect.any(String), sequence: expect.any(Number), tenantId: a.id });
  });

  it('replays exactly the 3 sales a disconnected client missed, once each and in sequence order', async () => {
    const token = a.cashier.accessToken;
    const client = await connectToB(token);
    const before = await sell(a, a.stores[0].id);
    await eventually(
      async () => salesIn(client),
      (seen) => seen.includes(before),
    );
    const lastSequence = Math.max(...client.events.map((event) => event.sequence));
    client.close();

    const missed = [await sell(a, a.stores[0].id), await sell(a, a.stores[0].id), await sell(a, a.stores[0].id)];
    await sell(a, a.stores[1].id); // another store's: never replayed to this cashier

    const back = await connectToB(token);
    const seen = new Map<string, EventEnvelope>(client.events.map((event) => [event.id, event]));
    let after = lastSequence;
    let replayed: EventEnvelope[] = [];
    await eventually(
      async () => {
        const replay = expectStatus(await request(replicaB.baseUrl).get(`/api/v1/realtime/replay?after=${after}`).set(bearer(token)), 200).body;
        expect(replay.refetch).toBe(false);
        replayed = [...replayed, ...replay.items];
        after = replay.nextAfter;
        return replayed.filter((event) => event.type === 'sale.created').length;
      },
      (count) => count >= 3,
    );
    for (const event of [...replayed, ...back.events]) if (!seen.has(event.id)) seen.set(event.id, event);
    const sales = [...seen.values()].filter((event) => event.type === 'sale.created' && missed.includes(event.aggregateId));
    expect(sales.map((event) => event.aggregateId)).toEqual(missed);
    expect(sales.map((event) => event.sequence)).toEqual([...sales.map((event) => event.sequence)].sort((x, y) => x - y));
    expect(replayed.every((event) => event.data['storeId'] === undefined || event.data['storeId'] === a.stores[0].id)).toBe(true);
    expect(replayed.filter((event) => event.type === 'sale.created').map((event) => event.aggregateId)).toEqual(missed);
  });

  it('answers refetch when the client is past what the server has kept, and refuses a bad cursor', async () => {
    const replay = expectStatus(await http().get('/api/v1/realtime/replay?after=999999999').set(bearer(a.cashier.accessToken)), 200).body;
    expect(replay).toMatchObject({ refetch: true, items: [] });
    // Where a client without a position starts: the shop's newest sequence, whatever the page holds.
    const [{ last }] = await ownerQuery<{ last: number }>(replicaA, `SELECT last_sequence::int AS last FROM tenant_event_sequence WHERE tenant_id = $1`, [
      a.id,
    ]);
    expect(replay.head).toBe(last);
    expect(expectStatus(await http().get('/api/v1/realtime/replay?after=0&limit=1').set(bearer(a.cashier.accessToken)), 200).body.head).toBe(last);
    expect((await http().get('/api/v1/realtime/replay?after=-1').set(bearer(a.cashier.accessToken))).status).toBe(400);
    expect((await http().get('/api/v1/realtime/replay').set(bearer(a.cashier.accessToken))).status).toBe(400);
  });

  it('refuses a handshake without a token, with a forged one, an expired one or a revoked one, saying why', async () => {
    const jwt = replicaA.app.get(JwtService, { strict: false });
    expect((await refusalOf(replicaB.baseUrl, undefined)).code).toBe('token_missing');
    expect((await refusalOf(replicaB.baseUrl, `${a.owner.accessToken.slice(0, -4)}AAAA`)).code).toBe('token_invalid');
    const expired = jwt.sign({ sub: a.owner.id, tid: a.id }, { expiresIn: -10 });
    expect((await refusalOf(replicaB.baseUrl, expired)).code).toBe('token_expired');
    expect((await refusalOf(replicaB.baseUrl, a.apiKey)).code).toBe('token_invalid');

    const shops = await createTenantPair(replicaA.app);
    const cashier = shops.a.cashier;
    const connected = await connectToB(cashier.accessToken);
    expectStatus(await http().patch(`/api/v1/users/${cashier.id}`).set(bearer(shops.a.owner.accessToken)).send({ active: false }), 200);
    expect(await refusalOf(replicaB.baseUrl, cashier.accessToken)).toEqual({ code: 'token_revoked', detail: expect.any(String) });
    // The open session ends at its next re-authentication.
    const ack = await connected.socket.timeout(5_000).emitWithAck('authenticate', { token: cashier.accessToken });
    expect(ack).toEqual({ ok: false, code: 'token_revoked' });
    await eventually(
      async () => connected.socket.connected,
      (stillConnected) => !stillConnected,
    );
    expect(connected.endings).toEqual([{ code: 'token_revoked', detail: expect.any(String) }]);
  });

  it('asks for a fresh token before the session token expires, and ends the session when none comes', async () => {
    const jwt = replicaA.app.get(JwtService, { strict: false });
    const shortLived = jwt.sign({ sub: a.manager.id, tid: a.id }, { expiresIn: 3 });
    const client = await connectToB(shortLived);
    await eventually(
      async () => client.endings,
      (endings) => endings.length > 0,
    );
    expect(client.reauthRequests).toHaveLength(1);
    expect(client.endings).toEqual([{ code: 'token_expired', detail: expect.any(String) }]);
    await eventually(
      async () => client.socket.connected,
      (connected) => !connected,
    );
  });

  it('keeps the session of a client that re-authenticates when asked', async () => {
    const jwt = replicaA.app.get(JwtService, { strict: false });
    const shortLived = jwt.sign({ sub: a.manager.id, tid: a.id }, { expiresIn: 3 });
    const client = await connectToB(shortLived);
    const acks: unknown[] = [];
    client.socket.on('reauth', () => {
      void client.socket.emitWithAck('authenticate', { token: a.manager.accessToken }).then((ack) => acks.push(ack));
    });
    await eventually(
      async () => acks,
      (answers) => answers.length > 0,
    );
    expect(acks).toEqual([{ ok: true, expiresAt: expect.any(String) }]);
    const expiredAt = JSON.parse(Buffer.from(shortLived.split('.')[1], 'base64url').toString()).exp * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiredAt - Date.now()) + 1_000));
    expect(client.socket.connected).toBe(true);
    expect(client.endings).toEqual([]);
    const sale = await sell(a, a.stores[1].id);
    await eventually(
      async () => salesIn(client),
      (seen) => seen.includes(sale),
    );
  });
});
