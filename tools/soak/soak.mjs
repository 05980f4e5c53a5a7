#!/usr/bin/env node
// `npm run soak -- --minutes 10 [--connections 64]`: the built API under a mixed autocannon load — catalog
// reads and searches, checkouts, refunds of what was just sold, sales reads and product exports — on a
// fresh database of its own and real Redis under its own prefix (TEST_DATABASE_URL, TEST_REDIS_URL).
// Reports throughput, p50/p99, 5xx count and the API's memory growth after warm-up, then checks that
// nothing was lost: every acknowledged sale and refund stored, stock equal to its ledger, and every
// committed event published with one sequence and dispatched. Exits 1 when a check fails.
// Not part of `npm test`. Build first (`npx nx run api:build`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '../..');
const builtApi = path.join(root, 'dist/apps/api/apps/api/src/main.js');
const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, connections: { type: 'string', default: '64' } } });
const minutes = Number(values.minutes);
const connections = Number(values.connections);
if (!(minutes > 0) || !(connections > 0)) {
  console.error('usage: npm run soak -- [--minutes 10] [--connections 64]');
  process.exit(2);
}
if (!existsSync(builtApi)) {
  console.error(`${builtApi} is missing: build first (npx nx run api:build)`);
  process.exit(2);
}
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const durationS = Math.round(minutes * 60);
// Memory is compared from the end of warm-up (a fifth of the run, at most two minutes) to the end.
const warmUpS = Math.min(120, Math.round(durationS / 5));

const databaseName = `kassa_soak_${Date.now()}`;
const databaseUrl = Object.assign(new URL(postgresUrl), { pathname: `/${databaseName}` }).toString();
const admin = async (sql) => {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};
const asOwner = async (sql, parameters = []) => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows;
  } finally {
    await client.end();
  }
};

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const rssMiB = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

