import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { priceSale } from '@kassa/contracts';
import { APP_CONNECTION_OPTIONS, APP_ROLE } from '@kassa/api/database';
import { demoLogin, seedTenant } from '@kassa/seed';
import { freePort, ServerProcess, startBuiltApi, TEST_REDIS_URL } from '@kassa/testing';
import { Client } from 'pg';
import { awaitApiProcesses, sampleApiMemory } from './api-processes';
import { startBenchApi } from './bench-api';
import type { CheckoutClientsInput, CheckoutClientsMessage, SellableProduct } from './checkout-clients';
import { atLeast, atMost, printBenchResult } from './bench-result';
import { ms, percentile } from './latency';
import { renderMinimalCheckout } from './minimal-checkout';
import { PerTransaction, renderPgbenchScript } from './pgbench-script';
import { runPgbench } from './pgbench-run';
import { watchStatements } from './statement-watch';

// Checkout throughput: POST /api/v1/sales (3 lines, 1 card tender) from 32 clients over real HTTP,
// each on a POS register of its own, against the built API with API_WORKERS=1 and then 2 (BENCH_API_WORKERS),
// beside pgbench with 32 clients on the same database running (a) the very statements one API sale sent
// (recorded from the API in this process) and (b) the minimal correct checkout (tools/bench/src/minimal-checkout.ts),
// measured one after the other in one run. It prints what it measured and reports the figures to `npm run bench`;
// it asserts nothing.
const SECONDS = Number(process.argv[2] ?? 15);
const WARM_UP_SECONDS = 3;
const CLIENTS = 32;
const PGBENCH_THREADS = 2;
const PRODUCTS = 1000;
const LINES = 3;
const STOCK = 1_000_000;
/** The recorded sale's receipt number: distinctive, so the recording shows where receipt numbers go. */
const RECORDED_RECEIPT = 424_242;
const WORKER_COUNTS = (process.env['BENCH_API_WORKERS'] ?? '1,2').split(',').map(Number);
const JWT_SECRET = 'kassa-bench-jwt-secret-shared-by-every-api-process';
const METRICS_TOKEN = 'kassa-bench-metrics-token';
const MB = 1024 * 1024;

interface Snapshot {
  cpuBusyMs: number;
  cpuTotalMs: number;
}

function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const percent = (value: number) => `${Math.round(value * 100)}%`;

type ApiResult = Extract<CheckoutClientsMessage, { kind: 'done' }>;
type ApiRun = { workers: number; before: Snapshot; after: Snapshot; result: ApiResult; rss: number[]; load: string };

/** Runs the clients in a worker thread and notes the machine's CPU when their measured window opens and closes. */
function measureApi(input: CheckoutClientsInput): Promise<{ before: Snapshot; after: Snapshot; result: ApiResult }> {
  const snapshot = (): Snapshot => {
    const cpu = cpuTimes();
    return { cpuBusyMs: cpu.busy, cpuTotalMs: cpu.total };
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'checkout-clients.js'), { workerData: input });
    let before: Snapshot | undefined;
    worker.on('message', (message: CheckoutClientsMessage) => {
      if (message.kind === 'measuring') before = snapshot();
      else if (before) resolve({ before, after: snapshot(), result: message });
    });
    worker.on('error', reject);
    // After a result this changes nothing; without one it is the only news.
    worker.on('exit', (code) => reject(new Error(`the load worker stopped (exit code ${code}) without a result`)));
  });
}

