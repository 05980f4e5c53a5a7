import 'reflect-metadata';
import { APP_CONNECTION_OPTIONS } from '@kassa/api/database';
import { productByBarcodeQuery, productSearchQuery, ProductQuery } from '@kassa/api/catalog';
import { demoLogin, generateProducts, seedTenant } from '@kassa/seed';
import { freePort } from '@kassa/testing';
import { Client } from 'pg';
import { Pool } from 'undici';
import { startBenchApi } from './bench-api';
import { atMost, benchProfile, printBenchResult } from './bench-result';
import { ms, percentile, timeEach } from './latency';

// Catalog search and barcode lookup on a seeded shop (100,000 products by default), through the API over HTTP
// beside the very same SQL run directly with `pg` as the app role (forced row-level security), and the design
// before issue 32 (rank every trigram match on a GIN index; barcodes compared through gtin14()) as the baseline,
// all in one run on the same data.
const PRODUCTS = Number(process.argv[2] ?? (benchProfile() === 'small' ? 5_000 : 100_000));
const SAMPLES = benchProfile() === 'small' ? 50 : 200;
const SEED = 42;
const TERMS = ['banan', 'organic milk', 'choco', 'sourdough', 'laundry', 'FRU-0001', 'peanut butter 500 g', 'sparkl', 'gouda', 'green tea'];

/** Search and barcode lookup as they were before issue 32, kept here to measure against. */
const BEFORE = {
  index: `CREATE INDEX bench_before_name_key_trgm_idx ON product USING gin (tenant_id, name_key gin_trgm_ops) WHERE deleted_at IS NULL`,
  search: (q: string, limit: number): ProductQuery => {
    const from = q.toLowerCase();
    const to = from.slice(0, -1) + String.fromCodePoint((from.codePointAt(from.length - 1) ?? 0) + 1);
    return {
      sql: `WITH matches AS (
              SELECT b.product_id AS id, 0 AS class, 1::real AS score FROM product_barcode b WHERE gtin14(b.code) = gtin14($1)
              UNION ALL
              SELECT p.id, CASE WHEN p.sku_key = lower($1) THEN 0 ELSE 1 END, 1::real
                FROM product p WHERE p.deleted_at IS NULL AND p.sku_key COLLATE "C" >= $2 AND p.sku_key COLLATE "C" < $3
              UNION ALL
              SELECT p.id, 2, word_similarity(fold_search_text($1), p.name_key) FROM product p
               WHERE p.deleted_at IS NULL AND fold_search_text($1) <% p.name_key
            ), ranked AS (SELECT id, min(class) AS class, max(score)::float8 AS score FROM matches GROUP BY id)
            SELECT p.*, r.class, r.score FROM ranked r JOIN product p ON p.id = r.id WHERE p.deleted_at IS NULL
             ORDER BY r.class, r.score DESC, p.name, p.id LIMIT $4`,
      parameters: [q, from, to, limit],
    };
  },
  barcode: (code: string): ProductQuery => ({
    sql: `SELECT p.* FROM product_barcode b JOIN product p ON p.tenant_id = b.tenant_id AND p.id = b.product_id
           WHERE gtin14(b.code) = gtin14($1) AND p.deleted_at IS NULL`,
    parameters: [code],
  }),
};

