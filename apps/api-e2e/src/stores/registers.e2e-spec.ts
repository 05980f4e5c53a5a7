import { ErrorCode } from '@kassa/contracts';
import { addUser, bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';

describe('registers', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let other: TenantFixture;
  const http = () => api.http();

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Juliet');
    other = await createTenant(api.app, 'Kilo');
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

  describe('PATCH /registers/{id}', () => {
    const patch = (id: string, token: string, body: object) => http().patch(`/api/v1/registers/${id}`).set(bearer(token)).send(body);
    const newTill = async (name: string) =>
      expectStatus(await http().post(`/api/v1/stores/${shop.stores[0].id}/registers`).set(bearer(shop.owner.accessToken)).send({ name }), 201).body;

    it('renames a register, keeping names unique per store, and audits the change', async () => {
      const till = await newTill('Front till');
      await newTill('Back till');
      const renamed = expectStatus(await patch(till.id, shop.manager.accessToken, { name: 'Window till' }), 200).body;
      expect(renamed).toEqual({ ...till, name: 'Window till' });
      const taken = await patch(till.id, shop.owner.accessToken, { name: 'Back till' });
      expect(taken.status).toBe(409);
      expect(taken.body.errors[0].field).toBe('name');
      const audit = expectStatus(
        await http().get(`/api/v1/audit-logs?entityType=register&entityId=${till.id}&action=update`).set(bearer(shop.owner.accessToken)),
        200,
      ).body.items;
      expect(audit).toEqual([expect.objectContaining({ changes: { name: ['Front till', 'Window till'] } })]);
    });

    it('retires a register: no new online sales or pairings, offline sales its till took still arrive; reactivating puts it back', async () => {
      const till = await tillSession(api.app, shop);
      const product = expectStatus(
        await http().post('/api/v1/products').set(bearer(shop.owner.accessToken)).send({ sku: 'RETIRE-1', name: 'Retire test', priceMinor: 500 }),
        201,
      ).body;
      expectStatus(
        await http()
          .post('/api/v1/inventory/adjustments')
          .set(bearer(shop.owner.accessToken))
          .send({ storeId: shop.stores[0].id, productId: product.id, delta: 10, reason: 'receipt' }),
        201,
      );
      const sale = (receiptNumber: number, offline: boolean) =>
        http()
          .post('/api/v1/sales')
          .set(bearer(till.accessToken))
          .send({
            storeId: shop.stores[0].id,
            registerId: till.registerId,
            receiptNumber,
            offline,
            lines: [{ productId: product.id, quantity: 1 }],
            tenders: [{ type: 'card', amountMinor: 500 }],
          });
      expectStatus(await sale(1, true), 201);

      const retired = expectStatus(await patch(till.registerId, shop.owner.accessToken, { retired: true }), 200).body;
      expect(retired.retiredAt).toEqual(expect.any(String));
      const refused = await sale(2, false);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: ErrorCode.RegisterRetired, errors: [{ field: 'registerId' }] });
      expectStatus(await sale(3, true), 201);
      const pairing = await http().post(`/api/v1/registers/${till.registerId}/devices`).set(bearer(shop.owner.accessToken)).send({ name: 'New tablet' });
      expect(pairing.status).toBe(409);
      expect(pairing.body.code).toBe(ErrorCode.RegisterRetired);
      const shift = await http().post(`/api/v1/registers/${till.registerId}/shifts`).set(bearer(shop.owner.accessToken)).send({ openingFloatMinor: 1000 });
      expect(shift.body.code).toBe(ErrorCode.RegisterRetired);

      const listed = expectStatus(await http().get(`/api/v1/stores/${shop.stores[0].id}/registers`).set(bearer(shop.owner.accessToken)), 200).body.items;
      expect(listed).toContainEqual(expect.objectContaining({ id: till.registerId, retiredAt: retired.retiredAt, lastReceiptNumber: 3 }));
      const history = expectStatus(await http().get(`/api/v1/sales?registerId=${till.registerId}`).set(bearer(shop.owner.accessToken)), 200).body.items;
      expect(history).toHaveLength(2);

      expect(expectStatus(await patch(till.registerId, shop.owner.accessToken, { retired: false }), 200).body.retiredAt).toBeNull();
      expectStatus(await sale(4, false), 201);
    });

    it("refuses to retire a store's api register", async () => {
      const [apiRegister] = expectStatus(await http().get(`/api/v1/stores/${shop.stores[1].id}/registers`).set(bearer(shop.owner.accessToken)), 200).body.items;
      const response = await patch(apiRegister.id, shop.owner.accessToken, { retired: true });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: ErrorCode.RegisterNotRetirable, errors: [{ field: 'retired' }] });
      expectStatus(await patch(apiRegister.id, shop.owner.accessToken, { name: 'Back office' }), 200);
    });

    it('refuses bad input naming the field', async () => {
      const till = await newTill('Input till');
      for (const [body, field] of [
        [{ name: '' }, 'name'],
        [{ name: 'x'.repeat(101) }, 'name'],
        [{ retired: 'yes' }, 'retired'],
      ] as const) {
        const response = await patch(till.id, shop.owner.accessToken, body);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe(ErrorCode.ValidationFailed);
        expect(response.body.errors[0].field).toBe(field);
      }
    });

    it("keeps another shop's registers, and other stores of a limited caller, out of reach", async () => {
      const till = await newTill('Private till');
      const foreign = await patch(till.id, other.owner.accessToken, { name: 'Taken over', retired: true });
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe(ErrorCode.RegisterNotFound);
      expect((await patch(till.id, shop.cashier.accessToken, { name: 'Mine' })).status).toBe(403);
      const limited = await addUser(api.app, shop, shop.owner.accessToken, {
        name: 'Lim Manager',
        email: `limited@${shop.slug}.test`,
        role: 'manager',
        storeIds: [shop.stores[0].id],
      });
      const [dockRegister] = expectStatus(await http().get(`/api/v1/stores/${shop.stores[1].id}/registers`).set(bearer(shop.owner.accessToken)), 200).body
        .items;
      expect((await patch(dockRegister.id, limited.accessToken, { name: 'Not yours' })).status).toBe(404);
      expect(expectStatus(await http().get(`/api/v1/registers/${till.id}`).set(bearer(shop.owner.accessToken)), 200).body).toMatchObject({
        name: 'Private till',
        retiredAt: null,
      });
    });
  });
});
