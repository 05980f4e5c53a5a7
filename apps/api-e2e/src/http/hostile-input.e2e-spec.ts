import type { Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import request from 'supertest';
import { ErrorCode, isErrorCode, MAX_AMOUNT_MINOR, PROBLEM_CONTENT_TYPE, uuidv7 } from '@kassa/contracts';
import type { TillSession } from '@kassa/testing';
import { ID_ROUTE_FIXTURES, pairDevice } from '../support/id-route-sweep';
import { bearer, createTenant, deviceAuth, expectStatus, PASSWORD, TenantFixture, uniqueSlug } from '../support/identity';
import { bodyFields, InputField, OpenApiDocument, operationInputs, resolveSchema, SchemaObject } from '../support/open-api-document';
import { routeInventory, RouteInfo } from '../support/route-inventory';
import { startTestApi, TestApi } from '../support/test-api';
import { tillSession } from '../support/till';

/** A value no client should be able to turn into a 500, as raw JSON (2^63 has no exact JavaScript number). */
interface HostileValue {
  name: string;
  json: string;
  appliesTo: (field: InputField) => boolean;
}

const isString = (field: InputField) => field.schema.type === 'string';
const isNumber = (field: InputField) => field.schema.type === 'number' || field.schema.type === 'integer';
const isDate = (field: InputField) => isString(field) && (field.schema.format === 'date' || field.schema.format === 'date-time');
const isTopLevel = (field: InputField) => field.path.length === 1;

const HOSTILE_VALUES: HostileValue[] = [
  { name: 'a NUL byte', json: JSON.stringify('hostile\u0000value'), appliesTo: isString },
  { name: 'a lone surrogate', json: JSON.stringify('\uD800hostile@example.test'), appliesTo: isString },
  { name: 'null', json: 'null', appliesTo: (field) => !field.nullable },
  { name: '1e300', json: '1e300', appliesTo: isNumber },
  { name: '2^63', json: '9223372036854775808', appliesTo: isNumber },
  { name: 'February 30th', json: '"2024-02-30"', appliesTo: (field) => isDate(field) && field.schema.format === 'date' },
  { name: 'February 30th', json: '"2024-02-30T10:00:00Z"', appliesTo: (field) => isDate(field) && field.schema.format === 'date-time' },
  { name: '3,000-deep nesting', json: '['.repeat(3000) + ']'.repeat(3000), appliesTo: isTopLevel },
];

/** Query strings as they arrive: already text, percent-encoded here. */
const HOSTILE_QUERY_VALUES: { name: string; encoded: string; appliesTo: (field: InputField) => boolean; namesField: boolean }[] = [
  { name: 'a NUL byte', encoded: 'hostile%00value', appliesTo: () => true, namesField: true },
  { name: 'February 30th', encoded: '2024-02-30', appliesTo: (field) => field.schema.format === 'date', namesField: true },
  { name: 'February 30th', encoded: '2024-02-30T10%3A00%3A00Z', appliesTo: (field) => field.schema.format === 'date-time', namesField: true },
  { name: '1e300', encoded: '1e300', appliesTo: isNumber, namesField: true },
  { name: '2^63', encoded: '9223372036854775808', appliesTo: isNumber, namesField: true },
  { name: 'a broken UTF-8 sequence', encoded: '%ED%A0%80', appliesTo: () => true, namesField: false },
  { name: 'a 10,000-character value', encoded: 'x'.repeat(10_000), appliesTo: () => true, namesField: false },
];

const HOSTILE_PATH_VALUES = [
  { name: 'a NUL byte', encoded: 'hostile%00value' },
  { name: 'a broken percent-encoding', encoded: '%E0%A4%A' },
  { name: 'a broken UTF-8 sequence', encoded: '%ED%A0%80' },
  { name: 'a 10,000-character value', encoded: 'x'.repeat(10_000), status: 414 },
];

const PLACEHOLDER = '\u0001hostile\u0001';

/** `body` with `path` set to the placeholder, creating the objects and arrays on the way. */
function withPlaceholder(body: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const copy = structuredClone(body);
  let container: Record<string, unknown> | unknown[] = copy;
  path.forEach((segment, index) => {
    const slot = container as Record<string, unknown>;
    if (index === path.length - 1) {
      slot[segment] = PLACEHOLDER;
      return;
    }
    if (typeof slot[segment] !== 'object' || slot[segment] === null) slot[segment] = path[index + 1] === '0' ? [{}] : {};
    container = slot[segment] as Record<string, unknown>;
  });
  return copy;
}

/** Fields a body carries that the document leaves open (import rows are free-form objects). */
function undocumentedFields(value: unknown, documented: Set<string>, prefix: string[] = []): InputField[] {
  if (typeof value !== 'object' || value === null) {
    const type = typeof value === 'number' ? 'number' : typeof value === 'string' ? 'string' : 'boolean';
    return documented.has(prefix.join('.')) ? [] : [{ path: prefix, schema: { type }, nullable: false }];
  }
  const entries = Array.isArray(value) ? value.slice(0, 1).map((item, index) => [String(index), item] as const) : Object.entries(value);
  return entries.flatMap(([key, item]) => undocumentedFields(item, documented, [...prefix, key]));
}

describe('hostile input', () => {
  let api: TestApi;
  let shop: TenantFixture;
  let document: OpenApiDocument;
  let product: { id: string; sku: string };
  let customer: { id: string };
  let category: { id: string };
  let sale: { id: string; lines: { id: string }[] };
  let till: TillSession;
  let deviceToken: string;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Hostile');
    const owner = bearer(shop.owner.accessToken);
    category = expectStatus(await http().post('/api/v1/categories').set(owner).send({ name: 'Fruit' }), 201).body;
    product = expectStatus(
      await http()
        .post('/api/v1/products')
        .set(owner)
        .send({ sku: 'BAN-1', name: 'Bananas', priceMinor: 199, categoryId: category.id, barcodes: ['4011'] }),
      201,
    ).body;
    customer = expectStatus(await http().post('/api/v1/customers').set(owner).send({ name: 'Regular' }), 201).body;
    till = await tillSession(api.app, shop);
    sale = expectStatus(
      await http()
        .post('/api/v1/sales')
        .set(bearer(till.accessToken))
        .send({
          storeId: shop.stores[0].id,
          registerId: till.registerId,
          receiptNumber: 1,
          lines: [{ productId: product.id, quantity: 1 }],
          tenders: [{ type: 'cash', amountMinor: 500 }],
          offline: true,
        }),
      201,
    ).body;
    deviceToken = (await pairDevice(api.app, shop)).deviceToken;
    document = expectStatus(await http().get('/api/openapi.json'), 200).body;
  });

  /** A paired tablet's own routes take its device token; every other write, the owner's. */
  const callerOf = (route: RouteInfo) => (route.path.startsWith('/api/v1/devices/current') ? deviceAuth(deviceToken) : bearer(shop.owner.accessToken));
  afterAll(() => api.close());

  /** Values by field name that make a body pass validation and reach the service. */
  const knownValues = (): Record<string, () => unknown> => ({
    storeId: () => shop.stores[0].id,
    fromStoreId: () => shop.stores[0].id,
    toStoreId: () => shop.stores[1].id,
    storeIds: () => [shop.stores[0].id],
    productId: () => product.id,
    customerId: () => customer.id,
    categoryId: () => category.id,
    saleLineId: () => sale.lines[0].id,
    code: () => '4011',
    email: () => `hostile-${uuidv7().slice(-12)}@example.test`,
    password: () => PASSWORD,
    url: () => 'https://93.184.215.14/hostile',
    slug: () => uniqueSlug('hostile'),
    tenant: () => shop.slug,
    sku: () => `HOSTILE-${uuidv7().slice(-12)}`,
  });

  /** What the field-by-field sample cannot guess: a working login, a sale that is paid, rows to import. */
  const baseBodies = (): Record<string, () => Record<string, unknown>> => ({
    'POST /api/v1/auth/login': () => ({ tenant: shop.slug, email: shop.owner.email, password: PASSWORD }),
    'POST /api/v1/sales': () => ({ tenders: [{ type: 'cash', amountMinor: 100_000 }] }),
    'POST /api/v1/webhooks': () => ({ enabled: false }),
    'POST /api/v1/products/import': () => ({ rows: [{ sku: `HOSTILE-${uuidv7().slice(-12)}`, name: 'Imported', priceMinor: 100 }] }),
    'POST /api/v1/inventory/counts/import': () => ({ rows: [{ sku: product.sku, counted: 3 }] }),
  });

  function sampleOf(schema: SchemaObject, name: string): unknown {
    const known = knownValues()[name];
    if (known) return known();
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
      case 'array':
        return [sampleOf(resolveSchema(document, schema.items ?? {}), '')];
      case 'string':
        if (schema.format === 'uuid') return uuidv7();
        if (schema.format === 'date-time') return new Date().toISOString();
        if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
        if (schema.example !== undefined) return schema.example;
        return 'hostile'.padEnd(schema.minLength ?? 0, '!');
      case 'number':
      case 'integer':
        return Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? Infinity);
      case 'boolean':
        return false;
      default:
        return Object.fromEntries(
          (schema.required ?? []).map((required) => [required, sampleOf(resolveSchema(document, schema.properties?.[required] ?? {}), required)]),
        );
    }
  }

  /** The route's path with real rows of the shop for its parameters. */
  async function pathOf(route: RouteInfo): Promise<{ path: string; fixtureBody?: Record<string, unknown> }> {
    const fixture = route.path.includes(':id') ? await ID_ROUTE_FIXTURES[route.key]?.(shop, api.app) : undefined;
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => (name === 'id' && fixture ? fixture.id : String(sampleOf({ type: 'string' }, name))));
    return { path, fixtureBody: fixture?.body };
  }

  /** A hang (a stream that never ends) is a fault like a 500, not a test timeout. */
  const answerOf = (pending: request.Test): Promise<request.Response | undefined> =>
    pending.timeout(10_000).then(
      (response) => response,
      () => undefined,
    );

  /** What went wrong with one answer, or nothing: never a 5xx, every error problem+json with a known code. */
  function faultOf(response: request.Response | undefined, expected?: { status?: number; field?: string }): string | undefined {
    if (!response) return 'gave no answer within 10 s';
    if (response.status >= 500) return `answered ${response.status}`;
    if (expected?.status && response.status !== expected.status) return `answered ${response.status}, expected ${expected.status}`;
    if (response.status < 400) return expected?.field ? `accepted it (${response.status})` : undefined;
    if (!String(response.headers['content-type']).startsWith(PROBLEM_CONTENT_TYPE)) return `answered ${response.status} as ${response.headers['content-type']}`;
    if (!isErrorCode(response.body.code)) return `answered ${response.status} without a known code`;
    const fields: string[] = (response.body.errors ?? []).map((error: { field: string }) => error.field);
    if (expected?.field && !fields.includes(expected.field)) return `answered ${response.status} ${response.body.code} naming [${fields.join(', ')}]`;
    return undefined;
  }

  const routes = (methods: string[]) => routeInventory(api.app).filter((route) => methods.includes(route.method));

  it('answers every hostile value in every body field of every write with a 4xx naming the field', async () => {
    const faults: string[] = [];
    let sent = 0;
    for (const route of routes(['POST', 'PUT', 'PATCH'])) {
      const { path, fixtureBody } = await pathOf(route);
      const { body: schema } = operationInputs(document, route.method, route.path);
      // Fresh for every request: unique values (an email, a SKU) must not collide with an earlier success.
      const base = () => ({ ...(schema ? (sampleOf(schema, '') as Record<string, unknown>) : {}), ...baseBodies()[route.key]?.(), ...fixtureBody });
      const documented = schema ? bodyFields(document, schema) : [];
      const fields = [...documented, ...undocumentedFields(base(), new Set(documented.map((field) => field.path.join('.'))))];
      for (const field of fields) {
        for (const hostile of HOSTILE_VALUES.filter((value) => value.appliesTo(field))) {
          const json = JSON.stringify(withPlaceholder(base(), field.path)).replace(JSON.stringify(PLACEHOLDER), hostile.json);
          const verb = route.method.toLowerCase() as 'post' | 'put' | 'patch';
          const response = await answerOf(http()[verb](path).set(callerOf(route)).set('content-type', 'application/json').send(json));
          sent++;
          const fault = faultOf(response, { field: hostile.name.includes('nesting') ? field.path[0] : field.path.join('.') });
          if (fault) faults.push(`${route.key} with ${hostile.name} in ${field.path.join('.')}: ${fault}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(300);
    expect(faults).toEqual([]);
  });

  it('answers hostile query strings on every read with a 4xx, naming the parameter', async () => {
    const faults: string[] = [];
    for (const route of routes(['GET'])) {
      const { path } = await pathOf(route);
      for (const field of operationInputs(document, route.method, route.path).query) {
        const name = field.path[0];
        for (const hostile of HOSTILE_QUERY_VALUES.filter((value) => value.appliesTo(field))) {
          const response = await answerOf(http().get(`${path}?${name}=${hostile.encoded}`).set(bearer(shop.owner.accessToken)));
          const fault = faultOf(response, hostile.namesField ? { field: name } : undefined);
          if (fault) faults.push(`${route.key} with ${hostile.name} in ?${name}: ${fault}`);
        }
        const repeated = await answerOf(http().get(`${path}?${name}=a&${name}=b`).set(bearer(shop.owner.accessToken)));
        const fault = faultOf(repeated);
        if (fault) faults.push(`${route.key} with ?${name} repeated: ${fault}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('answers hostile path parameters on every route with problem+json, and an overlong one with 414', async () => {
    const faults: string[] = [];
    for (const route of routeInventory(api.app).filter((candidate) => candidate.path.includes(':'))) {
      for (const parameter of route.path.match(/:\w+/g) ?? []) {
        for (const hostile of HOSTILE_PATH_VALUES) {
          const path = route.path.replace(parameter, hostile.encoded).replace(/:\w+/g, () => uuidv7());
          const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
          const response = await answerOf(http()[verb](path).set(bearer(shop.owner.accessToken)));
          const fault = faultOf(response, hostile.status ? { status: hostile.status } : undefined);
          if (fault) faults.push(`${route.key} with ${hostile.name} as ${parameter}: ${fault}`);
        }
      }
    }
    expect(faults).toEqual([]);
  });

  it("answers the framework's own errors as problem+json with a code", async () => {
    const cases: [string, () => request.Test, number][] = [
      ['an unknown route', () => http().get('/api/v1/no-such-thing'), 404],
      ['an overlong path parameter', () => http().get(`/api/v1/products/${'x'.repeat(10_000)}`), 414],
      ['a broken percent-encoding in the path', () => http().get('/api/v1/products/%E0%A4%A'), 400],
      ['a form body', () => http().post('/api/v1/auth/login').type('form').send('tenant=x'), 415],
      ['a malformed content type', () => http().post('/api/v1/auth/login').set('content-type', ';;;').send('{}'), 415],
      [
        'a body over 1 MiB',
        () =>
          http()
            .post('/api/v1/auth/login')
            .set('content-type', 'application/json')
            .send(`"${'x'.repeat(1_100_000)}"`),
        413,
      ],
      ['a CORS preflight without its headers', () => http().options('/api/v1/auth/login'), 400],
      [
        '3,000-deep nesting, unauthenticated',
        () =>
          http()
            .post('/api/v1/auth/login')
            .set('content-type', 'application/json')
            .send(`{"tenant":${'['.repeat(3000)}${']'.repeat(3000)}}`),
        400,
      ],
    ];
    const faults: string[] = [];
    for (const [name, send, status] of cases) {
      const fault = faultOf(await answerOf(send()), { status });
      if (fault) faults.push(`${name}: ${fault}`);
    }
    expect(faults).toEqual([]);
  });

  /** What the server writes back to bytes no HTTP client library would send. */
  async function rawExchange(bytes: string): Promise<{ status: number; headers: string; body: string }> {
    const server: Server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.write(bytes);
    await new Promise((resolve) => socket.on('close', resolve));
    const [head, body] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
    return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body };
  }

  it("answers what Node's HTTP parser refuses as problem+json: a NUL in a header, headers over 16 KiB", async () => {
    const nul = await rawExchange('GET /health/live HTTP/1.1\r\nhost: kassa.test\r\nx-note: a\u0000b\r\n\r\n');
    expect([nul.status, JSON.parse(nul.body).code]).toEqual([400, ErrorCode.MalformedRequest]);
    expect(nul.headers).toContain(`content-type: ${PROBLEM_CONTENT_TYPE}`);
    const huge = await rawExchange(`GET /health/live HTTP/1.1\r\nhost: kassa.test\r\nx-note: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect([huge.status, JSON.parse(huge.body).code]).toEqual([431, ErrorCode.HeadersTooLarge]);
  });

  it('refuses a sale whose lines multiply or add up past what a sale can hold, naming the lines', async () => {
    const owner = bearer(shop.owner.accessToken);
    const dear = expectStatus(
      await http().post('/api/v1/products').set(owner).send({ sku: 'DEAR-1', name: 'Dear', priceMinor: MAX_AMOUNT_MINOR, trackStock: false }),
      201,
    ).body;
    const fromTill = { registerId: till.registerId, receiptNumber: 2, offline: true };
    const sales = [
      { token: owner, sale: { lines: [{ productId: dear.id, quantity: 2 }] } },
      { token: bearer(till.accessToken), sale: { lines: [{ productId: product.id, quantity: 100_000, unitPriceMinor: MAX_AMOUNT_MINOR }], ...fromTill } },
      {
        token: bearer(till.accessToken),
        sale: { lines: Array.from({ length: 200 }, () => ({ productId: product.id, quantity: 1, unitPriceMinor: MAX_AMOUNT_MINOR })), ...fromTill },
      },
    ];
    for (const { token, sale } of sales) {
      const response = await http()
        .post('/api/v1/sales')
        .set(token)
        .send({ storeId: shop.stores[0].id, tenders: [{ type: 'cash', amountMinor: 1 }], ...sale });
      expect([response.status, response.body.code, response.body.errors?.[0]?.field]).toEqual([400, ErrorCode.ValidationFailed, 'lines']);
    }
  });
});
