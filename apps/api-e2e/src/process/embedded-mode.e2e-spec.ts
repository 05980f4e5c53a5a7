import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SystemInfo } from '@kassa/contracts';
import { eventually, freePort, startBuiltApi } from '@kassa/testing';
import { PASSWORD, signupBody } from '../support/identity';

async function call<T>(baseUrl: string, method: string, route: string, body?: object, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

describe('the built API with no DATABASE_URL or REDIS_URL (embedded mode)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kassa-embedded-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps its data in KASSA_DATA_DIR across a restart, with tenants isolated', async () => {
    const port = await freePort();
    const shopA = signupBody();
    const shopB = signupBody();

    const first = await startBuiltApi(port, { KASSA_DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const before = await call<SystemInfo>(first.baseUrl, 'GET', '/api/v1/system');
    expect(before.runtime).toEqual({ database: 'embedded', redis: 'in-process' });
    expect(first.output()).toContain(`embedded PGlite in ${dataDir}`);
    const signedUp = await call<{ accessToken: string }>(first.baseUrl, 'POST', '/api/v1/signup', shopA);
    await call(first.baseUrl, 'POST', '/api/v1/stores', { name: 'Main', code: 'MAIN' }, signedUp.accessToken);
    await call(first.baseUrl, 'POST', '/api/v1/products', { sku: 'BAN-1', name: 'Organic Bananas', priceMinor: 299 }, signedUp.accessToken);
    // The relay finds the tenant through its database function on PGlite's one shared session too.
    const events = await eventually(
      () =>
        call<{ items: { type: string; sequence: number }[] }>(first.baseUrl, 'GET', '/api/v1/events?types=product.created', undefined, signedUp.accessToken),
      (page) => page.items.length === 1,
      10_000,
    );
    expect(events.items[0].sequence).toEqual(expect.any(Number));
    expect(await first.stop()).toBe(0);
    expect((await readdir(dataDir)).length).toBeGreaterThan(0);

    const second = await startBuiltApi(port, { KASSA_DATA_DIR: dataDir });
    try {
      const after = await call<SystemInfo>(second.baseUrl, 'GET', '/api/v1/system');
      expect(after).toEqual(before);
      const a = await call<{ accessToken: string }>(second.baseUrl, 'POST', '/api/v1/auth/login', {
        tenant: shopA.slug,
        email: shopA.email,
        password: PASSWORD,
      });
      const b = await call<{ accessToken: string }>(second.baseUrl, 'POST', '/api/v1/signup', shopB);
      const storesOfA = await call<{ items: unknown[] }>(second.baseUrl, 'GET', '/api/v1/stores', undefined, a.accessToken);
      const storesOfB = await call<{ items: unknown[] }>(second.baseUrl, 'GET', '/api/v1/stores', undefined, b.accessToken);
      expect(storesOfA.items).toHaveLength(1);
      expect(storesOfB.items).toHaveLength(0);
      // Trigram search runs on the embedded database too (pg_trgm is loaded into PGlite).
      const found = await call<{ items: { name: string }[] }>(second.baseUrl, 'GET', '/api/v1/products?q=banan', undefined, a.accessToken);
      expect(found.items.map((product) => product.name)).toEqual(['Organic Bananas']);
      const foundByB = await call<{ items: unknown[] }>(second.baseUrl, 'GET', '/api/v1/products?q=banan', undefined, b.accessToken);
      expect(foundByB.items).toEqual([]);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
