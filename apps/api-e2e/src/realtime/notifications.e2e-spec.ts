import request from 'supertest';
import { ErrorCode, NotificationPayload, uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { seedNotification } from '../support/id-route-sweep';
import { addUser, bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { connectSocket, TestSocket } from '../support/realtime-socket';
import { startTestApi, TestApi } from '../support/test-api';

describe('notifications', () => {
  let api: TestApi;
  let baseUrl: string;
  let a: TenantFixture;
  let b: TenantFixture;
  const sockets: TestSocket[] = [];
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    await api.app.listen(0, '127.0.0.1');
    baseUrl = await api.app.getUrl();
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await api.close();
  });

  const listOf = async (token: string, query = '') =>
    expectStatus(await http().get(`/api/v1/notifications${query}`).set(bearer(token)), 200).body.items as NotificationPayload[];
  const unreadOf = async (token: string) => expectStatus(await http().get('/api/v1/notifications/unread-count').set(bearer(token)), 200).body.unread;

  it('tells the managers of the store when its stock runs low, live and in their list, and no one else', async () => {
    const storeId = a.stores[0].id;
    const managerOfOtherStore = await addUser(api.app, a, a.owner.accessToken, {
      name: 'Other Manager',
      email: `other-manager-${uuidv7().slice(-6)}@${a.slug}.test`,
      role: 'manager',
      storeIds: [a.stores[1].id],
    });
    const live = await connectSocket(baseUrl, a.manager.accessToken);
    sockets.push(live);
    const product = expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(a.owner.accessToken))
        .send({ sku: `LOW-${uuidv7().slice(-8)}`, name: 'Milk', priceMinor: 100, reorderPoint: 5 }),
      201,
    ).body.id;
    for (const delta of [10, -6]) {
      expectStatus(
        await http().post('/api/v1/inventory/adjustments').set(bearer(a.owner.accessToken)).send({ storeId, productId: product, delta, reason: 'adjustment' }),
        201,
      );
    }

    const [pushed] = await eventually(
      async () => live.notifications,
      (received) => received.length > 0,
    );
    expect(pushed).toMatchObject({ kind: 'stock.low', severity: 'warning', link: `/products/${product}`, readAt: null });
    expect(await listOf(a.manager.accessToken)).toEqual([pushed]);
    expect(await unreadOf(a.manager.accessToken)).toBe(1);
    for (const token of [a.owner.accessToken, a.cashier.accessToken, managerOfOtherStore.accessToken, b.manager.accessToken, b.owner.accessToken]) {
      expect(await listOf(token)).toEqual([]);
    }
  });

  it('tells the users who may approve a submitted purchase order, never its submitter; above the limit only the owners', async () => {
    const post = (token: string, path: string, body: object = {}) => http().post(path).set(bearer(token)).send(body);
    const owner = a.owner.accessToken;
    const product = expectStatus(await post(owner, '/api/v1/products', { sku: `FLOUR-${uuidv7().slice(-8)}`, name: 'Flour', priceMinor: 300 }), 201).body.id;
    const supplier = expectStatus(await post(owner, '/api/v1/suppliers', { name: `Mill ${uuidv7().slice(-6)}`, leadTimeDays: 2 }), 201).body.id;
    const newOrder = async () =>
      expectStatus(
        await post(owner, '/api/v1/purchase-orders', {
          supplierId: supplier,
          storeId: a.stores[0].id,
          lines: [{ productId: product, quantity: 10, unitCostMinor: 100 }],
        }),
        201,
      ).body as { id: string; number: string };
    const awaiting = async (token: string) => (await listOf(token)).filter((notification) => notification.kind === 'purchase_order.submitted');
    const live = await connectSocket(baseUrl, a.manager.accessToken);
    sockets.push(live);

    const small = await newOrder();
    expectStatus(await post(owner, `/api/v1/purchase-orders/${small.id}/submit`), 200);
    const [pushed] = await eventually(
      async () => live.notifications.filter((notification) => notification.kind === 'purchase_order.submitted'),
      (received) => received.length > 0,
    );
    expect(pushed).toMatchObject({ title: 'A purchase order awaits approval', link: `/purchasing/orders/${small.id}`, severity: 'info', readAt: null });
    expect(pushed.body).toContain(small.number);
    expect(await awaiting(a.manager.accessToken)).toEqual([pushed]);
    for (const token of [owner, a.cashier.accessToken, b.manager.accessToken, b.owner.accessToken]) expect(await awaiting(token)).toEqual([]);

    // 1,000 above a limit of 500: only an owner may approve it, so only the owners hear of it (the manager submitted it).
    expectStatus(await http().patch('/api/v1/purchasing/settings').set(bearer(owner)).send({ approvalThresholdMinor: 500 }), 200);
    const big = await newOrder();
    expectStatus(await post(a.manager.accessToken, `/api/v1/purchase-orders/${big.id}/submit`), 200);
    const [forOwner] = await eventually(
      () => awaiting(owner),
      (received) => received.length > 0,
    );
    expect(forOwner).toMatchObject({ link: `/purchasing/orders/${big.id}` });
    expect(forOwner.body).toMatch(/above the approval limit, so an owner approves it/);
    expect((await awaiting(a.manager.accessToken)).map((notification) => notification.link)).toEqual([`/purchasing/orders/${small.id}`]);
    expectStatus(await http().patch('/api/v1/purchasing/settings').set(bearer(owner)).send({ approvalThresholdMinor: null }), 200);
  });

  it('marks one read, then all; and answers 404 for another user’s or another shop’s notification', async () => {
    const first = await seedNotification(api.app, a.id, a.manager.id);
    const second = await seedNotification(api.app, a.id, a.manager.id);
    const token = a.manager.accessToken;
    const before = await unreadOf(token);

    const read = expectStatus(await http().post(`/api/v1/notifications/${first}/read`).set(bearer(token)), 200).body;
    expect(read).toMatchObject({ id: first, readAt: expect.any(String) });
    const again = expectStatus(await http().post(`/api/v1/notifications/${first}/read`).set(bearer(token)), 200).body;
    expect(again.readAt).toBe(read.readAt);
    expect(await unreadOf(token)).toBe(before - 1);
    expect((await listOf(token, '?filter=unread')).map((notification) => notification.id)).toContain(second);
    expect((await listOf(token, '?filter=unread')).map((notification) => notification.id)).not.toContain(first);

    for (const other of [a.owner.accessToken, b.manager.accessToken, a.apiKey]) {
      const refused = await http().post(`/api/v1/notifications/${second}/read`).set(bearer(other));
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe(ErrorCode.NotificationNotFound);
    }
    expect((await http().post(`/api/v1/notifications/not-a-uuid/read`).set(bearer(token))).status).toBe(400);

    const all = expectStatus(await http().post('/api/v1/notifications/read-all').set(bearer(token)), 200).body;
    expect(all.marked).toBe(before - 1);
    expect(await unreadOf(token)).toBe(0);
    expect(await listOf(token, '?filter=unread')).toEqual([]);
  });

  it('pages newest first and refuses a bad filter, and an API key, which has no notifications of its own', async () => {
    const ids = [];
    for (let index = 0; index < 3; index++) ids.push(await seedNotification(api.app, b.id, b.cashier.id));
    const page = expectStatus(await http().get('/api/v1/notifications?limit=2').set(bearer(b.cashier.accessToken)), 200).body;
    expect(page.items.map((notification: NotificationPayload) => notification.id)).toEqual([ids[2], ids[1]]);
    const rest = expectStatus(await http().get(`/api/v1/notifications?limit=2&cursor=${page.nextCursor}`).set(bearer(b.cashier.accessToken)), 200).body;
    expect(rest).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await http().get('/api/v1/notifications?filter=everything').set(bearer(b.cashier.accessToken))).status).toBe(400);
    expect((await http().get('/api/v1/notifications').set(bearer(b.apiKey))).status).toBe(403);
  });
});
