import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { addUser, bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { routeInventory } from '../support/route-inventory';
import { startTestApi, TestApi } from '../support/test-api';

describe('roles and permissions', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Gamma');
  });
  afterAll(() => api.close());

  it('declares an access rule on every route (deny by default)', () => {
    const routes = routeInventory(api.app);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !route.rule).map((route) => route.key)).toEqual([]);
  });

  it('keeps a cashier out of manager routes with 403', async () => {
    const token = bearer(shop.cashier.accessToken);
    const attempts = [
      http().post('/api/v1/stores').set(token).send({ name: 'Pop-up', code: 'POP' }),
      http().post('/api/v1/users').set(token).send({ name: 'Eve', email: 'eve@shop.test', role: 'cashier' }),
      http().get('/api/v1/users').set(token),
      http().patch('/api/v1/tenant').set(token).send({ name: 'Mine now' }),
      http().get('/api/v1/api-keys').set(token),
      http().post('/api/v1/suppliers').set(token).send({ name: 'Cash and carry' }),
      http().get('/api/v1/suppliers').set(token),
      http().post('/api/v1/purchase-orders').set(token).send({}),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe(ErrorCode.Forbidden);
    }
  });

  it('lets a manager manage cashiers but not managers or owners', async () => {
    const token = bearer(shop.manager.accessToken);
    const cashier = await addUser(api.app, shop, shop.manager.accessToken, {
      name: 'New Cashier',
      email: `new-cashier@${shop.slug}.test`,
      role: 'cashier',
    });
    expectStatus(await http().patch(`/api/v1/users/${cashier.id}`).set(token).send({ name: 'Renamed Cashier' }), 200);

    const promote = await http().patch(`/api/v1/users/${cashier.id}`).set(token).send({ role: 'manager' });
    expect(promote.status).toBe(403);
    expect(promote.body.errors).toEqual([{ field: 'role', message: expect.any(String) }]);
    const inviteManager = await http()
      .post('/api/v1/users')
      .set(token)
      .send({ name: 'Second Manager', email: `m2@${shop.slug}.test`, role: 'manager' });
    expect(inviteManager.status).toBe(403);
    expect((await http().patch(`/api/v1/users/${shop.owner.id}`).set(token).send({ name: 'Demoted?' })).status).toBe(403);
  });

  it("stops a deactivated user's still-valid access token at once", async () => {
    const user = await addUser(api.app, shop, shop.owner.accessToken, {
      name: 'Leaving Soon',
      email: `leaving@${shop.slug}.test`,
      role: 'cashier',
    });
    expectStatus(await http().get('/api/v1/me').set(bearer(user.accessToken)), 200);
    expectStatus(await http().patch(`/api/v1/users/${user.id}`).set(bearer(shop.owner.accessToken)).send({ active: false }), 200);
    expect((await http().get('/api/v1/me').set(bearer(user.accessToken))).status).toBe(401);
    expect((await http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken })).status).toBe(401);
  });

  it('refuses to demote or deactivate the last active owner with 409 last_owner', async () => {
    const owner = bearer(shop.owner.accessToken);
    for (const change of [{ role: 'manager' }, { active: false }]) {
      const response = await http().patch(`/api/v1/users/${shop.owner.id}`).set(owner).send(change);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe(ErrorCode.LastOwner);
    }
    const me = expectStatus(await http().get('/api/v1/me').set(owner), 200).body;
    expect(me.user).toMatchObject({ role: 'owner', active: true });
  });

  it('allows demoting an owner once another active owner exists', async () => {
    const second = await addUser(api.app, shop, shop.owner.accessToken, {
      name: 'Co Owner',
      email: `co-owner@${shop.slug}.test`,
      role: 'owner',
    });
    const demoted = expectStatus(await http().patch(`/api/v1/users/${second.id}`).set(bearer(shop.owner.accessToken)).send({ role: 'manager' }), 200).body;
    expect(demoted.role).toBe('manager');
  });

  it('shows a store-limited cashier only their store, and 404 for the other', async () => {
    const token = bearer(shop.cashier.accessToken);
    const list = expectStatus(await http().get('/api/v1/stores').set(token), 200).body;
    expect(list.items.map((store: { id: string }) => store.id)).toEqual([shop.stores[0].id]);
    expectStatus(await http().get(`/api/v1/stores/${shop.stores[0].id}`).set(token), 200);
    const other = await http().get(`/api/v1/stores/${shop.stores[1].id}`).set(token);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe(ErrorCode.StoreNotFound);
    const me = expectStatus(await http().get('/api/v1/me').set(token), 200).body;
    expect(me.stores.map((store: { id: string }) => store.id)).toEqual([shop.stores[0].id]);
  });

  it('lets owners change tenant settings, with the version bumped', async () => {
    const before = expectStatus(await http().get('/api/v1/tenant').set(bearer(shop.owner.accessToken)), 200).body;
    const after = expectStatus(
      await http().patch('/api/v1/tenant').set(bearer(shop.owner.accessToken)).send({ allowNegativeStock: true, currency: 'USD' }),
      200,
    ).body;
    expect(after).toMatchObject({ allowNegativeStock: true, currency: 'USD', version: before.version + 1 });
  });
});
