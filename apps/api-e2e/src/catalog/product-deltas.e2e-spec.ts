import { Client } from 'pg';
import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

describe("product deltas for the till's snapshot", () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  const create = async (shop: TenantFixture, name: string) =>
    expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(shop.owner.accessToken))
        .send({ sku: `DELTA-${uuidv7().slice(-12)}`, name, priceMinor: 100, taxRateBps: 700, barcodes: [uuidv7().replace(/\D/g, '').slice(0, 13)] }),
      201,
    ).body as { id: string };

  const changes = async (since: string, extra = '') =>
    expectStatus(
      await http()
        .get(`/api/v1/products?updatedSince=${encodeURIComponent(since)}${extra}`)
        .set(bearer(a.owner.accessToken)),
      200,
    ).body;

  /** Every page of one pass, following the cursor. */
  const allChanges = async (since: string, extra = '') => {
    const pages = [await changes(since, extra)];
    while (pages[pages.length - 1].nextCursor) pages.push(await changes(since, `${extra}&cursor=${pages[pages.length - 1].nextCursor}`));
    return pages;
  };

  /** As if the shop's catalog had last changed a minute ago. */
  const settle = (shop: TenantFixture) => ownerQuery(api, `UPDATE product SET updated_at = now() - interval '1 minute' WHERE tenant_id = $1`, [shop.id]);

  it('returns exactly the products changed or deleted after a syncedTo, with barcodes and tax rates, the same syncedTo on every page', async () => {
    const products = [];
    for (const name of ['Apples', 'Bread', 'Cheese', 'Dates', 'Eggs']) products.push(await create(a, name));
    await create(b, 'Theirs');
    await settle(a);
    const first = await changes('2000-01-01T00:00:00Z', '&includeDeleted=true');
    expect(first.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining(products.map((product) => product.id)));
    expect(first.items[0]).toMatchObject({ barcodes: [expect.any(String)], taxRateBps: 700 });
    expect(Date.parse(first.syncedTo)).toBeLessThanOrEqual(Date.now() - 4_000);

    for (const product of products.slice(0, 3)) {
      expectStatus(await http().patch(`/api/v1/products/${product.id}`).set(bearer(a.owner.accessToken)).send({ priceMinor: 120 }), 200);
    }
    expectStatus(await http().delete(`/api/v1/products/${products[3].id}`).set(bearer(a.owner.accessToken)), 204);

    const next = await changes(first.syncedTo, '&includeDeleted=true');
    expect(next.items.map((item: { id: string }) => item.id)).toEqual(products.slice(0, 3).map((product) => product.id));
    expect(next.items.every((item: { priceMinor: number }) => item.priceMinor === 120)).toBe(true);
    expect(next.deleted).toEqual([{ id: products[3].id, deletedAt: expect.any(String) }]);

    const withoutDeleted = await changes(first.syncedTo);
    expect([withoutDeleted.items.length, withoutDeleted.deleted]).toEqual([3, undefined]);

    const pages = await allChanges(first.syncedTo, '&includeDeleted=true&limit=1');
    expect(pages).toHaveLength(4);
    expect(new Set(pages.map((page) => page.syncedTo)).size).toBe(1);
    expect(pages.flatMap((page) => [...page.items, ...page.deleted].map((item: { id: string }) => item.id))).toEqual(
      products.slice(0, 4).map((product) => product.id),
    );
  });

  it('still returns next time a product committed by a transaction that started before syncedTo', async () => {
    const product = await create(a, 'Slow');
    await settle(a);
    const slow = new Client({ connectionString: api.database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(`UPDATE product SET name = 'Slowly renamed', version = version + 1, updated_at = now() WHERE id = $1`, [product.id]);
      // Longer than syncedTo trails now: only the running transaction can hold it back.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const during = await changes(new Date(Date.now() - 30_000).toISOString());
      expect(during.items.map((item: { id: string }) => item.id)).not.toContain(product.id);
      await slow.query('COMMIT');
      const after = await changes(during.syncedTo);
      expect(after.items.find((item: { id: string }) => item.id === product.id)).toMatchObject({ name: 'Slowly renamed' });
    } finally {
      await slow.end();
    }
  }, 20_000);

  it('refuses a delta mixed with search, deleted products outside a delta, and a malformed updatedSince', async () => {
    for (const [query, field] of [
      ['updatedSince=2026-01-01T00:00:00Z&q=apple', 'q'],
      ['includeDeleted=true', 'includeDeleted'],
      ['updatedSince=yesterday', 'updatedSince'],
      ['updatedSince=2026-02-30T00:00:00Z', 'updatedSince'],
    ]) {
      const response = await http().get(`/api/v1/products?${query}`).set(bearer(a.owner.accessToken));
      expect([query, response.status, response.body.code, response.body.errors?.[0]?.field]).toEqual([query, 400, ErrorCode.ValidationFailed, field]);
    }
    const forged = Buffer.from(JSON.stringify(['product-changes', 'not a time', 'x', uuidv7()])).toString('base64url');
    const response = await http().get(`/api/v1/products?updatedSince=2026-01-01T00:00:00Z&cursor=${forged}`).set(bearer(a.owner.accessToken));
    expect([response.status, response.body.code]).toEqual([400, ErrorCode.InvalidCursor]);
  });
});
