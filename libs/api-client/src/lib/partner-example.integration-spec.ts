import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, freePort, ServerProcess, startBuiltApi, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const PARTNER_EXAMPLE = path.join(WORKSPACE_ROOT, 'dist/tools/examples/tools/examples/src/partner.js');

function runPartnerExample(env: Record<string, string>, ...args: string[]) {
  if (!existsSync(PARTNER_EXAMPLE)) throw new Error(`${PARTNER_EXAMPLE} is missing: build first (npm test does: nx run-many -t build)`);
  return spawnSync(process.execPath, [PARTNER_EXAMPLE, ...args], { env: { PATH: process.env['PATH'], ...env }, encoding: 'utf8' });
}

describe('the partner example (tools/examples/partner.ts) on this client', () => {
  let database: TestDatabase;
  let api: ServerProcess;
  let apiKey: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startBuiltApi(await freePort(), { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL });
    const signup = await fetch(`${api.baseUrl}/api/v1/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantName: 'Partner Shop',
        slug: 'partner-shop',
        ownerName: 'Owner',
        email: 'owner@example.com',
        password: 'correct horse battery',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        pricesIncludeTax: true,
      }),
    });
    const { accessToken } = (await signup.json()) as { accessToken: string };
    const asOwner = (path: string, body: object) =>
      fetch(`${api.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify(body),
      }).then((response) => {
        if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}`);
        return response.json() as Promise<{ key?: string }>;
      });
    await asOwner('/api/v1/products', { sku: 'TEA-01', name: 'Assam Tea', priceMinor: 450 });
    await asOwner('/api/v1/products', { sku: 'MUG-01', name: 'Blue Mug', priceMinor: 900 });
    apiKey = (await asOwner('/api/v1/api-keys', { name: 'Partner', permissions: ['catalog:read'] })).key ?? '';
  });

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it('lists the shop’s products that match a search, authenticated by an API key', () => {
    const result = runPartnerExample({ KASSA_API_URL: api.baseUrl, KASSA_API_KEY: apiKey }, 'tea');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 product(s) matching "tea"');
    expect(result.stdout).toContain('TEA-01\tAssam Tea');
    expect(result.stdout).not.toContain('Blue Mug');
  });

  it('reports the problem code when the key is refused', () => {
    const result = runPartnerExample({ KASSA_API_URL: api.baseUrl, KASSA_API_KEY: 'kas_not_a_real_key' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('401: unauthorized');
  });
});
