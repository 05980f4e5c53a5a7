import request from 'supertest';
import { ErrorCode, PROBLEM_CONTENT_TYPE, uuidv7 } from '@kassa/contracts';
import { seedWebhookDelivery } from '../support/id-route-sweep';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { OpenApiDocument, operationInputs } from '../support/open-api-document';
import { routeInventory, RouteInfo } from '../support/route-inventory';
import { startTestApi, TestApi } from '../support/test-api';

interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Lists that must be in the sweep, so that it cannot pass by finding none. */
const KNOWN_PAGED_LISTS = [
  'GET /api/v1/products',
  'GET /api/v1/sales',
  'GET /api/v1/sales/reconciliation',
  'GET /api/v1/users',
  'GET /api/v1/customers',
  'GET /api/v1/audit-logs',
  'GET /api/v1/inventory/levels',
  'GET /api/v1/inventory/ledger',
  'GET /api/v1/webhooks',
  'GET /api/v1/webhooks/:id/deliveries',
];

const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('pagination', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let document: OpenApiDocument;
  let webhookId: string;
  const http = () => request(api.app.getHttpServer());
  const owner = () => bearer(shop.owner.accessToken);
  const get = async <T>(path: string): Promise<ListPage<T>> => expectStatus(await http().get(path).set(owner()), 200).body;

  /** Every row of a list, page by page, as the client sees them. */
  async function everyPage<T>(path: string, limit: number): Promise<{ rows: T[]; pages: number }> {
    const rows: T[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: ListPage<T> = await get<T>(`${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      rows.push(...page.items);
      pages += 1;
      cursor = page.nextCursor;
    } while (cursor);
    return { rows, pages };
  }

  const newProduct = async (name: string, sku: string): Promise<{ id: string }> =>
    expectStatus(await http().post('/api/v1/products').set(owner()).send({ sku, name, priceMinor: 250 }), 201).body;

  beforeAll(async () => {
    // In development, so the development mailbox (GET /admin/mail) answers and is swept like every paged list.
    api = await startTestApi({ env: { NODE_ENV: 'development' } });
    shop = await createTenant(api.app, 'Paging');
    document = expectStatus(await http().get('/api/openapi.json'), 200).body;
    ({ webhookId } = await seedWebhookDelivery(api.app, shop.id));
    // Names repeat so that the id has to break ties; SKUs share a prefix for search.
    for (const [index, name] of ['Pears', 'Apples', 'Pears', 'Apples', 'Figs'].entries()) await newProduct(name, `PAGE-${index}`);
  });
  afterAll(() => api.close());

  /** The GET routes the app declares whose documented query takes a `cursor`. */
  const pagedRoutes = (): RouteInfo[] =>
    routeInventory(api.app).filter(
      (route) => route.method === 'GET' && operationInputs(document, route.method, route.path).query.some((field) => field.path[0] === 'cursor'),
    );

  const pathOf = (route: RouteInfo) => route.path.replace(':id', webhookId);

  it('finds every cursor-paged list in the route inventory and the OpenAPI document', () => {
    expect(pagedRoutes().map((route) => route.key)).toEqual(expect.arrayContaining(KNOWN_PAGED_LISTS));
  });

  it('answers a malformed cursor on every paged list with 400 invalid_cursor naming the field', async () => {
    const productsCursor = (await get('/api/v1/products?limit=1')).nextCursor;
    const auditCursor = (await get('/api/v1/audit-logs?limit=1')).nextCursor;
    expect([productsCursor, auditCursor]).toEqual([expect.any(String), expect.any(String)]);
    const malformed = (route: RouteInfo): { kind: string; cursor: string }[] => [
      { kind: 'text that is not base64url', cursor: encodeURIComponent('not a cursor!') },
      { kind: 'base64url that is not JSON', cursor: base64url('{"after":') },
      { kind: 'JSON of the wrong shape', cursor: base64url(JSON.stringify({ after: [1, 2] })) },
      { kind: 'a key of the wrong types', cursor: base64url(JSON.stringify([route.path, 42, true])) },
      { kind: 'a bare id (the old cursor of id lists)', cursor: uuidv7() },
      {
        kind: 'a cursor of another list',
        cursor: (route.key === 'GET /api/v1/products' ? auditCursor : productsCursor) as string,
      },
    ];
    const faults: string[] = [];
    let sent = 0;
    for (const route of pagedRoutes()) {
      for (const { kind, cursor } of malformed(route)) {
        const response = await http()
          .get(`${pathOf(route)}?cursor=${cursor}`)
          .set(owner());
        sent += 1;
        const fields = (response.body.errors ?? []).map((error: { field: string }) => error.field);
        const fine =
          response.status === 400 &&
          String(response.headers['content-type']).startsWith(PROBLEM_CONTENT_TYPE) &&
          response.body.code === ErrorCode.InvalidCursor &&
          fields.includes('cursor');
        if (!fine) faults.push(`${route.key} with ${kind}: ${response.status} ${response.body.code ?? ''} naming [${fields.join(', ')}]`);
      }
    }
    expect(faults).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(KNOWN_PAGED_LISTS.length * 6);
  });

  it('refuses a cursor of the by-name product list in a search, and the other way round', async () => {
    const byName = (await get('/api/v1/products?limit=1')).nextCursor;
    const search = (await get('/api/v1/products?q=PAGE&limit=1')).nextCursor;
    for (const path of [`/api/v1/products?q=PAGE&cursor=${byName}`, `/api/v1/products?cursor=${search}`]) {
      const response = await http().get(path).set(owner());
      expect([path, response.status, response.body.code]).toEqual([path, 400, ErrorCode.InvalidCursor]);
    }
  });

  it('pages through products by name, two at a time, seeing each exactly once in order', async () => {
    const { rows, pages } = await everyPage<{ id: string; name: string }>('/api/v1/products', 2);
    expect(pages).toBe(3);
    expect(rows.map((row) => row.name)).toEqual(['Apples', 'Apples', 'Figs', 'Pears', 'Pears']);
    expect(new Set(rows.map((row) => row.id)).size).toBe(5);
  });

  it('pages through search results in the order of one big page, each exactly once', async () => {
    // Names that match "apple" more or less closely, so ranks differ and tie across pages.
    for (const [index, name] of ['Apple pie', 'Pineapple', 'Apple', 'Applesauce', 'Apple'].entries()) await newProduct(name, `SEARCH-${index}`);
    for (const [q, matches] of [
      ['apple', 7],
      ['PAGE', 5],
      ['SEARCH', 5],
      ['SEARCH-3', 1],
    ] as const) {
      const whole = (await get<{ id: string }>(`/api/v1/products?q=${q}&limit=200`)).items.map((row) => row.id);
      expect([q, whole.length]).toEqual([q, matches]);
      const { rows } = await everyPage<{ id: string }>(`/api/v1/products?q=${q}`, 2);
      expect(rows.map((row) => row.id)).toEqual(whole);
    }
  });

  it('pages through sales newest first, two at a time, seeing each exactly once', async () => {
    const store = shop.stores[0].id;
    const [figs] = (await get<{ id: string }>('/api/v1/products?q=PAGE-4')).items;
    expectStatus(
      await http().post('/api/v1/inventory/adjustments').set(owner()).send({ storeId: store, productId: figs.id, delta: 10, reason: 'receipt' }),
      201,
    );
    const sold: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const sale = await http()
        .post('/api/v1/sales')
        .set(owner())
        .send({ storeId: store, lines: [{ productId: figs.id, quantity: 1 }], tenders: [{ type: 'cash', amountMinor: 250 }] });
      sold.push(expectStatus(sale, 201).body.id);
    }
    const { rows, pages } = await everyPage<{ id: string }>('/api/v1/sales', 2);
    expect(pages).toBe(3);
    expect(rows.map((row) => row.id)).toEqual([...sold].sort().reverse());
  });

  it('pages through audit logs newest first, two at a time, seeing each exactly once', async () => {
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      created.push(
        expectStatus(
          await http()
            .post('/api/v1/customers')
            .set(owner())
            .send({ name: `Paged ${index}` }),
          201,
        ).body.id,
      );
    }
    const { rows, pages } = await everyPage<{ entityId: string }>('/api/v1/audit-logs?entityType=customer&action=create', 2);
    expect(pages).toBe(3);
    expect(rows.map((row) => row.entityId)).toEqual([...created].reverse());
  });
});
