import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { eventually } from '@kassa/testing';
import { bearer, createTenant, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

interface Shop extends TenantFixture {
  token: string;
}

describe('stock', () => {
  let api: TestApi;
  let a: Shop;
  let b: Shop;
  const http = () => api.http();

  beforeAll(async () => {
    api = await startTestApi({ env: { OUTBOX_POLL_MS: '200' } });
    const pair = await createTenantPair(api.app);
    a = { ...pair.a, token: pair.a.owner.accessToken };
    b = { ...pair.b, token: pair.b.owner.accessToken };
  });
  afterAll(() => api.close());

  const newProduct = async (shop: Shop, extra: object = {}) =>
    expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(shop.token))
        .send({ sku: `ST-${uuidv7().slice(-10)}`, name: 'Stock item', priceMinor: 100, ...extra }),
      201,
    ).body.id as string;
  const adjust = (shop: Shop, body: object, token = shop.token) => http().post('/api/v1/inventory/adjustments').set(bearer(token)).send(body);
  const setNegativeStock = async (shop: Shop, allowed: boolean) =>
    expectStatus(await http().patch('/api/v1/tenant').set(bearer(shop.token)).send({ allowNegativeStock: allowed }), 200);
  const level = async (shop: Shop, storeId: string, productId: string) =>
    expectStatus(await http().get(`/api/v1/inventory/levels?storeId=${storeId}&productId=${productId}`).set(bearer(shop.token)), 200).body.items[0];
  const reconcile = async (shop: Shop) => expectStatus(await http().get('/api/v1/inventory/reconcile').set(bearer(shop.token)), 200).body;

  it('lets exactly 10 of 50 concurrent decrements through on 10 on hand when negative stock is disallowed', async () => {
    await setNegativeStock(a, false);
    const productId = await newProduct(a);
    const storeId = a.stores[0].id;
    expectStatus(await adjust(a, { storeId, productId, delta: 10, reason: 'receipt' }), 201);
    const results = await Promise.all(Array.from({ length: 50 }, () => adjust(a, { storeId, productId, delta: -1, reason: 'loss' })));
    expect(results.filter((response) => response.status === 201)).toHaveLength(10);
    const refused = results.filter((response) => response.status === 409);
    expect(refused).toHaveLength(40);
    expect(refused.every((response) => response.body.code === ErrorCode.InsufficientStock)).toBe(true);
    expect((await level(a, storeId, productId)).onHand).toBe(0);
    const ledger = expectStatus(await http().get(`/api/v1/inventory/ledger?storeId=${storeId}&productId=${productId}&limit=200`).set(bearer(a.token)), 200).body
      .items;
    expect(ledger.reduce((sum: number, entry: { delta: number }) => sum + entry.delta, 0)).toBe(0);
    expect(ledger).toHaveLength(11);
  });

  it('lets all 50 through, down to -40, when negative stock is allowed', async () => {
    await setNegativeStock(a, true);
    const productId = await newProduct(a);
    const storeId = a.stores[0].id;
    expectStatus(await adjust(a, { storeId, productId, delta: 10, reason: 'receipt' }), 201);
    const results = await Promise.all(Array.from({ length: 50 }, () => adjust(a, { storeId, productId, delta: -1, reason: 'loss' })));
    expect(results.every((response) => response.status === 201)).toBe(true);
    expect((await level(a, storeId, productId)).onHand).toBe(-40);
    await setNegativeStock(a, false);
  });

  it('emits stock.low once per crossing of the reorder point, and never without one', async () => {
    const storeId = a.stores[0].id;
    const watched = await newProduct(a, { reorderPoint: 5 });
    const unwatched = await newProduct(a);
    for (const [productId, delta] of [
      [watched, 10],
      [watched, -5],
      [watched, -1],
      [watched, 6],
      [watched, -7],
      [unwatched, 3],
      [unwatched, -3],
    ] as const) {
      expectStatus(await adjust(a, { storeId, productId, delta, reason: 'adjustment' }), 201);
    }
    const lowEvents = async (productId: string) =>
      expectStatus(await http().get('/api/v1/events?types=stock.low&limit=1000').set(bearer(a.apiKey)), 200).body.items.filter(
        (event: { data: { productId: string } }) => event.data.productId === productId,
      );
    const watchedLows = await eventually(
      () => lowEvents(watched),
      (items) => items.length >= 2,
    );
    // 10 → 5 crosses (1st), → 4 stays low, → 10 rises above, → 3 crosses again (2nd).
    expect(watchedLows.map((event: { data: { onHand: number } }) => event.data.onHand)).toEqual([5, 3]);
    // Events are published by the relay shortly after commit: wait for both movements of the other product.
    const adjusted = await eventually(
      async () =>
        expectStatus(await http().get('/api/v1/events?types=stock.adjusted&limit=1000').set(bearer(a.apiKey)), 200).body.items.filter(
          (event: { data: { productId: string } }) => event.data.productId === unwatched,
        ),
      (items: unknown[]) => items.length >= 2,
    );
    expect(adjusted).toHaveLength(2);
    expect(await lowEvents(unwatched)).toEqual([]);
    expect((await level(a, storeId, watched)).low).toBe(true);
  });

  it('posts a count against the on-hand of the moment, while sales run, keeping on-hand equal to the ledger', async () => {
    const storeId = a.stores[0].id;
    const productId = await newProduct(a);
    expectStatus(await adjust(a, { storeId, productId, delta: 100, reason: 'receipt' }), 201);
    const sales = Array.from({ length: 30 }, () => adjust(a, { storeId, productId, delta: -1, reason: 'loss' }));
    const count = http()
      .post('/api/v1/inventory/counts')
      .set(bearer(a.token))
      .send({ storeId, lines: [{ productId, counted: 80 }] });
    const [countResponse, ...saleResponses] = await Promise.all([count, ...sales]);
    const posted = expectStatus(countResponse, 201).body.lines[0];
    expect(posted.previousOnHand + posted.delta).toBe(80);
    expect(saleResponses.every((response) => response.status === 201)).toBe(true);
    const after = await level(a, storeId, productId);
    expect(after.onHand).toBeLessThanOrEqual(80);
    expect((await reconcile(a)).differences).toEqual([]);
  });

  it('moves stock between stores in one transaction, and a transfer that would go negative changes neither', async () => {
    const [from, to] = [a.stores[0].id, a.stores[1].id];
    const productId = await newProduct(a);
    expectStatus(await adjust(a, { storeId: from, productId, delta: 5, reason: 'receipt' }), 201);
    const moved = expectStatus(
      await http()
        .post('/api/v1/inventory/transfers')
        .set(bearer(a.token))
        .send({ fromStoreId: from, toStoreId: to, lines: [{ productId, quantity: 3 }] }),
      201,
    ).body;
    expect(moved.lines[0]).toMatchObject({ fromOnHand: 2, toOnHand: 3 });
    const tooMuch = await http()
      .post('/api/v1/inventory/transfers')
      .set(bearer(a.token))
      .send({ fromStoreId: from, toStoreId: to, lines: [{ productId, quantity: 3 }] });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe(ErrorCode.InsufficientStock);
    expect((await level(a, from, productId)).onHand).toBe(2);
    expect((await level(a, to, productId)).onHand).toBe(3);
  });

  it('keeps a batch all or nothing', async () => {
    const storeId = a.stores[0].id;
    const [first, second] = [await newProduct(a), await newProduct(a)];
    const response = await http()
      .post('/api/v1/inventory/adjustments/batch')
      .set(bearer(a.token))
      .send({
        adjustments: [
          { storeId, productId: first, delta: 4, reason: 'receipt' },
          { storeId, productId: second, delta: -1, reason: 'loss' },
        ],
      });
    expect(response.status).toBe(409);
    expect(response.body.errors[0].field).toBe('adjustments.1.delta');
    const levels = expectStatus(await http().get(`/api/v1/inventory/levels?productId=${first}`).set(bearer(a.token)), 200).body.items;
    expect(levels.every((item: { onHand: number }) => item.onHand === 0)).toBe(true);
  });

  it('reconciles with no difference after 1,000 concurrent mixed movements', async () => {
    await setNegativeStock(a, true);
    const products = [await newProduct(a), await newProduct(a), await newProduct(a)];
    const stores = a.stores.map((store) => store.id);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    const movements = Array.from({ length: 1000 }, () => {
      const kind = random();
      const productId = pick(products);
      if (kind < 0.1) {
        return () =>
          http()
            .post('/api/v1/inventory/transfers')
            .set(bearer(a.token))
            .send({ fromStoreId: stores[0], toStoreId: stores[1], lines: [{ productId, quantity: 1 + Math.floor(random() * 3) }] });
      }
      if (kind < 0.15) {
        return () =>
          http()
            .post('/api/v1/inventory/counts')
            .set(bearer(a.token))
            .send({ storeId: pick(stores), lines: [{ productId, counted: Math.floor(random() * 50) }] });
      }
      const delta = (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 5));
      return () => adjust(a, { storeId: pick(stores), productId, delta, reason: delta > 0 ? 'receipt' : 'loss' });
    });
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < movements.length) statuses.push((await movements[next++]()).status);
      }),
    );
    // Opposite lock orders can deadlock; PostgreSQL aborts one and it is answered 409, never half-applied.
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThan(900);
    const result = await reconcile(a);
    expect(result.checked).toBeGreaterThanOrEqual(6);
    expect(result.differences).toEqual([]);
    await setNegativeStock(a, false);
  });

  it("shows a store-limited cashier 404 for another store's levels and ledger", async () => {
    const token = a.cashier.accessToken;
    const other = a.stores[1].id;
    for (const path of [`/api/v1/inventory/levels?storeId=${other}`, `/api/v1/inventory/ledger?storeId=${other}`]) {
      const response = await http().get(path).set(bearer(token));
      expect([path, response.status, response.body.code]).toEqual([path, 404, ErrorCode.StoreNotFound]);
    }
    const own = expectStatus(await http().get('/api/v1/inventory/levels?limit=200').set(bearer(token)), 200).body.items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((item: { storeId: string }) => item.storeId === a.stores[0].id)).toBe(true);
    const ledger = expectStatus(await http().get('/api/v1/inventory/ledger?limit=200').set(bearer(token)), 200).body.items;
    expect(ledger.every((entry: { storeId: string }) => entry.storeId === a.stores[0].id)).toBe(true);
  });

  it("never touches another shop's stores or products, and shows none of them", async () => {
    const productOfB = await newProduct(b);
    const intoB = await adjust(a, { storeId: b.stores[0].id, productId: productOfB, delta: 1, reason: 'receipt' });
    expect(intoB.status).toBe(404);
    expect(intoB.body.errors[0].field).toBe('storeId');
    const productIntoA = await adjust(a, { storeId: a.stores[0].id, productId: productOfB, delta: 1, reason: 'receipt' });
    expect(productIntoA.status).toBe(404);
    expect(productIntoA.body.errors[0].field).toBe('productId');
    expectStatus(await adjust(b, { storeId: b.stores[0].id, productId: productOfB, delta: 2, reason: 'receipt' }), 201);
    const levelsOfA = expectStatus(await http().get(`/api/v1/inventory/levels?productId=${productOfB}`).set(bearer(a.token)), 200).body.items;
    expect(levelsOfA).toEqual([]);
    const ledgerOfA = expectStatus(await http().get(`/api/v1/inventory/ledger?productId=${productOfB}`).set(bearer(a.apiKey)), 200).body.items;
    expect(ledgerOfA).toEqual([]);
    const overrideInB = await http().patch(`/api/v1/inventory/levels/${b.stores[0].id}/${productOfB}`).set(bearer(a.apiKey)).send({ reorderPoint: 1 });
    expect(overrideInB.status).toBe(404);
    expect((await level(b, b.stores[0].id, productOfB)).reorderPoint).toBeNull();
  });

  it.each([
    ['a zero delta', { delta: 0 }, 'delta'],
    ['an unknown reason', { reason: 'theft-by-gremlins' }, 'reason'],
    ['a reason only counts and sales may use', { reason: 'sale' }, 'reason'],
    ['a fractional delta', { delta: 1.5 }, 'delta'],
  ])('refuses %s with 400 naming the field', async (_, overrides, field) => {
    const response = await adjust(a, { storeId: a.stores[0].id, productId: uuidv7(), delta: 1, reason: 'receipt', ...overrides });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('refuses a transfer from a store to itself with 400 same_store_transfer', async () => {
    const store = a.stores[0].id;
    const response = await http()
      .post('/api/v1/inventory/transfers')
      .set(bearer(a.token))
      .send({ fromStoreId: store, toStoreId: store, lines: [{ productId: uuidv7(), quantity: 1 }] });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: ErrorCode.SameStoreTransfer, errors: [{ field: 'toStoreId' }] });
  });

  it('keeps adjustments for managers and owners', async () => {
    const response = await adjust(a, { storeId: a.stores[0].id, productId: uuidv7(), delta: 1, reason: 'receipt' }, a.cashier.accessToken);
    expect(response.status).toBe(403);
  });
});

