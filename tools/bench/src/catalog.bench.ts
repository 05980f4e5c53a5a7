import 'reflect-metadata';
import { APP_ROLE } from '@kassa/api/database';
import { productByBarcodeQuery, productSearchQuery, ProductQuery } from '@kassa/api/catalog';
import { demoLogin, generateProducts, seedTenant } from '@kassa/seed';
import { freePort } from '@kassa/testing';
import { Client } from 'pg';
import { startBenchApi } from './bench-api';
import { ms, percentile, timeEach } from './latency';

// Catalog search and barcode lookup on a seeded shop (100,000 products by default), through the
// API over HTTP beside the very same SQL run directly with `pg`, side by side in one run.
const PRODUCTS = Number(process.argv[2] ?? 100_000);
const SAMPLES = 200;
const SEED = 42;
const TERMS = ['banan', 'organic milk', 'choco', 'sourdough', 'laundry', 'FRU-0001', 'peanut butter 500 g', 'sparkl', 'gouda', 'green tea'];

async function main(): Promise<void> {
  const port = await freePort();
  const { app, database, close } = await startBenchApi();
  await app.listen({ port, host: '127.0.0.1' });
  const direct = new Client({ connectionString: database.url, options: `-c role=${APP_ROLE}` });
  try {
    const seeded = await seedTenant(app, { slug: 'bench', products: PRODUCTS, stores: 3, seed: SEED });
    await direct.connect();
    const login = demoLogin('bench');
    const base = `http://127.0.0.1:${port}`;
    const { accessToken } = (await (
      await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(login),
      })
    ).json()) as { accessToken: string };

    const viaApi = async (path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
    };
    const viaSql = async (query: ProductQuery) => {
      await direct.query('BEGIN');
      await direct.query(`SELECT set_config('app.tenant_id', $1, true)`, [seeded.tenantId]);
      await direct.query(query.sql, query.parameters);
      await direct.query('COMMIT');
    };

    const terms = Array.from({ length: SAMPLES }, (_, i) => TERMS[i % TERMS.length]);
    const barcodes = generateProducts(PRODUCTS, SEED)
      .filter((_, i) => i % Math.max(1, Math.floor(PRODUCTS / SAMPLES)) === 0)
      .slice(0, SAMPLES)
      .map((product) => product.barcode);

    // Warm both paths once so neither pays for cold caches alone.
    await timeEach(terms.slice(0, 20), (q) => viaApi(`/api/v1/products?q=${encodeURIComponent(q)}`));
    await timeEach(terms.slice(0, 20), (q) => viaSql(productSearchQuery(q, {}, 51)));

    const rows = [
      ['search via API', await timeEach(terms, (q) => viaApi(`/api/v1/products?q=${encodeURIComponent(q)}&limit=50`))],
      ['search via SQL', await timeEach(terms, (q) => viaSql(productSearchQuery(q, {}, 51)))],
      ['barcode via API', await timeEach(barcodes, (code) => viaApi(`/api/v1/products/by-barcode/${code}`))],
      ['barcode via SQL', await timeEach(barcodes, (code) => viaSql(productByBarcodeQuery(code)))],
    ] as const;
    console.log(`products: ${seeded.productCount}, samples per row: ${SAMPLES}`);
    for (const [label, durations] of rows) {
      console.log(`${label.padEnd(16)} p50 ${ms(percentile(durations, 50)).padStart(9)}   p95 ${ms(percentile(durations, 95)).padStart(9)}`);
    }
    const ratio = (api: number[], sql: number[], p: number) => (percentile(api, p) / percentile(sql, p)).toFixed(2);
    console.log(`ratio API/SQL search:  p50 ${ratio(rows[0][1], rows[1][1], 50)}  p95 ${ratio(rows[0][1], rows[1][1], 95)}`);
    console.log(`ratio API/SQL barcode: p50 ${ratio(rows[2][1], rows[3][1], 50)}  p95 ${ratio(rows[2][1], rows[3][1], 95)}`);
  } finally {
    await direct.end().catch(() => undefined);
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
