import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { bearer, createTenantPair, deviceAuth, expectStatus, TenantFixture } from '../support/identity';
import { pairDevice } from '../support/id-route-sweep';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';

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

  describe('offline limits', () => {
    const limitsOf = ({ offlineCardAllowed, offlineMaxSaleMinor, offlineMaxHours }: Record<string, unknown>) => ({
      offlineCardAllowed,
      offlineMaxSaleMinor,
      offlineMaxHours,
    });
    const patch = (token: string, body: object) => http().patch('/api/v1/tenant').set(bearer(token)).send(body);

    it('start with cash only, no total limit and 24 hours; the owner sets them and the paired till reads them', async () => {
      expect(limitsOf(await tenantOf(b.owner.accessToken))).toEqual({ offlineCardAllowed: false, offlineMaxSaleMinor: null, offlineMaxHours: 24 });
      const after = expectStatus(await patch(a.owner.accessToken, { offlineCardAllowed: true, offlineMaxSaleMinor: 50_000, offlineMaxHours: 8 }), 200).body;
      expect(limitsOf(after)).toEqual({ offlineCardAllowed: true, offlineMaxSaleMinor: 50_000, offlineMaxHours: 8 });
      const { deviceToken } = await pairDevice(api.app, a);
      expect(limitsOf(expectStatus(await http().get('/api/v1/devices/current').set(deviceAuth(deviceToken)), 200).body.tenant)).toEqual(limitsOf(after));
      expect(limitsOf(await tenantOf(b.owner.accessToken))).toEqual({ offlineCardAllowed: false, offlineMaxSaleMinor: null, offlineMaxHours: 24 });
      // null lifts the total limit again.
      expect(expectStatus(await patch(a.owner.accessToken, { offlineMaxSaleMinor: null }), 200).body.offlineMaxSaleMinor).toBeNull();
      expect((await patch(a.cashier.accessToken, { offlineCardAllowed: false })).status).toBe(403);
      expect((await patch(a.manager.accessToken, { offlineMaxHours: 1 })).status).toBe(403);
    });

    it.each([
      ['offlineMaxHours', 0],
      ['offlineMaxHours', 169],
      ['offlineMaxHours', '8'],
      ['offlineMaxHours', null],
      ['offlineMaxSaleMinor', 0],
      ['offlineMaxSaleMinor', 1.5],
      ['offlineMaxSaleMinor', 100_000_000_001],
      ['offlineCardAllowed', 'yes'],
    ])('refuses %s %p with a 400 naming it, changing nothing', async (field, value) => {
      const before = await tenantOf(a.owner.accessToken);
      const response = expectStatus(await patch(a.owner.accessToken, { [field]: value }), 400);
      expect(response.body.code).toBe(ErrorCode.ValidationFailed);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await tenantOf(a.owner.accessToken)).toEqual(before);
    });

    it("flags offline sales beyond the limits, keeps which card tenders were offline, and takes `offline` only on an offline sale's card tender", async () => {
      const store = b.stores[0].id;
      const productId = expectStatus(
        await http()
          .post('/api/v1/products')
          .set(bearer(b.owner.accessToken))
          .send({ sku: `OFF-${uuidv7().slice(-10)}`, name: 'Offline item', priceMinor: 1_000, trackStock: false }),
        201,
      ).body.id;
      const till = await tillSession(api.app, b, { user: b.cashier });
      let receiptNumber = 0;
      const sell = (tenders: object[], offline = true) =>
        http()
          .post('/api/v1/sales')
          .set(bearer(till.accessToken))
          .send({
            storeId: store,
            registerId: till.registerId,
            receiptNumber: ++receiptNumber,
            lines: [{ productId, quantity: 1 }],
            tenders,
            ...(offline ? { offline: true } : {}),
          });
      const cardOffline = [{ type: 'card', amountMinor: 1_000, offline: true }];
      // Shop b allows no card offline: recorded as rung up, flagged.
      const disallowed = expectStatus(await sell(cardOffline), 201).body;
      expect(disallowed.flags).toContain('offline_limit_exceeded');
      expect(disallowed.tenders).toEqual([expect.objectContaining({ type: 'card', offline: true })]);
      expectStatus(await patch(b.owner.accessToken, { offlineCardAllowed: true, offlineMaxSaleMinor: 999 }), 200);
      expect(expectStatus(await sell(cardOffline), 201).body.flags).toContain('offline_limit_exceeded');
      expectStatus(await patch(b.owner.accessToken, { offlineMaxSaleMinor: 1_000 }), 200);
      const within = expectStatus(await sell(cardOffline), 201).body;
      expect(within.flags).not.toContain('offline_limit_exceeded');
      expect(expectStatus(await sell([{ type: 'card', amountMinor: 1_000 }], false), 201).body.tenders[0].offline).toBe(false);

      const refusals = [await sell(cardOffline, false), await sell([{ type: 'cash', amountMinor: 1_000, offline: true }])];
      expect(refusals.map((response) => [response.status, response.body.errors?.[0]?.field])).toEqual([
        [400, 'tenders.0.offline'],
        [400, 'tenders.0.offline'],
      ]);
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