describe("a store's own reorder point", () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => api.http();

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Hotel');
  });
  afterAll(() => api.close());

  it("overrides the product's, makes the level low at once, and falls back when cleared", async () => {
    const token = bearer(shop.owner.accessToken);
    const storeId = shop.stores[0].id;
    const productId = expectStatus(
      await http().post('/api/v1/products').set(token).send({ sku: 'RP-1', name: 'Reorder me', priceMinor: 100, reorderPoint: 5 }),
      201,
    ).body.id;
    expectStatus(await http().post('/api/v1/inventory/adjustments').set(token).send({ storeId, productId, delta: 10, reason: 'receipt' }), 201);
    const raised = expectStatus(await http().patch(`/api/v1/inventory/levels/${storeId}/${productId}`).set(token).send({ reorderPoint: 20 }), 200).body;
    expect(raised).toEqual({ storeId, productId, onHand: 10, reorderPoint: 20, low: true });
    const lowOnly = expectStatus(await http().get(`/api/v1/inventory/levels?lowOnly=true&storeId=${storeId}`).set(token), 200).body.items;
    expect(lowOnly.map((item: { productId: string }) => item.productId)).toEqual([productId]);
    const cleared = expectStatus(await http().patch(`/api/v1/inventory/levels/${storeId}/${productId}`).set(token).send({ reorderPoint: null }), 200).body;
    expect(cleared).toMatchObject({ reorderPoint: 5, low: false });
    const refused = await http().patch(`/api/v1/inventory/levels/${storeId}/${productId}`).set(bearer(shop.cashier.accessToken)).send({ reorderPoint: 1 });
    expect(refused.status).toBe(403);
  });
});

