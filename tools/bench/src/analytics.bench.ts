import 'reflect-metadata';
import { TenantCache } from '@kassa/api/cache';
import { TenantTransaction } from '@kassa/api/database';
import { SaleFactsService, SaleFactWindow } from '@kassa/api/sales';
import { demoLogin, seedTenant } from '@kassa/seed';
import { freePort } from '@kassa/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { startBenchApi } from './bench-api';
import { ms, percentile, timeEach } from './latency';
import { atLeast, printBenchResult } from './bench-result';

// Each analytics endpoint over HTTP beside the SQL that computes the same figures from the raw sale lines
// (SaleFactsService, the rollups' own source), p95 of each and the ratio: cold (the tenant's analytics cache
// dropped before every call, so the answer is computed from the rollups) and cached (the same question again).
// The raw side is only the query: no HTTP, no analytics-core, no JSON, so the ratio flatters it.
// The last line is JSON for `npm run bench`: the worst endpoint's cold ratio against the 20× target.
const DAYS = Number(process.env['BENCH_DAYS'] ?? 730);
const SALES_PER_DAY = Number(process.env['BENCH_SALES_PER_DAY'] ?? 480);
// 60 calls per endpoint and kind: a p95 of 20 was the second-slowest call, one pause of the process away from another figure.
const RUNS = Number(process.env['BENCH_RUNS'] ?? 60);
// BENCH_KEEP=1 leaves the seeded database in place; BENCH_TEMPLATE=<its name> starts from a copy of it instead of seeding.
const TEMPLATE = process.env['BENCH_TEMPLATE'] || undefined;
const KEEP = process.env['BENCH_KEEP'] === '1';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const port = await freePort();
  const { app, close } = await startBenchApi({ OUTBOX_RELAY: 'false' }, { template: TEMPLATE, keep: KEEP });
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const seeding = performance.now();
    const seeded = await seedTenant(app, { slug: 'analyst', products: 300, stores: 2, customers: 2000, days: DAYS, salesPerDay: SALES_PER_DAY, seed: 29 });
    // Seeding leaves some 400 MB of dead objects in this process (the API runs in it), which V8 may not collect for minutes;
    // until it does, every young-generation collection takes 3–13 ms, in the endpoints' and the raw queries' timings alike.
    global.gc?.();
    if (seeded.created)
      console.log(
        `seeded ${seeded.saleCount.toLocaleString('en-US')} sales, ${seeded.saleLineCount.toLocaleString('en-US')} lines over ${DAYS} days, rollups rebuilt, in ${((performance.now() - seeding) / 1000).toFixed(0)} s`,
      );
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoLogin('analyst')),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const from = addDays(to, -89);

    const facts = app.get(SaleFactsService);
    const inTenant = <T>(work: (manager: EntityManager) => Promise<T>) => app.get(TenantTransaction).run(seeded.tenantId, work);
    const window = (fromDay: string): SaleFactWindow => ({ timeZone: 'Europe/Berlin', fromDay, toDay: to });
    // What each endpoint needs, computed from the sale lines instead of the rollups.
    const raw: Record<string, (manager: EntityManager) => Promise<unknown>> = {
      summary: (manager) => facts.storeHours(manager, window(addDays(from, -90))),
      trend: (manager) => facts.storeHours(manager, window(addDays(from, -90))),
      forecast: (manager) => facts.storeHours(manager, window(addDays(to, -364))),
      seasonality: (manager) => facts.storeHours(manager, window(addDays(to, -(3 * 365 - 1)))),
      anomalies: (manager) => facts.storeHours(manager, window(from)),
      'top-products': (manager) => facts.productDays(manager, window(from)),
      baskets: (manager) => facts.basketPairs(manager, window(from)),
      customers: (manager) => facts.customerDays(manager, window(addDays(to, -(30 * 366 - 1)))),
      velocity: (manager) => facts.productDays(manager, window(from)),
    };
    const dropCache = () => app.get(TenantCache).invalidate({ tenantId: seeded.tenantId, manager: app.get(DataSource).manager }, 'analytics');
    const rows: string[] = [];
    const results: { endpoint: string; cold: number; cached: number; sql: number }[] = [];
    for (const [endpoint, query] of Object.entries(raw)) {
      const call = () =>
        fetch(`${base}/api/v1/analytics/${endpoint}?to=${to}`, { headers: { authorization: `Bearer ${token}` } }).then(async (response) => {
          if (!response.ok) throw new Error(`${endpoint} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
          return response.json();
        });
      await call();
      const runs = Array.from({ length: RUNS });
      const coldTimes: number[] = [];
      while (coldTimes.length < RUNS) {
        await dropCache();
        coldTimes.push(...(await timeEach([endpoint], call)));
      }
      const cold = percentile(coldTimes, 95);
      const cached = percentile(await timeEach(runs, call), 95);
      const sql = percentile(await timeEach(Array.from({ length: Math.max(3, Math.ceil(RUNS / 4)) }), () => inTenant(query)), 95);
      results.push({ endpoint, cold, cached, sql });
      rows.push(`| ${endpoint} | ${ms(cold)} | ${ms(cached)} | ${ms(sql)} | ${(sql / cold).toFixed(1)}× | ${(sql / cached).toFixed(1)}× |`);
    }
    console.log(
      `\n| endpoint | p95 from rollups, cold (HTTP) | p95 cached (HTTP) | p95 same figures from sale lines (SQL only) | ratio cold | ratio cached |\n|---|---|---|---|---|---|\n${rows.join('\n')}`,
    );
    const worst = (ratio: (result: (typeof results)[number]) => number) => results.reduce((low, result) => (ratio(result) < ratio(low) ? result : low));
    const cold = worst((result) => result.sql / result.cold);
    const cached = worst((result) => result.sql / result.cached);
    const round = (value: number) => Math.round(value * 100) / 100;
    const figure = (label: string, endpoint: string, endpointMs: number, sqlMs: number) => {
      const ratio = round(sqlMs / endpointMs);
      return {
        name: `Analytics ${label}: raw SQL ÷ endpoint p95 (worst: ${endpoint})`,
        value: ratio,
        unit: '×',
        baseline: { value: round(sqlMs), label: `same figures from sale lines, ms p95; endpoint ${round(endpointMs)} ms` },
        ...atLeast(ratio, 20),
      };
    };
    printBenchResult('analytics', [figure('cold', cold.endpoint, cold.cold, cold.sql), figure('cached', cached.endpoint, cached.cached, cached.sql)]);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
