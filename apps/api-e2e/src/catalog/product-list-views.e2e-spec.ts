import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

interface Listed {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
}

// What the products screen asks for beside search: sorts, a category, and a stock state chosen by inventory's read.
describe('product list views: sort, ids, and stock states through inventory', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const get = async (shop: TenantFixture, path: string) => expectStatus(await http().get(path).set(bearer(shop.owner.accessToken)), 200).body;
  const post = async (shop: TenantFixture, path: string, body: object) =>
    expectStatus(await http().post(path).set(bearer(shop.owner.accessToken)).send(body), 201).body;

  /** Every page of a list, following nextCursor with `limit`. */
  async function walk(shop: TenantFixture, query: string, limit: number): Promise<Listed[]> {
    const rows: Listed[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Listed[]; nextCursor: string | null } = await get(
        shop,
        `/api/v1/products?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }

  let tea: { id: string };
  let products: Listed[];

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
    tea = await post(a, '/api/v1/categories', { name: 'Tea' });
    const specs = [
      { sku: 'C-3', name: 'Assam', priceMinor: 450, categoryId: tea.id, reorderPoint: 5 },
      { sku: 'A-1', name: 'Darjeeling', priceMinor: 900, categoryId: tea.id, reorderPoint: 5 },
      { sku: 'B-2', name: 'Biscuits', priceMinor: 450 },
      { sku: 'E-5', name: 'Cocoa', priceMinor: 120, reorderPoint: 2 },
      { sku: 'D-4', name: 'Earl Grey', priceMinor: 700, categoryId: tea.id },
    ];
    products = [];
    for (const spec of specs) products.push(await post(a, '/api/v1/products', spec));
    await post(b, '/api/v1/products', { sku: 'A-0', name: 'Aardvark Tea', priceMinor: 1 });
  });
  afterAll(() => api.close());

  it.each([
    ['name', ['Assam', 'Biscuits', 'Cocoa', 'Darjeeling', 'Earl Grey']],
    ['-name', ['Earl Grey', 'Darjeeling', 'Cocoa', 'Biscuits', 'Assam']],
    ['sku', ['Darjeeling', 'Biscuits', 'Assam', 'Earl Grey', 'Cocoa']],
    ['-sku', ['Cocoa', 'Earl Grey', 'Assam', 'Biscuits', 'Darjeeling']],
  ])('pages through sort=%s two at a time without losing or repeating a product, only the shop’s own', async (sort, names) => {
    expect((await walk(a, `sort=${sort}`, 2)).map((product) => product.name)).toEqual(names);
  });

  it('sorts by price either way with ties broken by id, so equal prices page without loss', async () => {
    const ascending = await walk(a, 'sort=price', 1);
    expect(ascending.map((product) => product.priceMinor)).toEqual([120, 450, 450, 700, 900]);
    const tied = products.filter((product) => product.priceMinor === 450).map((product) => product.id);
    expect(ascending.slice(1, 3).map((product) => product.id)).toEqual([...tied].sort());
    const descending = await walk(a, 'sort=-price', 2);
    expect(descending.map((product) => product.id)).toEqual([...ascending].reverse().map((product) => product.id));
  });

  it('combines a sort with the category filter', async () => {
    expect((await walk(a, `sort=-price&categoryId=${tea.id}`, 2)).map((product) => product.name)).toEqual(['Darjeeling', 'Earl Grey', 'Assam']);
  });

  it('refuses a bad sort, a sort with a search, and a cursor of another order, each naming its field', async () => {
    const bad = await http().get('/api/v1/products?sort=colour').set(bearer(a.owner.accessToken));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toContain('sort');
    const withSearch = await http().get('/api/v1/products?sort=sku&q=tea').set(bearer(a.owner.accessToken));
    expect(withSearch.status).toBe(400);
    expect(withSearch.body.errors[0].field).toBe('sort');
    const byName = await get(a, '/api/v1/products?limit=1');
    const crossed = await http().get(`/api/v1/products?sort=price&limit=1&cursor=${byName.nextCursor}`).set(bearer(a.owner.accessToken));
    expect(crossed.status).toBe(400);
    expect(crossed.body.code).toBe(ErrorCode.InvalidCursor);
  });

  it('answers ids with those products by name, leaving out another shop’s, and refuses ids beside a search', async () => {
    const foreign = (await get(b, '/api/v1/products')).items[0].id;
    const ids = [products[1].id, products[0].id, foreign].join(',');
    const page = await get(a, `/api/v1/products?ids=${ids}`);
    expect(page).toEqual({ items: [expect.objectContaining({ name: 'Assam' }), expect.objectContaining({ name: 'Darjeeling' })], nextCursor: null });
    expect((await get(b, `/api/v1/products?ids=${ids}`)).items.map((product: Listed) => product.name)).toEqual(['Aardvark Tea']);
    const mixed = await http().get(`/api/v1/products?ids=${ids}&q=tea`).set(bearer(a.owner.accessToken));
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors[0].field).toBe('ids');
    const notIds = await http().get('/api/v1/products?ids=tea').set(bearer(a.owner.accessToken));
    expect(notIds.status).toBe(400);
    expect(notIds.body.errors.map((error: { field: string }) => error.field)).toContain('ids');
  });

  it('finds products by stock state in a store through inventory, never-moved ones out of stock, within a category', async () => {
    const storeId = a.stores[0].id;
    const [assam, darjeeling, biscuits, cocoa] = products;
    for (const [product, delta] of [
      [assam, 3],
      [darjeeling, 20],
      [biscuits, 4],
      [cocoa, 2],
    ] as const) {
      await post(a, '/api/v1/inventory/adjustments', { storeId, productId: product.id, delta, reason: 'receipt' });
    }
    const state = async (query: string) =>
      (await get(a, `/api/v1/inventory/levels?includeZero=true&storeId=${storeId}&${query}`)).items.map((row: { sku: string }) => row.sku).sort();
    expect(await state('state=out')).toEqual(['D-4']);
    expect(await state('state=low')).toEqual(['C-3', 'E-5']);
    expect(await state('state=in')).toEqual(['A-1', 'B-2']);
    expect(await state(`state=low&categoryId=${tea.id}`)).toEqual(['C-3']);
    expect(await state(`state=in&categoryId=${tea.id}`)).toEqual(['A-1']);
    // Only moved levels, without includeZero: the never-moved product has no row there.
    const moved = await get(a, `/api/v1/inventory/levels?storeId=${storeId}&state=out`);
    expect(moved.items).toEqual([]);
    const otherShop = await get(b, `/api/v1/inventory/levels?includeZero=true&storeId=${b.stores[0].id}&state=out`);
    expect(otherShop.items.map((row: { sku: string }) => row.sku)).toEqual(['A-0']);
  });

  it('refuses an unknown state, and a category without includeZero, naming the field', async () => {
    const unknown = await http().get('/api/v1/inventory/levels?includeZero=true&state=empty').set(bearer(a.owner.accessToken));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((error: { field: string }) => error.field)).toContain('state');
    const category = await http().get(`/api/v1/inventory/levels?categoryId=${tea.id}`).set(bearer(a.owner.accessToken));
    expect(category.status).toBe(400);
    expect(category.body.errors[0].field).toBe('categoryId');
  });
});
