import { execFileSync } from 'node:child_process';
import { transform } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { RequestRollups } from '@kassa/api/monitoring';
import { eventually } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { MonitoringProbeModule } from '../support/monitoring-probe.module';
import { startTestApi, TestApi } from '../support/test-api';

interface ErrorGroup {
  id: string;
  count: number;
  status: string;
  source: string;
  message: string;
  stack: string | null;
  route: string | null;
  context: Record<string, unknown>;
  reopenedAt: string | null;
  resolvedBy: string | null;
}

describe('error tracking', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const groups = async (shop: TenantFixture, token = shop.owner.accessToken): Promise<ErrorGroup[]> =>
    expectStatus(await http().get('/api/v1/monitoring/errors').set(bearer(token)), 200).body.items;
  const boom = async (shop: TenantFixture) => expectStatus(await http().get('/api/v1/e2e-probe/monitoring/boom').set(bearer(shop.owner.accessToken)), 500);

  beforeAll(async () => {
    api = await startTestApi({ probeModules: [MonitoringProbeModule] });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  it('groups the same server error five times into one, and reopens it when it recurs after being resolved', async () => {
    for (let i = 0; i < 5; i += 1) await boom(a);
    const [group] = await eventually(
      () => groups(a),
      (items) => items[0]?.count === 5,
    );
    expect(await groups(a)).toHaveLength(1);
    expect(group).toMatchObject({ status: 'open', source: 'api', route: '/api/v1/e2e-probe/monitoring/boom', reopenedAt: null });
    expect(group.context).toMatchObject({ method: 'GET', tenantId: a.id, userId: a.owner.id, requestId: expect.any(String) });
    const stored = JSON.stringify(group);
    expect(stored).not.toMatch(/eyJ|hunter2|authorization/i);

    const resolved = expectStatus(
      await http().patch(`/api/v1/monitoring/errors/${group.id}`).set(bearer(a.owner.accessToken)).send({ status: 'resolved' }),
      200,
    ).body as ErrorGroup;
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: a.owner.id, count: 5 });

    await boom(a);
    const [reopened] = await eventually(
      () => groups(a),
      (items) => items[0]?.count === 6,
    );
    expect(reopened).toMatchObject({ id: group.id, status: 'open', count: 6, reopenedAt: expect.any(String), resolvedBy: null });
  });

  it("keeps each shop's error groups to itself", async () => {
    expect(await groups(b)).toEqual([]);
    const [group] = await groups(a);
    const theirs = await http().patch(`/api/v1/monitoring/errors/${group.id}`).set(bearer(b.owner.accessToken)).send({ status: 'resolved' });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe(ErrorCode.ErrorGroupNotFound);
    expect((await http().patch(`/api/v1/monitoring/errors/${uuidv7()}`).set(bearer(a.owner.accessToken)).send({ status: 'resolved' })).status).toBe(404);
  });

  it('lets managers read but not resolve, and keeps cashiers out', async () => {
    const [group] = await groups(a, a.manager.accessToken);
    expect(group).toBeDefined();
    expect((await http().patch(`/api/v1/monitoring/errors/${group.id}`).set(bearer(a.manager.accessToken)).send({ status: 'resolved' })).status).toBe(403);
    expect((await http().get('/api/v1/monitoring/errors').set(bearer(a.cashier.accessToken))).status).toBe(403);
    expect((await http().get('/api/v1/monitoring/summary').set(bearer(a.cashier.accessToken))).status).toBe(403);
  });

  describe('from browsers', () => {
    const report = (token: string, body: object) => http().post('/api/v1/monitoring/client-events').set(bearer(token)).send(body);
    const browserError = (message: string) => ({
      source: 'web',
      type: 'TypeError',
      message,
      stack: `TypeError: ${message}\n    at render (https://shop.example/_next/static/chunks/app-1a2b.js:1:2345)`,
      route: '/products/[id]',
      appVersion: 'test-build',
    });

    it('groups the same browser error as source web with its page, for its own shop only', async () => {
      const message = `Cannot read properties of undefined (reading 'price') ${uuidv7()}`;
      expect(expectStatus(await report(a.cashier.accessToken, { errors: [browserError(message), browserError(message)] }), 202).body).toEqual({
        recorded: 2,
        dropped: 0,
      });
      const [group] = (await groups(a)).filter((candidate) => candidate.message === message);
      expect(group).toMatchObject({ source: 'web', count: 2, status: 'open', route: '/products/[id]' });
      expect(group.context).toMatchObject({ page: '/products/[id]', appVersion: 'test-build', userId: a.cashier.id });
      expect((await groups(b)).filter((candidate) => candidate.message === message)).toEqual([]);
    });

    it('refuses a batch that is empty, too long or names an unknown source, naming the field', async () => {
      for (const [body, field] of [
        [{ errors: [] }, 'errors'],
        [{ errors: Array.from({ length: 51 }, () => browserError('x')) }, 'errors'],
        [{ errors: [{ ...browserError('x'), source: 'api' }] }, 'errors.0.source'],
      ] as const) {
        const refused = await report(a.owner.accessToken, body);
        expect(refused.status).toBe(400);
        expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      }
    });

    it('records at most 120 browser errors a minute per user and answers how many it left out', async () => {
      const batch = { errors: Array.from({ length: 50 }, (_, index) => browserError(`flood ${index}`)) };
      const answers = [];
      for (let round = 0; round < 3; round += 1) answers.push(expectStatus(await report(b.manager.accessToken, batch), 202).body);
      expect(answers).toEqual([
        { recorded: 50, dropped: 0 },
        { recorded: 50, dropped: 0 },
        { recorded: 20, dropped: 30 },
      ]);
    });
  });

  it('refuses a status that is neither open nor resolved, naming the field', async () => {
    const [group] = await groups(a);
    const response = await http().patch(`/api/v1/monitoring/errors/${group.id}`).set(bearer(a.owner.accessToken)).send({ status: 'ignored' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'status', message: expect.any(String) }]);
  });
});

