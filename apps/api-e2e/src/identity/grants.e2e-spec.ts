import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { addUser, bearer, createTenant, expectStatus, SignedInUser, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

/**
 * Nobody grants what they don't hold: the role of a user someone creates or edits stays within the
 * caller's permissions, and the stores within the caller's stores. Store 0 is MAIN, store 1 is DOCK.
 */
describe('granting roles and stores', () => {
  let api: TestApi;
  let shop: TenantFixture;
  /** A manager limited to DOCK. */
  let dockManager: SignedInUser;
  /** A cashier limited to DOCK, made by the owner. */
  let dockCashier: SignedInUser;
  let main: string;
  let dock: string;
  const http = () => request(api.app.getHttpServer());
  let n = 0;
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    name: 'New Person',
    email: `person-${++n}@${shop.slug}.test`,
    role: 'cashier',
    ...overrides,
  });
  const createKey = async (permissions: string[]) =>
    expectStatus(
      await http()
        .post('/api/v1/api-keys')
        .set(bearer(shop.owner.accessToken))
        .send({ name: permissions.join(' '), permissions }),
      201,
    ).body.key as string;

  function expectRefused(response: request.Response, status: number, code: ErrorCode, field: string) {
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  }

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Kappa');
    [main, dock] = shop.stores.map((store) => store.id);
    dockManager = await addUser(api.app, shop, shop.owner.accessToken, newUser({ role: 'manager', storeIds: [dock] }));
    dockCashier = await addUser(api.app, shop, shop.owner.accessToken, newUser({ storeIds: [dock] }));
  });
  afterAll(() => api.close());

  describe('a manager limited to one store', () => {
    const asDockManager = () => bearer(dockManager.accessToken);

    it('creates cashiers for its own store', async () => {
      const created = expectStatus(
        await http()
          .post('/api/v1/users')
          .set(asDockManager())
          .send(newUser({ storeIds: [dock] })),
        201,
      ).body;
      expect(created.user.storeIds).toEqual([dock]);
    });

    it('cannot create a cashier for every store, by leaving storeIds out or empty', async () => {
      expectRefused(await http().post('/api/v1/users').set(asDockManager()).send(newUser()), 403, ErrorCode.Forbidden, 'storeIds');
      expectRefused(
        await http()
          .post('/api/v1/users')
          .set(asDockManager())
          .send(newUser({ storeIds: [] })),
        403,
        ErrorCode.Forbidden,
        'storeIds',
      );
    });

    it('cannot create a cashier for a store it is not limited to, as if that store did not exist', async () => {
      for (const storeIds of [[main], [dock, main]]) {
        expectRefused(await http().post('/api/v1/users').set(asDockManager()).send(newUser({ storeIds })), 422, ErrorCode.ReferenceNotFound, 'storeIds');
      }
    });

    it("cannot widen its cashier's stores beyond its own, or to every store", async () => {
      const path = `/api/v1/users/${dockCashier.id}`;
      expectRefused(
        await http()
          .patch(path)
          .set(asDockManager())
          .send({ storeIds: [dock, main] }),
        422,
        ErrorCode.ReferenceNotFound,
        'storeIds',
      );
      expectRefused(await http().patch(path).set(asDockManager()).send({ storeIds: [] }), 403, ErrorCode.Forbidden, 'storeIds');
      const after = expectStatus(await http().get(path).set(asDockManager()), 200).body;
      expect(after.storeIds).toEqual([dock]);
    });

    it('neither sees nor edits users outside its stores: they are 404', async () => {
      const listed = expectStatus(await http().get('/api/v1/users?limit=200').set(asDockManager()), 200).body;
      const ids = listed.items.map((user: { id: string }) => user.id);
      expect(ids).toEqual(expect.arrayContaining([dockManager.id, dockCashier.id]));
      for (const outside of [shop.owner, shop.manager, shop.cashier]) {
        expect(ids).not.toContain(outside.id);
        const read = await http().get(`/api/v1/users/${outside.id}`).set(asDockManager());
        expect({ status: read.status, code: read.body.code }).toEqual({ status: 404, code: ErrorCode.UserNotFound });
        const edit = await http()
          .patch(`/api/v1/users/${outside.id}`)
          .set(asDockManager())
          .send({ storeIds: [dock] });
        expect({ status: edit.status, code: edit.body.code }).toEqual({ status: 404, code: ErrorCode.UserNotFound });
      }
    });
  });

  describe('an unlimited manager', () => {
    it('may give a cashier any store, or every store', async () => {
      const token = bearer(shop.manager.accessToken);
      expectStatus(
        await http()
          .post('/api/v1/users')
          .set(token)
          .send(newUser({ storeIds: [main, dock] })),
        201,
      );
      expectStatus(await http().post('/api/v1/users').set(token).send(newUser()), 201);
    });

    it('cannot promote a cashier, nor touch an owner', async () => {
      const token = bearer(shop.manager.accessToken);
      expectRefused(await http().patch(`/api/v1/users/${dockCashier.id}`).set(token).send({ role: 'manager' }), 403, ErrorCode.Forbidden, 'role');
      const owner = await http().patch(`/api/v1/users/${shop.owner.id}`).set(token).send({ active: false });
      expect({ status: owner.status, code: owner.body.code }).toEqual({ status: 403, code: ErrorCode.Forbidden });
    });
  });

  describe('an API key', () => {
    it('scoped only to users:manage can create no one, since every role holds more than it', async () => {
      const key = await createKey(['users:manage']);
      for (const role of ['cashier', 'manager', 'owner']) {
        const response = await http().post('/api/v1/users').set(bearer(key)).send(newUser({ role }));
        expectRefused(response, 403, ErrorCode.Forbidden, 'role');
        expect(response.body.invite).toBeUndefined();
      }
    });

    it('scoped only to users:manage cannot edit a cashier who holds more than it', async () => {
      const key = await createKey(['users:manage']);
      const response = await http()
        .patch(`/api/v1/users/${dockCashier.id}`)
        .set(bearer(key))
        .send({ storeIds: [main, dock] });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: ErrorCode.Forbidden });
    });

    it("holding a cashier's permissions may create cashiers, but not promote anyone to manager", async () => {
      const me = expectStatus(await http().get('/api/v1/me').set(bearer(shop.cashier.accessToken)), 200).body;
      const key = await createKey([...me.permissions, 'users:manage']);
      const created = expectStatus(await http().post('/api/v1/users').set(bearer(key)).send(newUser()), 201).body;
      expectRefused(await http().patch(`/api/v1/users/${created.user.id}`).set(bearer(key)).send({ role: 'manager' }), 403, ErrorCode.Forbidden, 'role');
      expectRefused(
        await http()
          .post('/api/v1/users')
          .set(bearer(key))
          .send(newUser({ role: 'manager' })),
        403,
        ErrorCode.Forbidden,
        'role',
      );
    });

    it('cannot create API keys, even with api_keys:manage', async () => {
      const key = await createKey(['api_keys:manage', 'stores:read']);
      const response = await http()
        .post('/api/v1/api-keys')
        .set(bearer(key))
        .send({ name: 'child', permissions: ['stores:read'] });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: ErrorCode.Forbidden });
    });
  });

  describe('an owner limited to one store', () => {
    let dockOwner: SignedInUser;
    beforeAll(async () => {
      dockOwner = await addUser(api.app, shop, shop.owner.accessToken, newUser({ role: 'owner', storeIds: [dock] }));
    });

    it('cannot create an API key, since keys reach every store', async () => {
      const response = await http()
        .post('/api/v1/api-keys')
        .set(bearer(dockOwner.accessToken))
        .send({ name: 'every store', permissions: ['sales:read'] });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: ErrorCode.Forbidden });
    });

    it('cannot lift its own store limit', async () => {
      const response = await http().patch(`/api/v1/users/${dockOwner.id}`).set(bearer(dockOwner.accessToken)).send({ storeIds: [] });
      expectRefused(response, 403, ErrorCode.Forbidden, 'storeIds');
    });
  });
});
