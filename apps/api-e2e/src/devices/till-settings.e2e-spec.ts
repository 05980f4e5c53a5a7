import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { bearer, createTenantPair, deviceAuth, expectStatus, TenantFixture } from '../support/identity';
import { pairDevice } from '../support/id-route-sweep';
import { startTestApi, TestApi } from '../support/test-api';

describe("the till's shop settings: idle lock and favourites per register", () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const tenantOf = async (token: string) => expectStatus(await http().get('/api/v1/tenant').set(bearer(token)), 200).body;

  async function newRegister(shop: TenantFixture): Promise<string> {
    return expectStatus(
      await http()
        .post(`/api/v1/stores/${shop.stores[0].id}/registers`)
        .set(bearer(shop.owner.accessToken))
        .send({ name: `Till ${uuidv7().slice(-8)}` }),
      201,
    ).body.id;
  }

  async function newProduct(shop: TenantFixture): Promise<string> {
    const sku = `FAV-${uuidv7().slice(-10)}`;
    return expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(shop.owner.accessToken))
        .send({ sku, name: `Favourite ${sku}`, priceMinor: 300 }),
      201,
    ).body.id;
  }

  const favourites = (token: string, registerId: string) => http().get(`/api/v1/registers/${registerId}/favourites`).set(bearer(token));
  const setFavourites = (token: string, registerId: string, productIds: unknown) =>
    http().put(`/api/v1/registers/${registerId}/favourites`).set(bearer(token)).send({ productIds });

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  describe('idle lock', () => {
    it('starts at two minutes, is changed by the owner, and reaches the paired till before anyone signs in', async () => {
      expect((await tenantOf(b.owner.accessToken)).tillIdleLockSeconds).toBe(120);
      const before = await tenantOf(a.owner.accessToken);
      expect(before.tillIdleLockSeconds).toBe(120);
      const after = expectStatus(await http().patch('/api/v1/tenant').set(bearer(a.owner.accessToken)).send({ tillIdleLockSeconds: 45 }), 200).body;
      expect(after).toMatchObject({ tillIdleLockSeconds: 45, version: before.version + 1 });
      const { deviceToken } = await pairDevice(api.app, a);
      expect(expectStatus(await http().get('/api/v1/devices/current').set(deviceAuth(deviceToken)), 200).body.tenant.tillIdleLockSeconds).toBe(45);
      expect((await tenantOf(a.cashier.accessToken)).tillIdleLockSeconds).toBe(45);
      expect((await tenantOf(b.owner.accessToken)).tillIdleLockSeconds).toBe(120);
    });

    it.each([14, 3601, '60', 1.5, null])('refuses %p with a 400 naming tillIdleLockSeconds', async (value) => {
      const before = await tenantOf(a.owner.accessToken);
      const response = expectStatus(await http().patch('/api/v1/tenant').set(bearer(a.owner.accessToken)).send({ tillIdleLockSeconds: value }), 400);
      expect(response.body.code).toBe(ErrorCode.ValidationFailed);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('tillIdleLockSeconds');
      expect(await tenantOf(a.owner.accessToken)).toEqual(before);
    });

    it('keeps a cashier from changing it', async () => {
      expect((await http().patch('/api/v1/tenant').set(bearer(a.cashier.accessToken)).send({ tillIdleLockSeconds: 3600 })).status).toBe(403);
    });
  });

  describe('favourites', () => {
    it('keeps the order a manager saved, shows it to the cashier, and leaves deleted products out', async () => {
      const register = await newRegister(a);
      expect(expectStatus(await favourites(a.cashier.accessToken, register), 200).body).toEqual({ registerId: register, productIds: [] });
      const [first, second, third] = [await newProduct(a), await newProduct(a), await newProduct(a)];
      const saved = expectStatus(await setFavourites(a.manager.accessToken, register, [third, first, second]), 200).body;
      expect(saved).toEqual({ registerId: register, productIds: [third, first, second] });
      expect(expectStatus(await favourites(a.cashier.accessToken, register), 200).body.productIds).toEqual([third, first, second]);

      expectStatus(await setFavourites(a.manager.accessToken, register, [second, third]), 200);
      expect(expectStatus(await favourites(a.cashier.accessToken, register), 200).body.productIds).toEqual([second, third]);
      expectStatus(await http().delete(`/api/v1/products/${second}`).set(bearer(a.owner.accessToken)), 204);
      expect(expectStatus(await favourites(a.cashier.accessToken, register), 200).body.productIds).toEqual([third]);

      const other = await newRegister(a);
      expect(expectStatus(await favourites(a.cashier.accessToken, other), 200).body.productIds).toEqual([]);
      const [change] = expectStatus(
        await http().get(`/api/v1/audit-logs?entityType=register&entityId=${register}&action=update&limit=1`).set(bearer(a.owner.accessToken)),
        200,
      ).body.items;
      expect(change.changes.favourites).toEqual([
        [third, first, second],
        [second, third],
      ]);
    });

    it('lets managers and owners edit them, not cashiers', async () => {
      const register = await newRegister(a);
      const product = await newProduct(a);
      const refused = await setFavourites(a.cashier.accessToken, register, [product]);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe(ErrorCode.Forbidden);
      expectStatus(await setFavourites(a.owner.accessToken, register, [product]), 200);
      expectStatus(await setFavourites(a.owner.accessToken, register, []), 200);
      expect(expectStatus(await favourites(a.owner.accessToken, register), 200).body.productIds).toEqual([]);
    });

    it("refuses another shop's register and product, an unknown product, a repeat and too many, naming the field", async () => {
      const register = await newRegister(a);
      const mine = await newProduct(a);
      const theirs = await newProduct(b);
      expect((await favourites(b.owner.accessToken, register)).body.code).toBe(ErrorCode.RegisterNotFound);
      expect((await setFavourites(b.owner.accessToken, register, [theirs])).status).toBe(404);

      for (const [productIds, status, code, field] of [
        [[mine, theirs], 404, ErrorCode.ProductNotFound, 'productIds.1'],
        [[uuidv7()], 404, ErrorCode.ProductNotFound, 'productIds.0'],
        [[mine, mine], 400, ErrorCode.ValidationFailed, 'productIds'],
        [['not-a-uuid'], 400, ErrorCode.ValidationFailed, 'productIds'],
        [Array.from({ length: 49 }, () => uuidv7()), 400, ErrorCode.ValidationFailed, 'productIds'],
        ['all of them', 400, ErrorCode.ValidationFailed, 'productIds'],
      ] as const) {
        const response = await setFavourites(a.owner.accessToken, register, productIds);
        expect([response.status, response.body.code]).toEqual([status, code]);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      }
      expect(expectStatus(await favourites(a.owner.accessToken, register), 200).body.productIds).toEqual([]);
    });
  });
});
