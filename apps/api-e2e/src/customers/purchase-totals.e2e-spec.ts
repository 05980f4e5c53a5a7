import request from 'supertest';
import { migrateDatabase } from '@kassa/api/database';
import { salesFixtures } from '../sales/sales-fixtures';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

/** GET /customers/:id answers purchases from the customer's own totals, which every sale, refund and void keeps. */
describe("a customer's purchase totals", () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const { newProduct, receive, sell } = salesFixtures(() => api);

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  const newCustomer = async (shop: TenantFixture) =>
    expectStatus(await http().post('/api/v1/customers').set(bearer(shop.owner.accessToken)).send({ name: 'Regular Rita' }), 201).body;
  const purchases = async (shop: TenantFixture, customerId: string) =>
    expectStatus(await http().get(`/api/v1/customers/${customerId}`).set(bearer(shop.owner.accessToken)), 200).body.purchases;
  const buy = async (shop: TenantFixture, customerId: string, productId: string, quantity: number, priceMinor: number, extra: object = {}) =>
    expectStatus(
      await sell(shop.cashier.accessToken, {
        storeId: shop.stores[0].id,
        customerId,
        lines: [{ productId, quantity }],
        tenders: [{ type: 'card', amountMinor: quantity * priceMinor }],
        ...extra,
      }),
      201,
    ).body;
  const voidSale = async (shop: TenantFixture, saleId: string) =>
    expectStatus(await http().post(`/api/v1/sales/${saleId}/void`).set(bearer(shop.manager.accessToken)).send({ reason: 'Rung in error' }), 200);
  const stockedProduct = async (shop: TenantFixture, priceMinor: number) => {
    const product = await newProduct(shop, { priceMinor });
    await receive(shop, shop.stores[0].id, product.id, 50);
    return product;
  };

  it('takes a voided sale out of the count and the total, and their last purchase back to the one before', async () => {
    const product = await stockedProduct(a, 250);
    const customer = await newCustomer(a);
    const first = await buy(a, customer.id, product.id, 1, 250);
    const second = await buy(a, customer.id, product.id, 2, 250);
    expect(await purchases(a, customer.id)).toEqual({ count: 2, totalMinor: 750, lastPurchaseAt: second.occurredAt });

    await voidSale(a, second.id);
    expect(await purchases(a, customer.id)).toEqual({ count: 1, totalMinor: 250, lastPurchaseAt: first.occurredAt });
    await voidSale(a, first.id);
    expect(await purchases(a, customer.id)).toEqual({ count: 0, totalMinor: 0, lastPurchaseAt: null });
  });

  it('counts a sale rung up earlier (offline) without moving their last purchase back', async () => {
    const product = await stockedProduct(a, 100);
    const customer = await newCustomer(a);
    const today = await buy(a, customer.id, product.id, 1, 100);
    await buy(a, customer.id, product.id, 3, 100, { occurredAt: new Date(Date.now() - 86_400_000).toISOString() });
    expect(await purchases(a, customer.id)).toEqual({ count: 2, totalMinor: 400, lastPurchaseAt: today.occurredAt });
  });

  it('fills the totals in from the sales, refunds and voids already made when its migration runs', async () => {
    const product = await stockedProduct(a, 300);
    const [buyer, refunded, none] = [await newCustomer(a), await newCustomer(a), await newCustomer(a)];
    await buy(a, buyer.id, product.id, 1, 300);
    await voidSale(a, (await buy(a, buyer.id, product.id, 2, 300)).id);
    const partly = await buy(a, refunded.id, product.id, 3, 300);
    expectStatus(
      await http()
        .post(`/api/v1/sales/${partly.id}/refunds`)
        .set(bearer(a.manager.accessToken))
        .send({
          lines: [{ saleLineId: partly.lines[0].id, quantity: 2, restock: true }],
          tenders: [{ type: 'card', amountMinor: 600 }],
          reason: 'Two came back',
        }),
      201,
    );
    const elsewhere = await newCustomer(b);
    await buy(b, elsewhere.id, (await stockedProduct(b, 500)).id, 1, 500);

    const kept = [await purchases(a, buyer.id), await purchases(a, refunded.id), await purchases(a, none.id), await purchases(b, elsewhere.id)];
    expect(kept.map((totals) => [totals.count, totals.totalMinor])).toEqual([
      [1, 300],
      [1, 300],
      [0, 0],
      [1, 500],
    ]);

    await ownerQuery(api, `ALTER TABLE customer DROP COLUMN purchase_count, DROP COLUMN purchase_total_minor, DROP COLUMN last_purchase_at`);
    await ownerQuery(api, `DELETE FROM schema_migration WHERE name = 'AddCustomerPurchaseTotals1765670400000'`);
    expect(await migrateDatabase(api.database.url)).toEqual(['AddCustomerPurchaseTotals1765670400000']);

    expect([await purchases(a, buyer.id), await purchases(a, refunded.id), await purchases(a, none.id), await purchases(b, elsewhere.id)]).toEqual(kept);
  });
});
