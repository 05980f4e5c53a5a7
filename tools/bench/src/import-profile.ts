import 'reflect-metadata';
import { Client } from 'pg';
import { createApiApp } from '@kassa/api/bootstrap';
import { loadAppConfig } from '@kassa/api/config';
import { demoLogin, seedTenant } from '@kassa/seed';
import { importRows } from './import-rows';
import { createTestDatabase, freePort, TEST_REDIS_URL } from '@kassa/testing';

/**
 * Where a product import's commit spends its time, statement by statement (not a benchmark):
 *   nx run bench:build && node dist/tools/bench/tools/bench/src/import-profile.js [rows] [--explain] [--keep]
 * The bench's import (spreadsheets.bench.ts: the same generated rows through the API over HTTP). Times every statement
 * the API sends through `pg` while the commit runs (wall time, parameters' serialising included) and, with --explain,
 * has PostgreSQL write each statement's plan with its triggers' times to the server log (auto_explain on this database
 * only), bind times included. Then waits up to DRAIN_MS (120,000) for the relay to hand over the import's events.
 */
const ROWS = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 50_000);
const EXPLAIN = process.argv.includes('--explain');
/** Keeps the database (its name is printed) for trying statements on it by hand. */
const KEEP = process.argv.includes('--keep');

interface Timed {
  text: string;
  ms: number;
  parameterBytes: number;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  if (EXPLAIN) {
    const admin = new Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    for (const setting of [
      `session_preload_libraries = 'auto_explain'`,
      `auto_explain.log_min_duration = '50ms'`,
      `auto_explain.log_analyze = on`,
      `auto_explain.log_buffers = on`,
      `auto_explain.log_triggers = on`,
      `auto_explain.log_nested_statements = on`,
      `log_min_duration_statement = '100ms'`,
    ]) {
      await admin.query(`ALTER DATABASE ${database.name} SET ${setting}`);
    }
    await admin.end();
  }
  const config = loadAppConfig({ LOG_LEVEL: 'warn', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: `kassa-bench:${database.name}:` });
  const app = await createApiApp(config);
  await app.init();
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });

  const statements: Timed[] = [];
  let recording = false;
  const original = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, args);
    if (recording && typeof args[0] === 'string' && result instanceof Promise) {
      const values = Array.isArray(args[1]) ? args[1] : [];
      const entry: Timed = { text: args[0], ms: 0, parameterBytes: values.reduce((sum: number, value) => sum + JSON.stringify(value ?? null).length, 0) };
      statements.push(entry);
      result.then(
        () => (entry.ms = performance.now() - started),
        () => (entry.ms = performance.now() - started),
      );
    }
    return result;
  } as typeof Client.prototype.query;

  try {
    const base = `http://127.0.0.1:${port}`;
    await seedTenant(app, { slug: 'importer', products: 0, stores: 1, seed: 1 });
    const rows = importRows(ROWS);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoLogin('importer')),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const post = async (dryRun: boolean) => {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/products/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ rows }),
      });
      if (!response.ok) throw new Error(`import answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
      await response.json();
      return performance.now() - started;
    };
    const dryMs = await post(true);
    recording = true;
    const commitMs = await post(false);
    recording = false;
    console.log(`rows ${ROWS}: dry run ${dryMs.toFixed(0)} ms; commit ${commitMs.toFixed(0)} ms = ${Math.round((ROWS / commitMs) * 1000)} rows/s`);
    const total = statements.reduce((sum, statement) => sum + statement.ms, 0);
    console.log(`${statements.length} statements, ${total.toFixed(0)} ms in them:`);
    for (const statement of statements.filter((statement) => statement.ms >= 5)) {
      console.log(
        `${statement.ms.toFixed(0).padStart(7)} ms ${(statement.parameterBytes / 1e6).toFixed(1).padStart(5)} MB  ${statement.text.replace(/\s+/g, ' ').slice(0, 150)}`,
      );
    }
    // How long the relay and consumers go on after the response (the bench's timing stops at the response).
    const started = performance.now();
    const pending = new Client({ connectionString: database.url });
    await pending.connect();
    for (;;) {
      const { rows: counts } = await pending.query(
        `SELECT count(*) FILTER (WHERE sequence IS NULL) AS unstamped, count(*) FILTER (WHERE dispatched_at IS NULL) AS undispatched FROM outbox_event`,
      );
      const { unstamped, undispatched } = counts[0] as { unstamped: string; undispatched: string };
      if (Number(undispatched) === 0 || performance.now() - started > Number(process.env['DRAIN_MS'] ?? 120_000)) {
        console.log(
          `outbox drained ${(performance.now() - started).toFixed(0)} ms after the response (left: ${unstamped} unstamped, ${undispatched} undispatched)`,
        );
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await pending.end();
  } finally {
    Client.prototype.query = original as typeof Client.prototype.query;
    await app.close();
    if (KEEP) console.log(`kept database ${database.name}`);
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
