import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, freePort, ServerProcess, startBuiltApi, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';
import { createKassa, Kassa, KassaApiError, verifyWebhook } from '../../sdk';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A partner's endpoint: keeps every delivery exactly as it arrived. */
async function startReceiver(): Promise<{ server: Server; url: string; deliveries: Delivery[] }> {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/kassa`, deliveries };
}

async function eventually<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('@kassa/sdk against the built API', () => {
  let database: TestDatabase;
  let api: ServerProcess;
  let kassa: Kassa;
  let other: Kassa;

  async function shopWithKey(slug: string): Promise<Kassa> {
    const signup = await fetch(`${api.baseUrl}/api/v1/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantName: slug,
        slug,
        ownerName: 'Owner',
        email: `owner@${slug}.test`,
        password: 'correct horse battery',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        pricesIncludeTax: true,
      }),
    });
    const { accessToken } = (await signup.json()) as { accessToken: string };
    const owner = createKassa({ baseUrl: api.baseUrl, apiKey: accessToken });
    const { key } = await owner.request(
      owner.http.POST('/api/v1/api-keys', { body: { name: 'Partner', permissions: ['catalog:read', 'catalog:manage', 'webhooks:manage'] } }),
    );
    return createKassa({ baseUrl: api.baseUrl, apiKey: key });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startBuiltApi(await freePort(), {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_RETRY_SCHEDULE_MS: '0,200,200',
    });
    kassa = await shopWithKey('sdk-shop');
    other = await shopWithKey('sdk-other');
  });

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it("iterates every product of a 250-product shop once, and none of another shop's", async () => {
    const rows = Array.from({ length: 250 }, (_, index) => ({
      sku: `SKU-${String(index).padStart(3, '0')}`,
      name: `Product ${index}`,
      priceMinor: 100 + index,
    }));
    await kassa.request(kassa.http.POST('/api/v1/products/import', { body: { rows } }));
    await other.products.create({ sku: 'SKU-000', name: 'Elsewhere', priceMinor: 1 });
    const seen: string[] = [];
    for await (const product of kassa.products.list({ limit: 40 })) seen.push(product.sku);
    expect(seen).toHaveLength(250);
    expect(new Set(seen)).toEqual(new Set(rows.map((row) => row.sku)));
  });

  it('throws KassaApiError with the problem code', async () => {
    await kassa.products.create({ sku: 'DUP-1', name: 'First', priceMinor: 1 });
    const failure = await kassa.products.create({ sku: 'DUP-1', name: 'Second', priceMinor: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KassaApiError);
    expect(failure).toMatchObject({ status: 409, code: 'sku_taken' });
  });

  it('verifies a real webhook delivery and rejects a tampered one', async () => {
    const receiver = await startReceiver();
    try {
      const webhook = await kassa.webhooks.create({ url: receiver.url, events: ['product.created'] });
      const created = await kassa.products.create({ sku: 'HOOK-1', name: 'Hooked', priceMinor: 5 });
      const delivery = await eventually(() => receiver.deliveries.find((item) => item.body.includes(created.id)));
      const event = verifyWebhook(delivery.headers, delivery.body, webhook.secret);
      expect(event).toMatchObject({ type: 'product.created', data: expect.objectContaining({ id: created.id }) });
      expect(() => verifyWebhook(delivery.headers, delivery.body.replace('Hooked', 'Hacked'), webhook.secret)).toThrow();
      expect(() => verifyWebhook({ ...delivery.headers, 'webhook-id': 'msg_forged' }, delivery.body, webhook.secret)).toThrow();
    } finally {
      receiver.server.close();
    }
  });
});
