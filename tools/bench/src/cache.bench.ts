import 'reflect-metadata';
import Fastify from 'fastify';
import { createApiApp } from '@kassa/api/bootstrap';
import { loadAppConfig } from '@kassa/api/config';
import { demoLogin, seedTenant } from '@kassa/seed';
import { freePort, TEST_REDIS_URL } from '@kassa/testing';
import { startBenchApi } from './bench-api';
import { keepAliveLoad } from './keep-alive-load';
import { atLeast, printBenchResult } from './bench-result';

// Product list (first page) and category tree: requests/s through the API with the tenant cache on
// and off, and a bare Fastify answering the very same JSON as the framework's ceiling, in one run.
// Cache on: hits answered before the tenant transaction, the signed-in user trusted for AUTH_ACTOR_CACHE_MS (default).
// Cache off: every read and every user loaded from the database. The last line is JSON for `npm run bench`.
const PRODUCTS = Number(process.argv[2] ?? 2_000);
const SECONDS = Number(process.argv[3] ?? 5);
const CONNECTIONS = 16;
// Both APIs must accept the same access token.
const JWT_SECRET = 'kassa-bench-cache-jwt-secret-0123456789';
const PATHS = { 'product list': '/api/v1/products?limit=50', 'category tree': '/api/v1/categories' } as const;

async function main(): Promise<void> {
  const cached = await startBenchApi({ JWT_SECRET });
  // A second API on the same database with the cache off (own Redis prefix, so nothing is shared).
  const uncached = await createApiApp(
    loadAppConfig({
      LOG_LEVEL: 'warn',
      DATABASE_URL: cached.database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `kassa-bench-off:${cached.database.name}:`,
      CACHE: 'off',
      AUTH_ACTOR_CACHE_MS: '0',
      OUTBOX_RELAY: 'false',
      JWT_SECRET,
    }),
  );
  await uncached.init();
  const bare = Fastify();
  try {
    await seedTenant(cached.app, { slug: 'bench-cache', products: PRODUCTS, stores: 1, seed: 42, days: 0 });
    const ports = { on: await freePort(), off: await freePort(), bare: await freePort() };
    await cached.app.listen({ port: ports.on, host: '127.0.0.1' });
    await uncached.listen({ port: ports.off, host: '127.0.0.1' });
    const origin = (port: number) => `http://127.0.0.1:${port}`;
    const login = await fetch(`${origin(ports.on)}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoLogin('bench-cache')),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };

    // The bare baseline serves the bodies the API answered, byte for byte.
    const bodies = new Map<string, string>();
    for (const path of Object.values(PATHS)) bodies.set(path, await (await fetch(`${origin(ports.on)}${path}`, { headers })).text());
    bare.get('/api/v1/products', async (_request, reply) => reply.type('application/json').send(bodies.get(PATHS['product list'])));
    bare.get('/api/v1/categories', async (_request, reply) => reply.type('application/json').send(bodies.get(PATHS['category tree'])));
    await bare.listen({ port: ports.bare, host: '127.0.0.1' });

    const rows: string[][] = [];
    const ratios: { name: string; on: number; bare: number }[] = [];
    for (const [name, path] of Object.entries(PATHS)) {
      const run = async (port: number) => {
        await keepAliveLoad(origin(port), path, headers, CONNECTIONS, 1_000); // warm-up
        return keepAliveLoad(origin(port), path, headers, CONNECTIONS, SECONDS * 1_000);
      };
      const off = await run(ports.off);
      const on = await run(ports.on);
      const baseline = await run(ports.bare);
      for (const result of [off, on, baseline])
        if (result.errors > 0) throw new Error(`${name}: ${result.errors} failed requests, first: ${result.firstError}`);
      ratios.push({ name, on: on.perSecond, bare: baseline.perSecond });
      const pct = (value: number) => `${Math.round((value / baseline.perSecond) * 100)}%`;
      rows.push([
        name,
        off.perSecond.toFixed(0),
        on.perSecond.toFixed(0),
        baseline.perSecond.toFixed(0),
        `${(on.perSecond / off.perSecond).toFixed(2)}×`,
        pct(on.perSecond),
      ]);
    }
    console.log(`| Read | cache off req/s | cache on req/s | bare Fastify req/s | on ÷ off | on ÷ bare |`);
    console.log(`| --- | --- | --- | --- | --- | --- |`);
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log(
      `\n${PRODUCTS} products, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per run, undici load generator in a worker thread, Node ${process.version}.`,
    );
    const worst = ratios.reduce((low, ratio) => (ratio.on / ratio.bare < low.on / low.bare ? ratio : low));
    const ratio = Math.round((worst.on / worst.bare) * 1000) / 1000;
    printBenchResult('cache', [
      {
        name: `Cached read ÷ bare Fastify (worst: ${worst.name})`,
        value: ratio,
        unit: '×',
        baseline: { value: Math.round(worst.bare), label: `bare Fastify req/s; cached ${Math.round(worst.on)} req/s` },
        ...atLeast(ratio, 0.6),
      },
    ]);
  } finally {
    await bare.close();
    await uncached.close();
    await cached.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