await admin(`CREATE DATABASE ${databaseName}`);
const dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-soak-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const api = spawn(process.execPath, [builtApi], {
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: `kassa-soak:${databaseName}:`,
    KASSA_DATA_DIR: dataDir,
    LOG_LEVEL: 'fatal',
    NODE_ENV: 'production',
    JWT_SECRET: `kassa-soak-secret-${databaseName}-padding`,
    LOGIN_MAX_FAILURES_PER_IP: '100000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const exited = new Promise((resolve) => api.once('exit', resolve));

let failed = false;
try {
  const deadline = Date.now() + 90_000;
  while (
    !(await fetch(`${origin}/health/ready`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (api.exitCode !== null || Date.now() > deadline) throw new Error('the API did not become ready within 90 s');
    await sleep(250);
  }
  const call = async (method, route, token, body) => {
    const response = await fetch(`${origin}${route}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };
  const slug = `soak-${Date.now()}`;
  const signedUp = await call('POST', '/api/v1/signup', undefined, {
    tenantName: 'Soak Shop',
    slug,
    ownerName: 'Soak Owner',
    email: `owner@${slug}.test`,
    password: 'correct horse battery staple',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    pricesIncludeTax: true,
  });
  const token = signedUp.accessToken;
  const store = await call('POST', '/api/v1/stores', token, { name: 'Main', code: 'MAIN' });
  const products = [];
  for (let i = 0; i < 200; i++) {
    const product = await call('POST', '/api/v1/products', token, { sku: `SOAK-${i}`, name: `${i % 2 ? 'Green' : 'Black'} tea ${i}`, priceMinor: 100 + i });
    await call('POST', '/api/v1/inventory/adjustments', token, { storeId: store.id, productId: product.id, delta: 10_000_000, reason: 'receipt' });
    products.push(product);
  }

  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const tally = { sales: 0, refunds: 0 };
  const saleRequest = {
    method: 'POST',
    path: '/api/v1/sales',
    headers,
    setupRequest: (request) => {
      const product = products[Math.floor(Math.random() * products.length)];
      return {
        ...request,
        body: JSON.stringify({
          storeId: store.id,
          lines: [{ productId: product.id, quantity: 1 }],
          tenders: [{ type: 'card', amountMinor: product.priceMinor }],
        }),
      };
    },
    onResponse: (status, body, context) => {
      if (status !== 201) return;
      tally.sales++;
      const sale = JSON.parse(body);
      Object.assign(context, { saleId: sale.id, lineId: sale.lines[0].id, totalMinor: sale.totalMinor });
    },
  };
  const requests = [
    { method: 'GET', path: '/api/v1/products?limit=50', headers },
    { method: 'GET', path: '/api/v1/products?q=green%20tea&limit=20', headers },
    saleRequest,
    { method: 'GET', path: '/api/v1/sales?limit=20', headers },
    saleRequest,
    {
      method: 'POST',
      path: '/api/v1/sales',
      headers,
      // Refunds the sale just made, in full, to the card it was paid with.
      setupRequest: (request, context) => ({
        ...request,
        path: `/api/v1/sales/${context.saleId}/refunds`,
        body: JSON.stringify({
          lines: [{ saleLineId: context.lineId, quantity: 1, restock: true }],
          tenders: [{ type: 'card', amountMinor: context.totalMinor }],
          reason: 'Soak',
        }),
      }),
      onResponse: (status) => {
        if (status === 201) tally.refunds++;
      },
    },
    { method: 'GET', path: '/api/v1/products?q=SOAK-1', headers },
    { method: 'GET', path: '/api/v1/products/export?format=csv', headers },
  ];

  console.log(`Soaking for ${minutes} min with ${connections} connections (warm-up ${warmUpS} s)…`);
  const memory = [];
  const sampler = setInterval(() => memory.push({ at: Date.now(), rss: rssMiB(api.pid) }), 5_000);
  const started = Date.now();
  const result = await autocannon({ url: origin, connections, duration: durationS, requests });
  clearInterval(sampler);
  const afterWarmUp = memory.filter((sample) => sample.at - started >= warmUpS * 1000);
  const baseline = afterWarmUp[0]?.rss ?? memory[0].rss;
  const final = memory.at(-1).rss;
  const growth = (final - baseline) / baseline;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, Number(count)]));
  const serverErrors = Object.entries(statuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, count]) => sum + count, 0);

  // Nothing lost: let the relay and consumers catch up, then reconcile.
  let waiting;
  for (let i = 0; i < 120; i++) {
    [waiting] = await asOwner(`SELECT count(*) FILTER (WHERE sequence IS NULL OR dispatched_at IS NULL) AS waiting FROM outbox_event`);
    if (Number(waiting.waiting) === 0) break;
    await sleep(1_000);
  }
  const [books] = await asOwner(`
    SELECT (SELECT count(*) FROM sale) AS sales,
           (SELECT count(*) FROM sale_refund) AS refunds,
           (SELECT count(*) FROM outbox_event WHERE type = 'sale.created') AS sale_events,
           (SELECT count(*) FROM outbox_event WHERE type = 'sale.refunded') AS refund_events,
           (SELECT count(*) FROM outbox_event) AS events,
           (SELECT count(DISTINCT (tenant_id, sequence)) FROM outbox_event) AS sequences,
           (SELECT count(*) FROM outbox_event WHERE sequence IS NULL OR dispatched_at IS NULL) AS undelivered,
           (SELECT count(*) FROM stock_level l WHERE l.on_hand <> (SELECT coalesce(sum(delta), 0) FROM stock_ledger g
              WHERE g.tenant_id = l.tenant_id AND g.store_id = l.store_id AND g.product_id = l.product_id)) AS stock_mismatches,
           (SELECT coalesce(sum(quantity), 0) FROM sale_line) AS sold,
           (SELECT coalesce(-sum(delta), 0) FROM stock_ledger WHERE reason = 'sale') AS ledger_sold,
           (SELECT coalesce(sum(total_minor), 0) FROM sale) AS sales_total,
           (SELECT coalesce(sum(amount_minor), 0) FROM sale_tender) AS tendered`);
  const figures = Object.fromEntries(Object.entries(books).map(([name, value]) => [name, Number(value)]));
  const checks = [
    ['zero 5xx', serverErrors === 0],
    // Requests still in flight when the load stops may commit unanswered: at most one per connection.
    ['every acknowledged sale stored', figures.sales >= tally.sales && figures.sales - tally.sales <= connections],
    ['every acknowledged refund stored', figures.refunds >= tally.refunds && figures.refunds - tally.refunds <= connections],
    ['one sale.created event per sale', figures.sale_events === figures.sales],
    ['one sale.refunded event per refund', figures.refund_events === figures.refunds],
    ['every event published with its own sequence and dispatched', figures.undelivered === 0 && figures.sequences === figures.events],
    ['stock equals its ledger everywhere', figures.stock_mismatches === 0],
    ['the ledger moved what was sold', figures.ledger_sold === figures.sold],
    ['sale totals equal what was tendered', figures.sales_total === figures.tendered],
    ['memory growth after warm-up < 10%', growth < 0.1],
  ];
  console.log(`
| Figure | Value |
| --- | --- |
| Duration, connections | ${minutes} min, ${connections} |
| Requests | ${result.requests.total} (${result.requests.average.toFixed(0)} req/s) |
| Latency p50 / p99 | ${result.latency.p50} ms / ${result.latency.p99} ms |
| Statuses | ${Object.entries(statuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ')} |
| 5xx, errors, timeouts | ${serverErrors}, ${result.errors}, ${result.timeouts} |
| Sales, refunds acknowledged | ${tally.sales}, ${tally.refunds} |
| Stored sales, refunds, events | ${figures.sales}, ${figures.refunds}, ${figures.events} |
| API RSS after warm-up → end | ${baseline.toFixed(0)} MiB → ${final.toFixed(0)} MiB (${(growth * 100).toFixed(1)}%) |
`);
  for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  failed = checks.some(([, ok]) => !ok);
  if (failed) console.log(JSON.stringify({ tally, figures }));
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  if (api.exitCode === null) api.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
}
process.exit(failed ? 1 : 0);