describe("browser errors mapped through the web build's source maps", () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  let maps: string;
  const http = () => request(api.app.getHttpServer());
  const groups = async (shop: TenantFixture): Promise<ErrorGroup[]> =>
    expectStatus(await http().get('/api/v1/monitoring/errors').set(bearer(shop.owner.accessToken)), 200).body.items;

  /**
   * A minified chunk of the web build with its `.js.map` in the maps folder (as `next build` writes them under
   * `.next/static/chunks`), run under its public URL: the stack the browser would report.
   */
  const thrownFromChunk = async (chunk: string, message: string) => {
    const source = `export function applyDiscount(total: number, percent: number): number {
  if (percent > 100) {
    throw new RangeError(${JSON.stringify(message)});
  }
  return total - Math.round((total * percent) / 100);
}
`;
    const built = await transform(source, {
      loader: 'ts',
      minify: true,
      format: 'iife',
      globalName: 'chunk',
      sourcemap: 'external',
      sourcefile: 'libs/web/pos/src/lib/discounts.ts',
    });
    writeFileSync(path.join(maps, 'static/chunks', `${chunk}.map`), built.map);
    const run = runInThisContext(`${built.code};chunk`, { filename: `https://shop.example/_next/static/chunks/${chunk}` }) as {
      applyDiscount(total: number, percent: number): number;
    };
    try {
      run.applyDiscount(1000, 150);
    } catch (error) {
      // The browser's frames: the chunk's, and the page's that called it.
      const [head, chunkFrame] = ((error as Error).stack ?? '').split('\n');
      return [head, chunkFrame, '    at onClick (https://shop.example/_next/static/chunks/no-map-here.js:1:99)'].join('\n');
    }
    throw new Error('the chunk did not throw');
  };

  beforeAll(async () => {
    maps = mkdtempSync(path.join(tmpdir(), 'kassa-web-maps-'));
    mkdirSync(path.join(maps, 'static/chunks'), { recursive: true });
    api = await startTestApi({ env: { WEB_SOURCE_MAPS_DIR: maps } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(async () => {
    await api.close();
    rmSync(maps, { recursive: true, force: true });
  });

  it('stores the stack with the original file, line and column and the app version, grouping one error across builds', async () => {
    const message = `Discount above 100 % ${uuidv7()}`;
    const report = (stack: string, appVersion: string) =>
      http()
        .post('/api/v1/monitoring/client-events')
        .set(bearer(a.cashier.accessToken))
        .send({ errors: [{ source: 'pos', type: 'RangeError', message, stack, route: '/pos', appVersion }] });
    // Two builds: the same code in chunks of other names.
    const first = await thrownFromChunk('app-page-build1.js', message);
    expect(first).toContain('https://shop.example/_next/static/chunks/app-page-build1.js:1:');
    expectStatus(await report(first, '1.4.0'), 202);
    expectStatus(await report(await thrownFromChunk('pos-page-build2.js', message), '1.4.1'), 202);

    const mine = (await groups(a)).filter((group) => group.message === message);
    expect(mine).toHaveLength(1);
    const [group] = mine;
    expect(group).toMatchObject({ source: 'pos', count: 2, route: '/pos' });
    const frames = (group.stack ?? '').split('\n');
    // `new RangeError(…)` is on line 3, column 11 of the original; a frame without a map stays as reported.
    expect(frames[1]).toMatch(/^ {4}at \S+ \(libs\/web\/pos\/src\/lib\/discounts\.ts:3:11\)$/);
    expect(frames[2]).toBe('    at onClick (https://shop.example/_next/static/chunks/no-map-here.js:1:99)');
    expect(group.context).toMatchObject({ appVersion: '1.4.1', sourceMappedFrames: 1, page: '/pos', userId: a.cashier.id });
    expect((await groups(b)).filter((candidate) => candidate.message === message)).toEqual([]);
  });
});

describe('per-tenant rollups', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const summary = async (shop: TenantFixture, query = '') =>
    expectStatus(await http().get(`/api/v1/monitoring/summary${query}`).set(bearer(shop.owner.accessToken)), 200).body;

  beforeAll(async () => {
    api = await startTestApi({ env: { MONITORING_FLUSH_MS: '100' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  it("counts the shop's own requests per route with latency percentiles and cache hits, and no other shop's", async () => {
    const product = expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(a.owner.accessToken))
        .send({ sku: `R-${uuidv7().slice(-10)}`, name: 'Rolled up', priceMinor: 100 }),
      201,
    ).body;
    for (let i = 0; i < 4; i += 1) expectStatus(await http().get(`/api/v1/products/${product.id}`).set(bearer(a.owner.accessToken)), 200);
    const route = encodeURIComponent('GET /api/v1/products/:id');
    const mine = await eventually(
      () => summary(a, `?route=${route}`),
      (body) => body.total.requests === 4,
    );
    expect(mine.total).toMatchObject({ requests: 4, errors: 0, cacheHits: 3, cacheMisses: 1, p50Ms: expect.any(Number), p99Ms: expect.any(Number) });
    expect(mine.routes).toEqual([expect.objectContaining({ route: 'GET /api/v1/products/:id', requests: 4 })]);
    expect(mine.series.reduce((sum: number, point: { requests: number }) => sum + point.requests, 0)).toBe(4);
    expect((await summary(b, `?route=${route}`)).total.requests).toBe(0);
  });

  it('counts cached lists answered before the route runs as requests and cache hits of their route', async () => {
    for (let i = 0; i < 4; i += 1) expectStatus(await http().get('/api/v1/products?limit=7').set(bearer(b.owner.accessToken)), 200);
    const route = encodeURIComponent('GET /api/v1/products');
    const theirs = await eventually(
      () => summary(b, `?route=${route}`),
      (body) => body.total.requests === 4,
    );
    expect(theirs.total).toMatchObject({ requests: 4, errors: 0, cacheHits: 3, cacheMisses: 1 });
  });

  it("gives operators every shop's figures through the ops CLI, connected as the schema owner", async () => {
    await api.app.get(RequestRollups).flush();
    const ops = (command: string) =>
      execFileSync(process.execPath, ['tools/ops/ops.mjs', command], { env: { ...process.env, DATABASE_URL: api.database.url } }).toString();
    const tenants = ops('tenants');
    expect(tenants).toContain(a.slug);
    expect(tenants).toContain(b.slug);
    expect(ops('summary')).toContain('GET /api/v1/products/:id');
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    const response = await http().get('/api/v1/monitoring/summary?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z').set(bearer(a.owner.accessToken));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'from', message: expect.any(String) }]);
  });
});