async function main(): Promise<void> {
  if (!Number.isInteger(SECONDS) || SECONDS < 1) throw new Error(`usage: npm run bench:checkout [seconds], got ${process.argv[2]}`);
  const statements = watchStatements();
  const { app, database } = await startBenchApi({
    // One connection per client, as pgbench has, and two for the outbox notifier.
    DATABASE_POOL_SIZE: String(CLIENTS + 2),
    // Both sides do the checkout's writes only; publishing events is what bench:outbox measures.
    OUTBOX_RELAY: 'false',
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    JWT_SECRET,
  });
  let appOpen = true;
  const owner = new Client({ connectionString: database.url });
  try {
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${port}`;
    await owner.connect();

    const { tenantId } = await seedTenant(app, { slug: 'bench', products: PRODUCTS, stores: 1, seed: 42 });
    const { accessToken } = (await (
      await fetch(`${origin}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(demoLogin('bench')) })
    ).json()) as { accessToken: string };
    const callOn = async <T>(base: string, method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    };
    const call = <T>(method: string, path: string, body?: unknown) => callOn<T>(origin, method, path, body);
    const me = await call<{ user: { id: string }; tenant: { pricesIncludeTax: boolean }; stores: { id: string }[] }>('GET', '/me');
    const storeId = me.stores[0].id;

    // Products in id order, split into one group per line: a sale takes one of each, so its lines
    // are in the order the API locks stock rows in, and pgbench can pick the same way by number.
    await owner.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
    const catalog = (
      await owner.query<{ id: string; priceMinor: string; taxRateBps: number }>(
        `SELECT id, price_minor AS "priceMinor", tax_rate_bps AS "taxRateBps" FROM product
          WHERE active AND track_stock AND deleted_at IS NULL ORDER BY id LIMIT $1`,
        [PRODUCTS],
      )
    ).rows;
    const products: SellableProduct[] = catalog.map((product) => ({
      id: product.id,
      totalMinor: priceSale({
        lines: [{ unitPriceMinor: Number(product.priceMinor), quantity: 1, taxRateBps: product.taxRateBps }],
        pricesIncludeTax: me.tenant.pricesIncludeTax,
      }).totalMinor,
    }));
    const bounds = Array.from({ length: LINES + 1 }, (_, line) => Math.floor((products.length * line) / LINES));
    const lines = bounds.slice(0, LINES).map((from, line) => products.slice(from, bounds[line + 1]));

    await call('POST', '/inventory/adjustments/batch', {
      adjustments: products.map((product) => ({ storeId, productId: product.id, delta: STOCK, reason: 'receipt' })),
    });
    const newRegister = async (name: string, base = origin) => (await callOn<{ id: string }>(base, 'POST', `/stores/${storeId}/registers`, { name })).id;
    const pgbenchRegisters: string[] = [];
    const minimalRegisters: string[] = [];
    for (let client = 0; client < CLIENTS; client++) {
      pgbenchRegisters.push(await newRegister(`pgbench client ${client}`));
      minimalRegisters.push(await newRegister(`minimal client ${client}`));
    }
    const recordingRegister = await newRegister('Recording');

    // pgbench's lookups: products by number (1-based, id order) with their stock rows, registers by client.
    await owner.query(`CREATE SCHEMA bench`);
    await owner.query(`CREATE TABLE bench.pick (n integer PRIMARY KEY, product_id uuid NOT NULL, stock_level_id uuid NOT NULL)`);
    await owner.query(
      `INSERT INTO bench.pick
       SELECT row_number() OVER (ORDER BY p.id), p.id, s.id
         FROM product p JOIN stock_level s ON s.tenant_id = p.tenant_id AND s.product_id = p.id AND s.store_id = $1
        WHERE p.id = ANY($2::uuid[])`,
      [storeId, products.map((product) => product.id)],
    );
    await owner.query(`CREATE TABLE bench.client_register (client_id integer PRIMARY KEY, register_id uuid NOT NULL)`);
    await owner.query(`INSERT INTO bench.client_register SELECT n - 1, id FROM unnest($1::uuid[]) WITH ORDINALITY AS r (id, n)`, [pgbenchRegisters]);
    await owner.query(`CREATE TABLE bench.minimal_register (client_id integer PRIMARY KEY, register_id uuid NOT NULL)`);
    await owner.query(`INSERT INTO bench.minimal_register SELECT n - 1, id FROM unnest($1::uuid[]) WITH ORDINALITY AS r (id, n)`, [minimalRegisters]);
    await owner.query(`CREATE SEQUENCE bench.receipt_number`);
    // A time-ordered id like the API's uuidv7(), so new rows land in the indexes the same way.
    await owner.query(`
      CREATE FUNCTION bench.uuidv7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                 PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
      $$`);
    await owner.query(`GRANT USAGE ON SCHEMA bench TO ${APP_ROLE}`);
    await owner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA bench TO ${APP_ROLE}`);
    await owner.query(`GRANT USAGE ON SEQUENCE bench.receipt_number TO ${APP_ROLE}`);
    await owner.query(`ANALYZE`);

    // One sale through the API, recorded statement by statement: what pgbench will replay. The signed-in user is loaded
    // just before, as it is under load (trusted for AUTH_ACTOR_CACHE_MS per process): the access check then sends none.
    await call('GET', '/me');
    const recordedLines = lines.map((group) => group[0]);
    const recorded = await statements.record(() =>
      call('POST', '/sales', {
        storeId,
        registerId: recordingRegister,
        receiptNumber: RECORDED_RECEIPT,
        lines: recordedLines.map((product) => ({ productId: product.id, quantity: 1 })),
        tenders: [{ type: 'card', amountMinor: recordedLines.reduce((total, product) => total + product.totalMinor, 0) }],
      }),
    );
    const stockRows = (
      await owner.query<{ productId: string; stockLevelId: string }>(
        `SELECT product_id AS "productId", stock_level_id AS "stockLevelId" FROM bench.pick WHERE product_id = ANY($1::uuid[])`,
        [recordedLines.map((product) => product.id)],
      )
    ).rows;
    const varying = new Map<string, PerTransaction>([
      [recordingRegister, { name: 'register', sql: 'r.register_id' }],
      [String(RECORDED_RECEIPT), { name: 'receipt', sql: `nextval('bench.receipt_number')` }],
    ]);
    recordedLines.forEach((product, line) => {
      varying.set(product.id, { name: `p${line + 1}`, sql: `l${line + 1}.product_id` });
      const stockLevelId = stockRows.find((row) => row.productId === product.id)?.stockLevelId;
      if (stockLevelId) varying.set(stockLevelId, { name: `s${line + 1}`, sql: `l${line + 1}.stock_level_id` });
    });
    const script = renderPgbenchScript(recorded, {
      meta: lines.map((_, line) => `\\set n${line + 1} random(${bounds[line] + 1}, ${bounds[line + 1]})`),
      varying,
      from:
        `bench.client_register r, ${lines.map((_, line) => `bench.pick l${line + 1}`).join(', ')} ` +
        `WHERE r.client_id = :client_id AND ${lines.map((_, line) => `l${line + 1}.n = :n${line + 1}`).join(' AND ')}`,
      fixed: new Set([tenantId, storeId, me.user.id]),
      newId: 'bench.uuidv7()',
    });
    const scriptPath = join(process.cwd(), 'tmp', 'bench', 'checkout.pgbench.sql');
    await mkdir(join(process.cwd(), 'tmp', 'bench'), { recursive: true });
    await writeFile(scriptPath, script.text);
    const minimal = renderMinimalCheckout({ tenantId, storeId, userId: me.user.id, bounds, registers: 'bench.minimal_register' });
    const minimalPath = join(process.cwd(), 'tmp', 'bench', 'checkout-minimal.pgbench.sql');
    await writeFile(minimalPath, minimal.text);
    const transactions = recorded.filter((statement) => /^\s*(START TRANSACTION|BEGIN)\b/i.test(statement.text)).length;

    console.log(
      `checkout: ${LINES}-line sale, 1 card tender, ${CLIENTS} clients each on its own register, ${products.length} products, ` +
        `${WARM_UP_SECONDS} s warm-up then ${SECONDS} s per side, ${cpus().length} CPUs, load average ${load()}`,
    );
    console.log(`one API sale sent ${recorded.length} statements in ${transactions} transactions; pgbench replays them after 1 set-up query (${scriptPath})`);
    console.log(`the minimal checkout is ${minimal.statements} statements in 1 transaction (${minimalPath})`);

    await app.close();
    appOpen = false;

    // The API side, per process count: the built API on the same database, 32 clients in a worker thread, warm-up,
    // then the measured window, with each process's memory sampled from its /metrics.
    const apiRuns: ApiRun[] = [];
    const apiRegisters: string[] = [];
    for (const workers of WORKER_COUNTS) {
      const built: ServerProcess = await startBuiltApi(await freePort(), {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: `kassa-bench:${database.name}:`,
        JWT_SECRET,
        METRICS_TOKEN,
        API_WORKERS: String(workers),
        // One connection per client across the processes, as pgbench has.
        DATABASE_POOL_SIZE: String(Math.ceil(CLIENTS / workers) + 2),
        OUTBOX_RELAY: 'false',
        ACCESS_TOKEN_TTL_SECONDS: '86400',
      });
      try {
        await awaitApiProcesses(built.baseUrl, METRICS_TOKEN, workers);
        const registers: string[] = [];
        for (let client = 0; client < CLIENTS; client++) registers.push(await newRegister(`API ${workers}w client ${client}`, built.baseUrl));
        apiRegisters.push(...registers);
        const memory = sampleApiMemory(built.baseUrl, METRICS_TOKEN);
        const run = await measureApi({
          origin: built.baseUrl,
          accessToken,
          storeId,
          registerIds: registers,
          lines,
          warmUpMs: WARM_UP_SECONDS * 1000,
          measureMs: SECONDS * 1000,
        });
        apiRuns.push({ workers, ...run, rss: [...(await memory.stop()).values()], load: load() });
      } finally {
        await built.stop();
      }
    }

    // The pgbench side, on the same database with the same concurrency, after its own warm-up.
    const pgbenchOptions = {
      databaseUrl: database.url,
      connectionOptions: APP_CONNECTION_OPTIONS,
      clients: CLIENTS,
      threads: PGBENCH_THREADS,
      scriptPath,
      defines: script.defines,
    };
    await runPgbench({ ...pgbenchOptions, seconds: WARM_UP_SECONDS });
    const cpuBefore = cpuTimes();
    const pgbench = await runPgbench({ ...pgbenchOptions, seconds: SECONDS });
    const cpuAfter = cpuTimes();
    const loadAfterPgbench = load();
    // The limit: the minimal checkout, same clients, own warm-up.
    const minimalOptions = { ...pgbenchOptions, scriptPath: minimalPath, defines: minimal.defines };
    await runPgbench({ ...minimalOptions, seconds: WARM_UP_SECONDS });
    const minimalRun = await runPgbench({ ...minimalOptions, seconds: SECONDS });
    const loadAfterMinimal = load();

    const [written] = (
      await owner.query<{ api: string; pgbench: string; minimal: string }>(
        `SELECT count(*) FILTER (WHERE register_id = ANY($1::uuid[])) AS api, count(*) FILTER (WHERE register_id = ANY($2::uuid[])) AS pgbench,
                count(*) FILTER (WHERE register_id = ANY($3::uuid[])) AS minimal FROM sale`,
        [apiRegisters, pgbenchRegisters, minimalRegisters],
      )
    ).rows;

    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const measured = apiRuns.map(({ workers, before, after, result, rss, load: loadAfter }) => {
      const rate = (result.sales / result.elapsedMs) * 1000;
      const latency = result.latencies;
      console.log(
        `API, ${workers} process${workers > 1 ? 'es' : ''}: ${rate.toFixed(1).padStart(7)} sales/s   p50 ${ms(percentile(latency, 50)).padStart(10)}   ` +
          `p99 ${ms(percentile(latency, 99)).padStart(10)}   mean ${ms(mean(latency))}   errors ${result.errors} (warm-up included)` +
          `${result.firstError ? ` (first: ${result.firstError.slice(0, 300)})` : ''}`,
      );
      console.log(
        `  RSS per process (most sampled): ${rss.map((bytes) => `${(bytes / MB).toFixed(0)} MB`).join(', ') || 'not sampled'}; ` +
          `machine CPU busy ${percent((after.cpuBusyMs - before.cpuBusyMs) / (after.cpuTotalMs - before.cpuTotalMs))}; load average after ${loadAfter}`,
      );
      return { workers, rate, p50: percentile(latency, 50), p99: percentile(latency, 99), rss, errors: result.errors, load: loadAfter };
    });
    console.log(
      `pgbench -c ${CLIENTS} -j ${PGBENCH_THREADS}: ${pgbench.tps.toFixed(1).padStart(7)} tps      p50 ${ms(percentile(pgbench.latencies, 50)).padStart(10)}   ` +
        `p99 ${ms(percentile(pgbench.latencies, 99)).padStart(10)}   mean ${ms(pgbench.latencyAverageMs)}   ${script.statements} statements per transaction`,
    );
    console.log(`  machine CPU busy ${percent((cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total))}`);
    console.log(
      `minimal checkout:   ${minimalRun.tps.toFixed(1).padStart(7)} tps      p50 ${ms(percentile(minimalRun.latencies, 50)).padStart(10)}   ` +
        `p99 ${ms(percentile(minimalRun.latencies, 99)).padStart(10)}   mean ${ms(minimalRun.latencyAverageMs)}   ${minimal.statements} statements per transaction`,
    );
    for (const run of measured) {
      console.log(
        `ratio API (${run.workers} process${run.workers > 1 ? 'es' : ''}) / replay: ${(run.rate / pgbench.tps).toFixed(2)}; / minimal: ${(run.rate / minimalRun.tps).toFixed(2)}`,
      );
    }
    console.log(`sales written (warm-ups included): API ${written.api}, replay ${written.pgbench}, minimal ${written.minimal}`);
    console.log(`load average after the replay: ${loadAfterPgbench}; after the minimal checkout: ${loadAfterMinimal}`);

    printBenchResult(
      'checkout',
      [
        ...measured.flatMap((run) => {
          const processes = `API_WORKERS=${run.workers}`;
          const spread = run.p99 / Math.max(run.p50, 1e-9);
          const rss = Math.max(0, ...run.rss) / MB;
          return [
            {
              name: `API sales/s (${processes}) vs the minimal checkout`,
              value: run.rate,
              unit: 'sales/s',
              baseline: { value: minimalRun.tps, label: `minimal checkout, pgbench -c ${CLIENTS}` },
              ...atLeast(run.rate, Math.round(minimalRun.tps * 0.25)),
              note: '25% of the minimal checkout',
            },
            {
              name: `API sales/s (${processes}) vs the replay`,
              value: run.rate,
              unit: 'sales/s',
              baseline: { value: pgbench.tps, label: 'replay of its statements' },
            },
            { name: `API p99 ÷ p50 (${processes})`, value: spread, unit: '×', ...atMost(spread, 4) },
            { name: `API RSS per process, most (${processes})`, value: rss, unit: 'MB', ...atMost(rss, 300) },
          ];
        }),
        { name: 'statements per sale', value: recorded.length, unit: 'statements', ...atMost(recorded.length, 14) },
      ],
      { runs: measured, minimalTps: minimalRun.tps, replayTps: pgbench.tps, load: { replay: loadAfterPgbench, minimal: loadAfterMinimal } },
    );
  } finally {
    statements.stop();
    await owner.end().catch(() => undefined);
    if (appOpen) await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
