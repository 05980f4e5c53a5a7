import 'reflect-metadata';
import { demoLogin, generateProducts, seedTenant } from '@kassa/seed';
import { freePort } from '@kassa/testing';
import { startBenchApi } from './bench-api';

// Product import (50,000 rows, dry run then commit) and product export (100,000 products as CSV
// and xlsx) through the API over HTTP, rows per second side by side in one run.
const IMPORT_ROWS = 50_000;
const EXPORT_PRODUCTS = 100_000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function main(): Promise<void> {
  const port = await freePort();
  const { app, close } = await startBenchApi();
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${port}`;
    const signIn = async (slug: string) => {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(demoLogin(slug)),
      });
      return ((await response.json()) as { accessToken: string }).accessToken;
    };

    await seedTenant(app, { slug: 'importer', products: 0, stores: 1, seed: 1 });
    const importerToken = await signIn('importer');
    const rows = generateProducts(IMPORT_ROWS, 7).map((product) => ({
      sku: product.sku,
      name: product.name,
      priceMinor: product.priceMinor,
      costMinor: product.costMinor,
      taxRateBps: product.taxRateBps,
      barcodes: [product.barcode],
    }));
    const post = (dryRun: boolean) =>
      fetch(`${base}/api/v1/products/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${importerToken}` },
        body: JSON.stringify({ rows }),
      }).then(async (response) => {
        if (!response.ok) throw new Error(`import answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
        return response.json();
      });
    const [, dryMs] = await timed(() => post(true));
    const [, commitMs] = await timed(() => post(false));

    await seedTenant(app, { slug: 'exporter', products: EXPORT_PRODUCTS, stores: 1, seed: 42 });
    const exporterToken = await signIn('exporter');
    const download = (format: string) =>
      fetch(`${base}/api/v1/products/export?format=${format}`, { headers: { authorization: `Bearer ${exporterToken}` } }).then(async (response) => {
        if (!response.ok) throw new Error(`export answered ${response.status}`);
        return (await response.arrayBuffer()).byteLength;
      });
    const [csvBytes, csvMs] = await timed(() => download('csv'));
    const [xlsxBytes, xlsxMs] = await timed(() => download('xlsx'));

    const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000)} rows/s`;
    console.log(`import ${IMPORT_ROWS} rows, dry run: ${(dryMs / 1000).toFixed(1)} s, ${rate(IMPORT_ROWS, dryMs)}`);
    console.log(`import ${IMPORT_ROWS} rows, commit:  ${(commitMs / 1000).toFixed(1)} s, ${rate(IMPORT_ROWS, commitMs)}`);
    console.log(`export ${EXPORT_PRODUCTS} products, csv:  ${(csvMs / 1000).toFixed(1)} s, ${rate(EXPORT_PRODUCTS, csvMs)}, ${(csvBytes / 1e6).toFixed(1)} MB`);
    console.log(
      `export ${EXPORT_PRODUCTS} products, xlsx: ${(xlsxMs / 1000).toFixed(1)} s, ${rate(EXPORT_PRODUCTS, xlsxMs)}, ${(xlsxBytes / 1e6).toFixed(1)} MB`,
    );
    console.log(`ratio commit/dry run: ${(commitMs / dryMs).toFixed(2)}; xlsx/csv: ${(xlsxMs / csvMs).toFixed(2)}`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
