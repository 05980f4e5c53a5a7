import { request as httpRequest } from 'node:http';
import { uuidv7 } from '@kassa/contracts';
import { createTestDatabase, eventually, freePort, ServerProcess, startBuiltApi, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';
import { signupBody } from '../support/identity';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One request on a connection of its own: node:cluster hands connections, not requests, to its workers. */
function call(baseUrl: string, method: string, route: string, body?: object, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = body === undefined ? undefined : JSON.stringify(body);
    const request = httpRequest(
      `${baseUrl}${route}`,
      { method, agent: false, headers: { ...(sent ? { 'content-type': 'application/json' } : {}), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end(sent);
  });
}

const json = <T>(answer: Answer, status: number): T => {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body) as T;
};

describe('the built API with API_WORKERS=2', () => {
  let database: TestDatabase;
  let api: ServerProcess;
  let token: string;
  let storeId: string;
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startBuiltApi(await freePort(), {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `kassa-test:${database.name}:`,
      JWT_SECRET: `kassa-test-jwt-secret-${database.name}`,
      API_WORKERS: '2',
    });
    token = json<{ accessToken: string }>(await call(api.baseUrl, 'POST', '/api/v1/signup', signupBody()), 201).accessToken;
    storeId = json<{ id: string }>(await call(api.baseUrl, 'POST', '/api/v1/stores', { name: 'Main', code: 'MAIN' }, auth()), 201).id;
  }, 60_000);
  afterAll(async () => {
    expect(await api?.stop()).toBe(0);
    await database?.drop();
  });

  it('answers from two processes on one port', async () => {
    const pids = new Set<string>();
    await eventually(
      async () => {
        const answer = await call(api.baseUrl, 'GET', '/metrics');
        const pid = /kassa_process_info\{pid="(\d+)"\} 1/.exec(answer.body)?.[1];
        if (pid) pids.add(pid);
        return pids.size;
      },
      (size) => size === 2,
      // The second starts once the first listens (it runs the migrations first).
      80_000,
    );
    expect(pids.size).toBe(2);
  });

  const newProduct = async (units: number) => {
    const product = json<{ id: string; priceMinor: number }>(
      await call(api.baseUrl, 'POST', '/api/v1/products', { sku: `W-${uuidv7().slice(-12)}`, name: 'Worker item', priceMinor: 300 }, auth()),
      201,
    );
    json(await call(api.baseUrl, 'POST', '/api/v1/inventory/adjustments', { storeId, productId: product.id, delta: units, reason: 'receipt' }, auth()), 201);
    return product;
  };
  const onHand = async (productId: string) =>
    json<{ items: { onHand: number }[] }>(
      await call(api.baseUrl, 'GET', `/api/v1/inventory/levels?storeId=${storeId}&productId=${productId}`, undefined, auth()),
      200,
    ).items[0].onHand;
  const saleOf = (productId: string, id?: string) => ({
    ...(id ? { id } : {}),
    storeId,
    lines: [{ productId, quantity: 1 }],
    tenders: [{ type: 'card', amountMinor: 300 }],
  });

  it('sells the last units exactly once when sales race through both processes', async () => {
    const product = await newProduct(10);
    const answers = await Promise.all(Array.from({ length: 24 }, () => call(api.baseUrl, 'POST', '/api/v1/sales', saleOf(product.id), auth())));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(10);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => JSON.parse(answer.body).code)).toEqual(Array(14).fill('insufficient_stock'));
    expect(await onHand(product.id)).toBe(0);
    // Receipt numbers of the store's api register stay gapless and unique across the processes.
    const numbers = answers.filter((answer) => answer.status === 201).map((answer) => JSON.parse(answer.body).receiptNumber as number);
    expect(new Set(numbers).size).toBe(10);
  });

  it('records a sale resent at once through both processes once, and answers every resend with it', async () => {
    const product = await newProduct(5);
    const id = uuidv7();
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(api.baseUrl, 'POST', '/api/v1/sales', saleOf(product.id, id), auth())));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((answer) => JSON.parse(answer.body).id))).toEqual(new Set([id]));
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    expect(await onHand(product.id)).toBe(4);
  });

  it('keeps one Idempotency-Key to one sale across the processes', async () => {
    const product = await newProduct(5);
    const key = `key-${uuidv7()}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call(api.baseUrl, 'POST', '/api/v1/sales', saleOf(product.id), { ...auth(), 'idempotency-key': key })),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((answer) => JSON.parse(answer.body).id)).size).toBe(1);
    // A duplicate that waited beyond IDEMPOTENCY_WAIT_MS is told so (409), never sold twice.
    expect(answers.filter((answer) => answer.status !== 201).map((answer) => JSON.parse(answer.body).code)).toEqual(
      Array(6 - created.length).fill('idempotency_key_in_flight'),
    );
    expect(await onHand(product.id)).toBe(4);
  });
});
