import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { addUser, bearer, createTenantPair, deviceAuth, expectStatus, TenantFixture } from '../support/identity';
import { pairDevice } from '../support/id-route-sweep';
import { ownerQuery } from '../support/owner-query';
import { routeInventory } from '../support/route-inventory';
import { startTestApi, TestApi } from '../support/test-api';

describe('paired devices', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  const newRegister = async (shop: TenantFixture, storeIndex = 0) =>
    expectStatus(
      await http()
        .post(`/api/v1/stores/${shop.stores[storeIndex].id}/registers`)
        .set(bearer(shop.owner.accessToken))
        .send({ name: `Till ${Math.random().toString(36).slice(2, 8)}` }),
      201,
    ).body as { id: string };

  it('pairs a device that reads its register, store and shop, and shows the token only once', async () => {
    const register = await newRegister(a);
    const paired = await pairDevice(api.app, a, register.id);
    expect(paired.deviceToken).toMatch(/^kdv_/);

    const current = expectStatus(await http().get('/api/v1/devices/current').set(deviceAuth(paired.deviceToken)).set('x-app-version', '1.4.2'), 200).body;
    expect(current).toMatchObject({
      deviceId: paired.deviceId,
      name: 'Counter tablet',
      register: { id: register.id },
      store: { id: a.stores[0].id },
      tenant: { id: a.id, currency: 'EUR' },
    });
    const [stored] = await ownerQuery<{ secret_hash: Buffer }>(api, `SELECT secret_hash FROM device WHERE id = $1`, [paired.deviceId]);
    expect(stored.secret_hash).toHaveLength(32);

    const listed = expectStatus(await http().get('/api/v1/devices').set(bearer(a.manager.accessToken)), 200).body;
    const device = listed.items.find((item: { id: string }) => item.id === paired.deviceId);
    expect(device).toMatchObject({ registerId: register.id, storeId: a.stores[0].id, pairedBy: a.owner.id, appVersion: '1.4.2', revokedAt: null });
    expect(device.lastSeenAt).toEqual(expect.any(String));
    expect(JSON.stringify(listed)).not.toContain(paired.deviceToken);
  });

  it('keeps one active device per register: pairing a second revokes the first, and revoking the second stops it', async () => {
    const register = await newRegister(a);
    const first = await pairDevice(api.app, a, register.id);
    const second = await pairDevice(api.app, a, register.id);

    const refused = await http().get('/api/v1/devices/current').set(deviceAuth(first.deviceToken));
    expect([refused.status, refused.body.code]).toEqual([401, ErrorCode.DeviceRevoked]);
    expectStatus(await http().get('/api/v1/devices/current').set(deviceAuth(second.deviceToken)), 200);

    expectStatus(await http().delete(`/api/v1/devices/${second.deviceId}`).set(bearer(a.manager.accessToken)), 204);
    const revoked = await http().get('/api/v1/devices/current').set(deviceAuth(second.deviceToken));
    expect([revoked.status, revoked.body.code]).toEqual([401, ErrorCode.DeviceRevoked]);
    const again = await http().delete(`/api/v1/devices/${second.deviceId}`).set(bearer(a.manager.accessToken));
    expect([again.status, again.body.code]).toEqual([404, ErrorCode.DeviceNotFound]);
  });

  it('lets a device on its own reach only its own routes', async () => {
    const { deviceToken } = await pairDevice(api.app, a);
    expectStatus(await http().get('/api/v1/devices/current/staff').set(deviceAuth(deviceToken)), 200);
    for (const path of ['/api/v1/me', '/api/v1/products', '/api/v1/devices', `/api/v1/stores/${a.stores[0].id}`]) {
      const response = await http().get(path).set(deviceAuth(deviceToken));
      expect([path, response.status]).toEqual([path, 403]);
    }
    const sale = await http().post('/api/v1/sales').set(deviceAuth(deviceToken)).send({ storeId: a.stores[0].id, lines: [], tenders: [] });
    expect([400, 401, 403]).toContain(sale.status);
    expect((await http().get('/api/v1/devices/current').set(bearer(a.owner.accessToken))).status).toBe(403);
    expect(
      (
        await http()
          .get('/api/v1/devices/current')
          .set(deviceAuth(`${deviceToken.slice(0, -4)}AAAA`))
      ).status,
    ).toBe(401);
  });

  it('refuses a device on its own on every other route of the inventory with 403', async () => {
    const { deviceToken } = await pairDevice(api.app, a);
    const faults: string[] = [];
    for (const route of routeInventory(api.app)) {
      if (!route.rule || route.rule.public || 'device' in route.rule) continue;
      const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const response = await http()
        [verb](route.path.replace(/:\w+/g, () => uuidv7()))
        .set(deviceAuth(deviceToken));
      if (response.status !== 403) faults.push(`${route.key}: ${response.status}`);
    }
    expect(faults).toEqual([]);
  });

  it('documents the device header as its own OpenAPI security scheme, on the routes that take it and only there', async () => {
    const document = expectStatus(await http().get('/api/openapi.json'), 200).body;
    expect(document.components.securitySchemes.device).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    const securityOf = (path: string, method: string) => document.paths[path][method].security;
    expect(securityOf('/api/v1/devices/current', 'get')).toEqual([{ device: [] }]);
    expect(securityOf('/api/v1/devices/current/staff', 'get')).toEqual([{ device: [] }]);
    expect(securityOf('/api/v1/devices/current/heartbeat', 'post')).toEqual([{ device: [] }]);
    expect(securityOf('/api/v1/auth/pin', 'post')).toEqual([{ device: [] }]);
    expect(securityOf('/api/v1/devices', 'get')).toEqual([{ bearer: [] }, { ApiKey: [] }]);
    expect(securityOf('/api/v1/devices/{id}', 'delete')).toEqual([{ bearer: [] }, { ApiKey: [] }]);
  });

  it("keeps each till's last sync report for its own shop's managers, and refuses a malformed one naming the field", async () => {
    const mine = await pairDevice(api.app, a);
    const theirs = await pairDevice(api.app, b);
    const listedBy = async (shop: TenantFixture) =>
      (
        expectStatus(await http().get('/api/v1/devices?limit=100').set(bearer(shop.manager.accessToken)), 200).body.items as { id: string; sync: unknown }[]
      ).reduce((found, device) => found.set(device.id, device.sync), new Map<string, unknown>());
    expect((await listedBy(a)).get(mine.deviceId)).toBeNull();

    const report = {
      pending: 40,
      oldestPendingAt: '2026-11-30T06:00:00.000Z',
      refused: 1,
      lastError: 'Failed to fetch',
      appVersion: '2026.11.30',
      storagePersisted: true,
    };
    expectStatus(await http().post('/api/v1/devices/current/heartbeat').set(deviceAuth(mine.deviceToken)).send(report), 204);
    expectStatus(
      await http()
        .post('/api/v1/devices/current/heartbeat')
        .set(deviceAuth(theirs.deviceToken))
        .send({ ...report, pending: 7 }),
      204,
    );
    const ours = await listedBy(a);
    expect(ours.get(mine.deviceId)).toEqual({
      reportedAt: expect.any(String),
      pending: 40,
      refused: 1,
      oldestPendingAt: '2026-11-30T06:00:00.000Z',
      lastError: 'Failed to fetch',
      storagePersisted: true,
    });
    expect(ours.has(theirs.deviceId)).toBe(false);
    expect((await listedBy(b)).get(theirs.deviceId)).toMatchObject({ pending: 7 });

    const emptied = { ...report, pending: 0, oldestPendingAt: null, refused: 0, lastError: null };
    expectStatus(await http().post('/api/v1/devices/current/heartbeat').set(deviceAuth(mine.deviceToken)).send(emptied), 204);
    expect((await listedBy(a)).get(mine.deviceId)).toMatchObject({ pending: 0, oldestPendingAt: null, lastError: null });

    const bad = await http()
      .post('/api/v1/devices/current/heartbeat')
      .set(deviceAuth(mine.deviceToken))
      .send({ ...report, pending: -1 });
    expect([bad.status, bad.body.errors.map((error: { field: string }) => error.field)]).toEqual([400, ['pending']]);
    const byUser = await http().post('/api/v1/devices/current/heartbeat').set(bearer(a.manager.accessToken)).send(report);
    expect(byUser.status).toBe(403);
  });

  it("lists as staff the store's active users only, with whether each has a PIN", async () => {
    const otherStoreCashier = await addUser(api.app, a, a.owner.accessToken, {
      name: 'Other Store Cashier',
      email: `other-store@${a.slug}.test`,
      role: 'cashier',
      storeIds: [a.stores[1].id],
    });
    const { deviceToken } = await pairDevice(api.app, a);
    const staff = expectStatus(await http().get('/api/v1/devices/current/staff').set(deviceAuth(deviceToken)), 200).body.items;
    const ids = staff.map((user: { id: string }) => user.id);
    expect(ids).toEqual(expect.arrayContaining([a.owner.id, a.manager.id, a.cashier.id]));
    expect(ids).not.toContain(otherStoreCashier.id);
    expect(staff.find((user: { id: string }) => user.id === a.cashier.id)).toEqual({
      id: a.cashier.id,
      name: expect.any(String),
      role: 'cashier',
      pinSet: false,
    });
    expect(ids.some((id: string) => id === b.owner.id)).toBe(false);
  });

  it('keeps pairing to owners and managers of the shop, on POS registers of stores they can use', async () => {
    const register = await newRegister(a);
    const cashier = await http().post(`/api/v1/registers/${register.id}/devices`).set(bearer(a.cashier.accessToken)).send({ name: 'Mine' });
    expect([cashier.status, cashier.body.code]).toEqual([403, ErrorCode.Forbidden]);
    const otherShop = await http().post(`/api/v1/registers/${register.id}/devices`).set(bearer(b.owner.accessToken)).send({ name: 'Theirs' });
    expect([otherShop.status, otherShop.body.code]).toEqual([404, ErrorCode.RegisterNotFound]);
    const apiRegister = expectStatus(await http().get(`/api/v1/stores/${a.stores[0].id}/registers`).set(bearer(a.owner.accessToken)), 200).body.items.find(
      (item: { kind: string }) => item.kind === 'api',
    );
    const onApi = await http().post(`/api/v1/registers/${apiRegister.id}/devices`).set(bearer(a.owner.accessToken)).send({ name: 'Nope' });
    expect([onApi.status, onApi.body.code]).toEqual([403, ErrorCode.Forbidden]);
    const unnamed = await http().post(`/api/v1/registers/${register.id}/devices`).set(bearer(a.owner.accessToken)).send({});
    expect([unnamed.status, unnamed.body.errors?.[0]?.field]).toEqual([400, 'name']);
  });

  it("does not show or revoke another shop's devices", async () => {
    const paired = await pairDevice(api.app, a);
    const theirs = expectStatus(await http().get('/api/v1/devices').set(bearer(b.owner.accessToken)), 200).body.items;
    expect(theirs.map((item: { id: string }) => item.id)).not.toContain(paired.deviceId);
    const revoke = await http().delete(`/api/v1/devices/${paired.deviceId}`).set(bearer(b.owner.accessToken));
    expect([revoke.status, revoke.body.code]).toEqual([404, ErrorCode.DeviceNotFound]);
    expectStatus(await http().get('/api/v1/devices/current').set(deviceAuth(paired.deviceToken)), 200);
  });
});
