import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('registers', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Juliet');
  });
  afterAll(() => api.close());

  it('gives every store an api register from the start, numbered from zero', async () => {
    for (const store of shop.stores) {
      const registers = expectStatus(await http().get(`/api/v1/stores/${store.id}/registers`).set(bearer(shop.owner.accessToken)), 200).body.items;
      expect(registers).toEqual([expect.objectContaining({ storeId: store.id, kind: 'api', name: 'API', lastReceiptNumber: 0 })]);
    }
  });

  it('adds POS registers with names unique per store', async () => {
    const storeId = shop.stores[0].id;
    const till = expectStatus(
      await http().post(`/api/v1/stores/${storeId}/registers`).set(bearer(shop.manager.accessToken)).send({ name: 'Till 1' }),
      201,
    ).body;
    expect(till).toMatchObject({ storeId, name: 'Till 1', kind: 'pos', lastReceiptNumber: 0 });
    expect(expectStatus(await http().get(`/api/v1/registers/${till.id}`).set(bearer(shop.owner.accessToken)), 200).body).toEqual(till);
    const again = await http().post(`/api/v1/stores/${storeId}/registers`).set(bearer(shop.owner.accessToken)).send({ name: 'Till 1' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('name');
    expectStatus(await http().post(`/api/v1/stores/${shop.stores[1].id}/registers`).set(bearer(shop.owner.accessToken)).send({ name: 'Till 1' }), 201);
  });

  it("keeps a store-limited cashier to their store's registers", async () => {
    const other = shop.stores[1].id;
    expect((await http().get(`/api/v1/stores/${other}/registers`).set(bearer(shop.cashier.accessToken))).status).toBe(404);
    const otherRegisters = expectStatus(await http().get(`/api/v1/stores/${other}/registers`).set(bearer(shop.owner.accessToken)), 200).body.items;
    const response = await http().get(`/api/v1/registers/${otherRegisters[0].id}`).set(bearer(shop.cashier.accessToken));
    expect(response.status).toBe(404);
    expect(response.body.code).toBe(ErrorCode.RegisterNotFound);
    expect((await http().post(`/api/v1/stores/${shop.stores[0].id}/registers`).set(bearer(shop.cashier.accessToken)).send({ name: 'Mine' })).status).toBe(403);
  });
});
