import request from 'supertest';
import { ErrorCode, MAX_AMOUNT_MINOR, uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

describe('products', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const as = (shop: TenantFixture) => bearer(shop.owner.accessToken);
  const create = (shop: TenantFixture, body: object) => http().post('/api/v1/products').set(as(shop)).send(body);
  const sku = () => `SKU-${uuidv7().slice(-10)}`;
  const search = async (shop: TenantFixture, q: string) =>
    expectStatus(
      await http()
        .get(`/api/v1/products?q=${encodeURIComponent(q)}`)
        .set(as(shop)),
      200,
    ).body.items as {
      id: string;
      name: string;
      sku: string;
    }[];

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  it('creates a product with every field and reads it back with its ETag', async () => {
    const category = expectStatus(await http().post('/api/v1/categories').set(as(a)).send({ name: 'Fruit' }), 201).body;
    const body = {
      sku: sku(),
      name: 'Organic Bananas',
      description: 'Fairtrade, per kg',
      categoryId: category.id,
      unit: 'kg',
      priceMinor: 299,
      costMinor: 150,
      taxRateBps: 700,
      barcodes: ['4011', `20${Date.now()}`],
      trackStock: true,
      reorderPoint: 10,
      reorderQuantity: 40,
      imageUrl: 'https://images.example.com/bananas.jpg',
    };
    const created = expectStatus(await create(a, body), 201);
    expect(created.body).toMatchObject({ ...body, barcodes: [...body.barcodes].sort(), id: expect.any(String), version: 1, active: true });
    const read = expectStatus(await http().get(`/api/v1/products/${created.body.id}`).set(as(a)), 200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(created.body);
  });

  it('keeps SKUs and barcodes unique per shop, but the same SKU is fine in another shop', async () => {
    const shared = sku();
    const barcode = `99${Date.now()}`;
    expectStatus(await create(a, { sku: shared, name: 'Milk 1L', priceMinor: 119, barcodes: [barcode] }), 201);
    const sameSku = await create(a, { sku: shared, name: 'Other milk', priceMinor: 129 });
    expect(sameSku.status).toBe(409);
    expect(sameSku.body).toMatchObject({ code: ErrorCode.SkuTaken, errors: [{ field: 'sku' }] });
    const sameBarcode = await create(a, { sku: sku(), name: 'Other milk', priceMinor: 129, barcodes: [barcode] });
    expect(sameBarcode.status).toBe(409);
    expect(sameBarcode.body).toMatchObject({ code: ErrorCode.BarcodeTaken, errors: [{ field: 'barcodes' }] });
    expectStatus(await create(b, { sku: shared, name: 'Milk 1L', priceMinor: 119, barcodes: [barcode] }), 201);
  });

  it('finds "Organic Bananas" for q=banan, ranks an exact SKU or barcode first, and shows no other shop', async () => {
    const bananaSku = sku();
    const bananas = expectStatus(await create(a, { sku: bananaSku, name: 'Organic Bananas', priceMinor: 299 }), 201).body;
    expectStatus(await create(b, { sku: sku(), name: 'Organic Bananas (B)', priceMinor: 199 }), 201);
    const exact = expectStatus(await create(a, { sku: 'BANAN', name: 'Plantain chips', priceMinor: 349, barcodes: ['7310865004703'] }), 201).body;

    const found = await search(a, 'banan');
    expect(found[0].id).toBe(exact.id);
    expect(found.map((product) => product.id)).toContain(bananas.id);
    expect(found.every((product) => !product.name.endsWith('(B)'))).toBe(true);
    expect((await search(a, '7310865004703'))[0].id).toBe(exact.id);
    expect((await search(a, bananaSku.toLowerCase()))[0].id).toBe(bananas.id);
    expect((await search(a, bananaSku.slice(0, 6))).map((product) => product.sku)).toContain(bananaSku);
  });

  it('ignores accents and case both ways: "gruner" finds "Grüner Tee", "CRÈME brulee" finds "Crème brûlée"', async () => {
    const tea = expectStatus(await create(a, { sku: sku(), name: 'Grüner Tee', priceMinor: 450 }), 201).body;
    const dessert = expectStatus(await create(a, { sku: sku(), name: 'Crème brûlée', priceMinor: 520 }), 201).body;
    expectStatus(await create(b, { sku: sku(), name: 'Grüner Tee (B)', priceMinor: 450 }), 201);
    expect((await search(a, 'gruner')).map((product) => product.id)).toEqual([tea.id]);
    expect((await search(a, 'CRÈME brulee')).map((product) => product.id)).toEqual([dessert.id]);
    expect((await search(a, 'grüner tee'))[0]).toMatchObject({ id: tea.id, name: 'Grüner Tee' });
  });

  it('looks products up by barcode for scanners, 404 when unknown or from another shop', async () => {
    const code = `40${Date.now()}`;
    const product = expectStatus(await create(a, { sku: sku(), name: 'Sparkling water', priceMinor: 89, barcodes: [code] }), 201).body;
    expect(expectStatus(await http().get(`/api/v1/products/by-barcode/${code}`).set(as(a)), 200).body.id).toBe(product.id);
    const other = await http().get(`/api/v1/products/by-barcode/${code}`).set(as(b));
    expect(other.status).toBe(404);
    expect(other.body.code).toBe(ErrorCode.ProductNotFound);
  });

  it('removes a deleted product from search and barcode lookup, and frees its SKU', async () => {
    const code = `41${Date.now()}`;
    const product = expectStatus(await create(a, { sku: 'GONE-1', name: 'Discontinued Dates', priceMinor: 499, barcodes: [code] }), 201).body;
    expectStatus(await http().delete(`/api/v1/products/${product.id}`).set(as(a)), 204);
    expect((await search(a, 'discontinued dates')).map((found) => found.id)).not.toContain(product.id);
    expect((await http().get(`/api/v1/products/by-barcode/${code}`).set(as(a))).status).toBe(404);
    expect((await http().get(`/api/v1/products/${product.id}`).set(as(a))).status).toBe(404);
    expectStatus(await create(a, { sku: 'GONE-1', name: 'Dates, new supplier', priceMinor: 529, barcodes: [code] }), 201);
  });

  it('refuses a PATCH with a stale If-Match with 412 and changes nothing', async () => {
    const product = expectStatus(await create(a, { sku: sku(), name: 'Rye bread', priceMinor: 350 }), 201).body;
    const first = expectStatus(await http().patch(`/api/v1/products/${product.id}`).set(as(a)).set('if-match', '"1"').send({ priceMinor: 370 }), 200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await http().patch(`/api/v1/products/${product.id}`).set(as(a)).set('if-match', '"1"').send({ priceMinor: 999 });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe(ErrorCode.VersionMismatch);
    const now = expectStatus(await http().get(`/api/v1/products/${product.id}`).set(as(a)), 200).body;
    expect(now).toMatchObject({ priceMinor: 370, version: 2 });
  });

  it('records events and field-level audit rows for create, update and delete, in its own shop only', async () => {
    const product = expectStatus(await create(a, { sku: sku(), name: 'Oat milk', priceMinor: 199 }), 201).body;
    expectStatus(await http().patch(`/api/v1/products/${product.id}`).set(as(a)).send({ priceMinor: 219 }), 200);
    expectStatus(await http().delete(`/api/v1/products/${product.id}`).set(as(a)), 204);

    const events: { type: string; aggregateVersion: number }[] = await eventually(
      async () =>
        expectStatus(
          await http().get('/api/v1/events?types=product.created,product.updated,product.deleted&limit=1000').set(bearer(a.apiKey)),
          200,
        ).body.items.filter((event: { aggregateId: string }) => event.aggregateId === product.id),
      (items: { type: string; aggregateVersion: number }[]) => items.length === 3,
    );
    expect(events.map((event) => [event.type, event.aggregateVersion])).toEqual([
      ['product.created', 1],
      ['product.updated', 2],
      ['product.deleted', 3],
    ]);
    const audit = expectStatus(await http().get(`/api/v1/audit-logs?entityType=product&entityId=${product.id}`).set(as(a)), 200).body.items;
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[1].changes).toMatchObject({ priceMinor: [199, 219], version: [1, 2] });

    const eventsOfB = expectStatus(await http().get('/api/v1/events?limit=1000').set(bearer(b.apiKey)), 200).body.items;
    expect(eventsOfB.filter((event: { aggregateId: string }) => event.aggregateId === product.id)).toEqual([]);
    const auditOfB = expectStatus(await http().get(`/api/v1/audit-logs?entityId=${product.id}`).set(as(b)), 200).body.items;
    expect(auditOfB).toEqual([]);
  });

  it.each([
    ['a negative price', { priceMinor: -1 }, 'priceMinor', 400],
    ['a price with decimals', { priceMinor: 2.5 }, 'priceMinor', 400],
    ['tax over 100 %', { taxRateBps: 10001 }, 'taxRateBps', 400],
    ['a SKU over 64 characters', { sku: 'S'.repeat(65) }, 'sku', 400],
    ['an unknown category', { categoryId: uuidv7() }, 'categoryId', 404],
  ])('refuses %s, naming the field', async (_, overrides, field, status) => {
    const response = await create(a, { sku: sku(), name: 'Bad input', priceMinor: 100, ...overrides });
    expect(response.status).toBe(status);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it("refuses another shop's category as unknown", async () => {
    const categoryOfB = expectStatus(await http().post('/api/v1/categories').set(as(b)).send({ name: 'B only' }), 201).body;
    const response = await create(a, { sku: sku(), name: 'Sneaky', priceMinor: 100, categoryId: categoryOfB.id });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: ErrorCode.CategoryNotFound, errors: [{ field: 'categoryId' }] });
  });

  it('prices a product at most at the largest amount a sale takes, so whatever the catalog holds can be sold', async () => {
    const tooDear = await create(a, { sku: sku(), name: 'Too dear', priceMinor: MAX_AMOUNT_MINOR + 1, costMinor: MAX_AMOUNT_MINOR + 1 });
    expect(tooDear.status).toBe(400);
    expect(tooDear.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['costMinor', 'priceMinor']);
    const dearest = expectStatus(await create(a, { sku: sku(), name: 'Dearest', priceMinor: MAX_AMOUNT_MINOR, trackStock: false }), 201).body;
    const sale = await http()
      .post('/api/v1/sales')
      .set(as(a))
      .send({ storeId: a.stores[0].id, lines: [{ productId: dearest.id, quantity: 1 }], tenders: [{ type: 'card', amountMinor: MAX_AMOUNT_MINOR }] });
    expect(sale.status).toBe(201);
  });

  it('lets cashiers read the catalog but not change it', async () => {
    expectStatus(await http().get('/api/v1/products').set(bearer(a.cashier.accessToken)), 200);
    expect((await http().post('/api/v1/products').set(bearer(a.cashier.accessToken)).send({ sku: sku(), name: 'x', priceMinor: 1 })).status).toBe(403);
  });

  it('pages through the catalog by name without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = expectStatus(
        await http()
          .get(`/api/v1/products?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
          .set(as(a)),
        200,
      ).body;
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const [{ count }] = await ownerQuery<{ count: number }>(api, `SELECT count(*)::int AS count FROM product WHERE tenant_id = $1 AND deleted_at IS NULL`, [
      a.id,
    ]);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });

  it('pages search results in the order class, score, name, id, ties across the page boundary included', async () => {
    // Eight names tie at the best score ("kiwi" is a whole word in each), SKUs starting "kiwi" come before them,
    // the exact SKU first, weaker names after; page size 3 cuts through every group. Shop B's kiwis stay hidden.
    const names = ['Kiwi Crate', 'Kiwi Gold', 'Kiwi', 'Kiwi Gold', 'Sweet Kiwi', 'Baby Kiwi', 'Kiwi Berry', 'Kiwi Gold', 'Kiwis Sliced', 'Kiwano Kiwii'];
    const created: { id: string; name: string }[] = [];
    for (const name of names) created.push(expectStatus(await create(a, { sku: sku(), name, priceMinor: 100 }), 201).body);
    const exact = expectStatus(await create(a, { sku: 'KIWI', name: 'Exact', priceMinor: 100 }), 201).body;
    const prefixed = expectStatus(await create(a, { sku: 'KIWI-2', name: 'Prefixed', priceMinor: 100 }), 201).body;
    expectStatus(await create(b, { sku: sku(), name: 'Kiwi Gold', priceMinor: 100 }), 201);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = expectStatus(
        await http()
          .get(`/api/v1/products?q=kiwi&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
          .set(as(a)),
        200,
      ).body;
      pages.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const whole = expectStatus(await http().get('/api/v1/products?q=kiwi&limit=100').set(as(a)), 200).body.items as { id: string; name: string }[];

    expect(pages).toEqual(whole.map((product) => product.id));
    expect(whole.slice(0, 2).map((product) => product.id)).toEqual([exact.id, prefixed.id]);
    const tied = created.filter((product) => !['Kiwis Sliced', 'Kiwano Kiwii'].includes(product.name));
    const byNameThenId = (x: { id: string; name: string }, y: { id: string; name: string }) =>
      x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
    expect(whole.slice(2, 2 + tied.length).map((product) => product.id)).toEqual([...tied].sort(byNameThenId).map((product) => product.id));
    expect(new Set(pages).size).toBe(pages.length);
  });
});
