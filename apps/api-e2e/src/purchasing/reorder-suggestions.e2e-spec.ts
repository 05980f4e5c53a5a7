import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import type { TillSession } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The rule, written out again here with floats: v = sold / 28, safety = ceil(3v). */
function expectedQuantity(seen: { sold: number; lead: number; review: number; onHand: number; onOrder: number; pack: number; min: number }): number {
  const v = seen.sold / 28;
  const need = v * (seen.lead + seen.review) + Math.ceil(3 * v) - seen.onHand - seen.onOrder;
  return Math.ceil(Math.max(need, seen.min) / seen.pack) * seen.pack;
}

describe('reorder suggestions', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const post = (shop: TenantFixture, path: string, body: object) => http().post(path).set(bearer(shop.owner.accessToken)).send(body);
  const get = (shop: TenantFixture, path: string) => http().get(path).set(bearer(shop.owner.accessToken));

  /** Seeded history of the main store: per product, what it sold, what it has and who supplies it. */
  const seeded: Record<string, { id: string; sold: number; lead: number; pack: number; min: number; onHand: number; onOrder: number; supplierId: string }> = {};
  let store: string;
  let till: TillSession | undefined;
  let receipts = 0;

  async function newProduct(name: string): Promise<string> {
    return expectStatus(await post(a, '/api/v1/products', { sku: `R-${uuidv7().slice(-10)}`, name, priceMinor: 100, costMinor: 60 }), 201).body.id;
  }

  async function sell(productId: string, quantity: number, daysAgo: number | null): Promise<{ id: string; lines: { id: string }[] }> {
    const occurredAt = daysAgo === null ? undefined : new Date(Date.now() - daysAgo * DAY_MS - 60 * 60 * 1000).toISOString();
    // Sales rung up days ago reach the API as offline sales, which only a till may send.
    till ??= await tillSession(api.app, a, { storeId: store });
    return expectStatus(
      await http()
        .post('/api/v1/sales')
        .set(bearer(till.accessToken))
        .send({
          storeId: store,
          registerId: till.registerId,
          receiptNumber: ++receipts,
          lines: [{ productId, quantity }],
          tenders: [{ type: 'card', amountMinor: quantity * 100 }],
          offline: true,
          ...(occurredAt ? { occurredAt } : {}),
        }),
      201,
    ).body;
  }

  async function setOnHand(productId: string, target: number): Promise<void> {
    const level = expectStatus(await get(a, `/api/v1/inventory/levels?storeId=${store}&productId=${productId}`), 200).body.items[0];
    const delta = target - (level?.onHand ?? 0);
    if (delta !== 0) expectStatus(await post(a, '/api/v1/inventory/adjustments', { storeId: store, productId, delta, reason: 'adjustment' }), 201);
  }

  async function supplier(leadTimeDays: number): Promise<string> {
    return expectStatus(await post(a, '/api/v1/suppliers', { name: `Supplier lead ${leadTimeDays}`, leadTimeDays }), 201).body.id;
  }

  async function supplies(supplierId: string, productId: string, terms: { packSize: number; minOrderQuantity: number; preferred: boolean }) {
    expectStatus(
      await http()
        .put(`/api/v1/suppliers/${supplierId}/products/${productId}`)
        .set(bearer(a.owner.accessToken))
        .send({ unitCostMinor: 55, ...terms }),
      200,
    );
  }

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
    store = a.stores[0].id;
    const fiveDays = await supplier(5);
    const threeDays = await supplier(3);

    // The worked example: v = 2 (56 in 28 days), L = 5, on hand 10, on order 4, pack 12, min 20 → 24.
    const example = await newProduct('Oat milk');
    for (const [quantity, daysAgo] of [
      [14, 1],
      [14, 5],
      [14, 20],
      [14, 27],
      [40, 30],
    ]) {
      await sell(example, quantity, daysAgo);
    }
    await sell(example, 9, null);
    await supplies(fiveDays, example, { packSize: 12, minOrderQuantity: 20, preferred: true });
    await setOnHand(example, 10);
    const open = expectStatus(
      await post(a, '/api/v1/purchase-orders', { supplierId: fiveDays, storeId: store, lines: [{ productId: example, quantity: 4, unitCostMinor: 55 }] }),
      201,
    ).body;
    for (const action of ['submit', 'approve']) expectStatus(await post(a, `/api/v1/purchase-orders/${open.id}/${action}`, {}), 200);
    seeded.example = { id: example, sold: 56, lead: 5, pack: 12, min: 20, onHand: 10, onOrder: 4, supplierId: fiveDays };

    // Sold 12 and 2 came back: net 10. Nothing on hand, another supplier.
    const refunded = await newProduct('Rye bread');
    const sale = await sell(refunded, 12, 3);
    expectStatus(
      await post(a, `/api/v1/sales/${sale.id}/refunds`, {
        lines: [{ saleLineId: sale.lines[0].id, quantity: 2, restock: false }],
        tenders: [{ type: 'card', amountMinor: 200 }],
        reason: 'Stale',
      }),
      201,
    );
    await supplies(threeDays, refunded, { packSize: 6, minOrderQuantity: 0, preferred: true });
    await supplies(fiveDays, refunded, { packSize: 1, minOrderQuantity: 0, preferred: false });
    await setOnHand(refunded, 0);
    seeded.refunded = { id: refunded, sold: 10, lead: 3, pack: 6, min: 0, onHand: 0, onOrder: 0, supplierId: threeDays };

    // Plenty on hand: 100 − 1·5 is far above its reorder point.
    const plenty = await newProduct('Sugar');
    await sell(plenty, 28, 2);
    await supplies(fiveDays, plenty, { packSize: 1, minOrderQuantity: 0, preferred: true });
    await setOnHand(plenty, 100);
    seeded.plenty = { id: plenty, sold: 28, lead: 5, pack: 1, min: 0, onHand: 100, onOrder: 0, supplierId: fiveDays };

    // Selling fast but nobody is its preferred supplier.
    const orphan = await newProduct('Loose tea');
    await sell(orphan, 50, 4);
    await supplies(threeDays, orphan, { packSize: 1, minOrderQuantity: 0, preferred: false });
    seeded.orphan = { id: orphan, sold: 50, lead: 3, pack: 1, min: 0, onHand: -50, onOrder: 0, supplierId: threeDays };
  });
  afterAll(() => api.close());

  it('suggests the due products with the quantities the rule gives, the worked example ordering 24', async () => {
    const items = expectStatus(await get(a, `/api/v1/purchasing/reorder-suggestions?storeId=${store}`), 200).body.items;
    const byProduct = new Map(items.map((item: { productId: string }) => [item.productId, item]));
    expect([...byProduct.keys()].sort()).toEqual([seeded.example.id, seeded.refunded.id].sort());
    for (const key of ['example', 'refunded']) {
      const seen = seeded[key];
      expect(byProduct.get(seen.id)).toMatchObject({
        unitsSold: seen.sold,
        onHand: seen.onHand,
        onOrder: seen.onOrder,
        leadTimeDays: seen.lead,
        reviewPeriodDays: 7,
        supplierId: seen.supplierId,
        quantity: expectedQuantity({ ...seen, review: 7 }),
      });
    }
    expect(byProduct.get(seeded.example.id)).toMatchObject({ quantity: 24, safetyStock: 6 });
    expect(byProduct.get(seeded.refunded.id)).toMatchObject({ quantity: 6 });
  });

  it('follows the review period the shop sets', async () => {
    expectStatus(await http().patch('/api/v1/purchasing/settings').set(bearer(a.owner.accessToken)).send({ reviewPeriodDays: 21 }), 200);
    const items = expectStatus(await get(a, `/api/v1/purchasing/reorder-suggestions?storeId=${store}`), 200).body.items;
    const example = items.find((item: { productId: string }) => item.productId === seeded.example.id);
    expect(example.quantity).toBe(expectedQuantity({ ...seeded.example, review: 21 }));
    expect(example.quantity).toBe(48);
    expectStatus(await http().patch('/api/v1/purchasing/settings').set(bearer(a.owner.accessToken)).send({ reviewPeriodDays: 7 }), 200);
  });

  it('drafts one order per preferred supplier with the suggested quantities at the supplier’s cost', async () => {
    const drafts = expectStatus(
      await post(a, '/api/v1/purchasing/reorder-suggestions/draft-orders', { storeId: store, productIds: [seeded.example.id, seeded.refunded.id] }),
      201,
    ).body.items;
    expect(drafts).toHaveLength(2);
    const bySupplier = new Map(drafts.map((draft: { supplierId: string }) => [draft.supplierId, draft]));
    expect(bySupplier.get(seeded.example.supplierId)).toMatchObject({
      status: 'draft',
      storeId: store,
      lines: [{ productId: seeded.example.id, quantity: 24, unitCostMinor: 55 }],
    });
    expect(bySupplier.get(seeded.refunded.supplierId)).toMatchObject({
      status: 'draft',
      lines: [{ productId: seeded.refunded.id, quantity: 6, unitCostMinor: 55 }],
    });
  });

  it('refuses to draft a product without a preferred supplier or with nothing to order, naming it', async () => {
    for (const other of [seeded.orphan.id, seeded.plenty.id]) {
      const response = await post(a, '/api/v1/purchasing/reorder-suggestions/draft-orders', { storeId: store, productIds: [seeded.example.id, other] });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('productIds.1');
    }
  });

  it("shows another shop none of this shop's suggestions and refuses its store", async () => {
    const own = expectStatus(await get(b, `/api/v1/purchasing/reorder-suggestions?storeId=${b.stores[0].id}`), 200).body.items;
    expect(own).toEqual([]);
    const foreign = await get(b, `/api/v1/purchasing/reorder-suggestions?storeId=${store}`);
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.status).toBeLessThan(500);
    expect(foreign.body.errors[0].field).toBe('storeId');
    const drafts = await post(b, '/api/v1/purchasing/reorder-suggestions/draft-orders', { storeId: b.stores[0].id, productIds: [seeded.example.id] });
    expect(drafts.status).toBe(400);
    expect(drafts.body.errors[0].field).toBe('productIds.0');
  });

  it('refuses a missing or malformed storeId, naming it', async () => {
    for (const query of ['', '?storeId=main']) {
      const response = await get(a, `/api/v1/purchasing/reorder-suggestions${query}`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('storeId');
    }
  });
});