async function main(): Promise<void> {
  const port = await freePort();
  const { app, database, close } = await startBenchApi();
  await app.listen({ port, host: '127.0.0.1' });
  const direct = new Client({ connectionString: database.url, options: APP_CONNECTION_OPTIONS });
  const owner = new Client({ connectionString: database.url });
  try {
    const seeded = await seedTenant(app, { slug: 'bench', products: PRODUCTS, stores: 3, seed: SEED });
    await Promise.all([direct.connect(), owner.connect()]);
    await owner.query('ANALYZE product; ANALYZE product_barcode');
    const base = `http://127.0.0.1:${port}`;
    // Signed in again for each row: on a loaded machine a row can outlast an access token.
    const signIn = async () =>
      (
        (await (
          await fetch(`${base}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(demoLogin('bench')),
          })
        ).json()) as { accessToken: string }
      ).accessToken;
    // One keep-alive connection through undici's request, as the SQL side has one pg connection: Node's fetch adds
    // 0.5 ms at p50 and 1 ms at p95 of its own (measured against a bare route), which is the client's, not the API's.
    const client = new Pool(base, { connections: 1, keepAliveTimeout: 30_000 });
    const timeApi = async (paths: string[]) => {
      const accessToken = await signIn();
      return timeEach(paths, async (path) => {
        const response = await client.request({ method: 'GET', path, headers: { authorization: `Bearer ${accessToken}` } });
        await response.body.arrayBuffer();
        if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
      });
    };
    const viaSql = async (query: ProductQuery) => {
      await direct.query('BEGIN');
      await direct.query(`SELECT set_config('app.tenant_id', $1, true)`, [seeded.tenantId]);
      await direct.query(query.sql, query.parameters);
      await direct.query('COMMIT');
    };

    const terms = Array.from({ length: SAMPLES }, (_, i) => TERMS[i % TERMS.length]);
    const step = Math.max(2, Math.floor(PRODUCTS / SAMPLES));
    const products = generateProducts(PRODUCTS, SEED);
    const barcodes = products
      .filter((_, i) => i % step === 0)
      .slice(0, SAMPLES)
      .map((product) => product.barcode);
    // Other products' barcodes: the lookup's code is warmed up without warming the sampled rows.
    const warmBarcodes = products
      .filter((_, i) => i % step === 1)
      .slice(0, 200)
      .map((product) => product.barcode);
    const searchPaths = terms.map((q) => `/api/v1/products?q=${encodeURIComponent(q)}&limit=50`);
    const barcodePaths = barcodes.map((code) => `/api/v1/products/by-barcode/${code}`);

    // Warm every path once so none pays for cold caches alone.
    await timeApi(searchPaths.slice(0, 20));
    await timeEach(terms.slice(0, 20), (q) => viaSql(productSearchQuery(q, {}, 51)));
    await timeApi(warmBarcodes.map((code) => `/api/v1/products/by-barcode/${code}`));
    await timeEach(warmBarcodes, (code) => viaSql(productByBarcodeQuery(code)));
    const searchApi = await timeApi(searchPaths);
    const searchSql = await timeEach(terms, (q) => viaSql(productSearchQuery(q, {}, 51)));
    const barcodeApi = await timeApi(barcodePaths);
    await client.close();
    const barcodeSql = await timeEach(barcodes, (code) => viaSql(productByBarcodeQuery(code)));

    await owner.query(BEFORE.index);
    await owner.query('ANALYZE product');
    await timeEach(terms.slice(0, 20), (q) => viaSql(BEFORE.search(q, 51)));
    const searchBefore = await timeEach(terms, (q) => viaSql(BEFORE.search(q, 51)));
    const barcodeBefore = await timeEach(barcodes, (code) => viaSql(BEFORE.barcode(code)));

    const rows: [string, number[]][] = [
      ['search via API', searchApi],
      ['search via SQL', searchSql],
      ['search via SQL, before', searchBefore],
      ['barcode via API', barcodeApi],
      ['barcode via SQL', barcodeSql],
      ['barcode via SQL, before', barcodeBefore],
    ];
    console.log(`products: ${seeded.productCount}, samples per row: ${SAMPLES}`);
    for (const [label, durations] of rows) {
      console.log(`${label.padEnd(24)} p50 ${ms(percentile(durations, 50)).padStart(9)}   p95 ${ms(percentile(durations, 95)).padStart(9)}`);
    }
    // Per term, the broad ones (thousands of names tied at one score) apart from the narrow ones.
    for (const term of TERMS) {
      const of = (durations: number[]) => durations.filter((_, i) => terms[i] === term);
      console.log(
        `  ${term.padEnd(22)} SQL p50 ${ms(percentile(of(searchSql), 50)).padStart(9)}   p95 ${ms(percentile(of(searchSql), 95)).padStart(9)}   ` +
          `API p95 ${ms(percentile(of(searchApi), 95)).padStart(9)}   before p95 ${ms(percentile(of(searchBefore), 95)).padStart(9)}`,
      );
    }
    const p95 = (durations: number[]) => Number(percentile(durations, 95).toFixed(2));
    const before = (durations: number[]) => ({ value: p95(durations), label: 'SQL before #32' });
    printBenchResult(
      'catalog',
      [
        {
          name: `search p95 via SQL (${PRODUCTS.toLocaleString('en')} products)`,
          value: p95(searchSql),
          unit: 'ms',
          baseline: before(searchBefore),
          ...atMost(p95(searchSql), 30),
        },
        { name: 'search p95 via API', value: p95(searchApi), unit: 'ms', baseline: before(searchBefore), ...atMost(p95(searchApi), 40) },
        { name: 'barcode p95 via API', value: p95(barcodeApi), unit: 'ms', baseline: before(barcodeBefore), ...atMost(p95(barcodeApi), 3) },
        { name: 'barcode p95 via SQL', value: p95(barcodeSql), unit: 'ms', baseline: before(barcodeBefore) },
      ],
      { products: seeded.productCount, samples: SAMPLES, terms: TERMS },
    );
  } finally {
    await Promise.all([direct.end().catch(() => undefined), owner.end().catch(() => undefined)]);
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