describe('levels with never-moved products (includeZero)', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let other: TenantFixture;
  const http = () => api.http();
  const ids: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    [shop, other] = await Promise.all([createTenant(api.app, 'Zeroone'), createTenant(api.app, 'Zerotwo')]);
    const token = bearer(shop.owner.accessToken);
    for (const [index, reorderPoint] of [3, null, 0, null, 2].entries()) {
      ids.push(
        expectStatus(
          await http()
            .post('/api/v1/products')
            .set(token)
            .send({ sku: `Z-${index}`, name: `Zero ${index}`, priceMinor: 100, ...(reorderPoint === null ? {} : { reorderPoint }) }),
          201,
        ).body.id,
      );
    }
    const deleted = expectStatus(await http().post('/api/v1/products').set(token).send({ sku: 'Z-gone', name: 'Gone', priceMinor: 100 }), 201).body;
    expectStatus(await http().delete(`/api/v1/products/${deleted.id}`).set(token), 204);
    expectStatus(
      await http().post('/api/v1/inventory/adjustments').set(token).send({ storeId: shop.stores[0].id, productId: ids[1], delta: 7, reason: 'receipt' }),
      201,
    );
    expectStatus(await http().post('/api/v1/products').set(bearer(other.owner.accessToken)).send({ sku: 'Z-other', name: 'Theirs', priceMinor: 1 }), 201);
  });
  afterAll(() => api.close());

  type Row = { storeId: string; productId: string; sku: string; productName: string; onHand: number; reorderPoint: number | null; low: boolean };
  const pages = async (token: string, query: string, limit: number): Promise<{ rows: Row[]; pageCount: number }> => {
    const rows: Row[] = [];
    let cursor: string | null = null;
    let pageCount = 0;
    do {
      const body: { items: Row[]; nextCursor: string | null } = expectStatus(
        await http()
          .get(`/api/v1/inventory/levels?includeZero=true&limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
          .set(bearer(token)),
        200,
      ).body;
      rows.push(...body.items);
      cursor = body.nextCursor;
      pageCount += 1;
    } while (cursor);
    return { rows, pageCount };
  };

  it("lists every product of the store, at 0 where it never moved, with the product's reorder point; deleted products left out", async () => {
    const storeId = shop.stores[0].id;
    const { rows } = await pages(shop.owner.accessToken, `&storeId=${storeId}`, 50);
    expect(rows.map((row) => row.sku)).toEqual(['Z-0', 'Z-1', 'Z-2', 'Z-3', 'Z-4']);
    expect(rows.find((row) => row.sku === 'Z-1')).toEqual({
      storeId,
      productId: ids[1],
      sku: 'Z-1',
      productName: 'Zero 1',
      onHand: 7,
      reorderPoint: null,
      low: false,
    });
    expect(rows.find((row) => row.sku === 'Z-0')).toMatchObject({ onHand: 0, reorderPoint: 3, low: true });
    expect(rows.find((row) => row.sku === 'Z-3')).toMatchObject({ onHand: 0, reorderPoint: null, low: false });
    const withoutZero = expectStatus(await http().get(`/api/v1/inventory/levels?storeId=${storeId}`).set(bearer(shop.owner.accessToken)), 200).body.items;
    expect(withoutZero).toEqual([{ storeId, productId: ids[1], sku: 'Z-1', productName: 'Zero 1', onHand: 7, reorderPoint: null, low: false }]);
  });

  it('pages by store then product without losing or repeating a row, with lowOnly keeping only low ones', async () => {
    const { rows, pageCount } = await pages(shop.owner.accessToken, '', 2);
    expect(pageCount).toBe(5);
    const [first, second] = [...shop.stores].map((store) => store.id).sort();
    expect(rows.map((row) => `${row.storeId === first ? 1 : row.storeId === second ? 2 : 0}:${row.sku}`)).toEqual([
      ...['Z-0', 'Z-1', 'Z-2', 'Z-3', 'Z-4'].map((sku) => `1:${sku}`),
      ...['Z-0', 'Z-1', 'Z-2', 'Z-3', 'Z-4'].map((sku) => `2:${sku}`),
    ]);
    const low = await pages(shop.owner.accessToken, `&lowOnly=true&storeId=${shop.stores[1].id}`, 1);
    expect(low.rows.map((row) => row.sku)).toEqual(['Z-0', 'Z-2', 'Z-4']);
  });

  it("keeps a store-limited cashier to their store, refuses another shop's store with 404, and shows each shop only its products", async () => {
    const { rows } = await pages(shop.cashier.accessToken, '', 50);
    expect(new Set(rows.map((row) => row.storeId))).toEqual(new Set([shop.stores[0].id]));
    const outside = await http().get(`/api/v1/inventory/levels?includeZero=true&storeId=${shop.stores[1].id}`).set(bearer(shop.cashier.accessToken));
    expect(outside.status).toBe(404);
    const foreign = await http().get(`/api/v1/inventory/levels?includeZero=true&storeId=${other.stores[0].id}`).set(bearer(shop.owner.accessToken));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: ErrorCode.StoreNotFound, errors: [{ field: 'storeId' }] });
    const theirs = await pages(other.owner.accessToken, '', 50);
    expect(theirs.rows.map((row) => row.sku)).toEqual(['Z-other', 'Z-other']);
  });

  it('refuses includeZero=maybe with 400 naming it, and finds the rows of one reference in the ledger, named', async () => {
    const refused = await http().get('/api/v1/inventory/levels?includeZero=maybe').set(bearer(shop.owner.accessToken));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain('includeZero');
    const token = bearer(shop.owner.accessToken);
    const transfer = expectStatus(
      await http()
        .post('/api/v1/inventory/transfers')
        .set(token)
        .send({ fromStoreId: shop.stores[0].id, toStoreId: shop.stores[1].id, lines: [{ productId: ids[1], quantity: 2 }] }),
      201,
    ).body;
    const rows = expectStatus(await http().get(`/api/v1/inventory/ledger?referenceId=${transfer.transferId}`).set(token), 200).body.items;
    expect(
      rows.map((row: { reason: string; delta: number; sku: string; productName: string }) => [row.reason, row.delta, row.sku, row.productName]).sort(),
    ).toEqual([
      ['transfer_in', 2, 'Z-1', 'Zero 1'],
      ['transfer_out', -2, 'Z-1', 'Zero 1'],
    ]);
  });
});
