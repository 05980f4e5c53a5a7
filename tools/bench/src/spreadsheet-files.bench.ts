import 'reflect-metadata';
import * as XLSX from '@e965/xlsx';
import { readImportRows } from '@kassa/spreadsheet-core';
import { readSpreadsheet } from '@kassa/spreadsheet-core/read';
import { demoLogin, generateProducts, seedTenant } from '@kassa/seed';
import { freePort } from '@kassa/testing';
import { startBenchApi } from './bench-api';

// Files, not JSON: a 50,000-row product CSV and xlsx parsed by libs/spreadsheet-core alone (what the
// browser runs), then posted to the API as a dry run (parse, match, validate, look up), rows per second.
const ROWS = 50_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

function files(): { csv: Buffer; xlsx: Buffer } {
  const products = generateProducts(ROWS, 7);
  const header = ['SKU', 'Name', 'Price', 'Cost', 'Barcodes'];
  const rows = products.map((product) => [product.sku, product.name, product.priceMinor / 100, (product.costMinor ?? 0) / 100, product.barcode]);
  const quote = (value: string | number) => (typeof value === 'string' && /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : String(value));
  const csv = Buffer.from([header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n'));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([header, ...rows]), 'Products');
  const xlsx = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return { csv, xlsx };
}

async function main(): Promise<void> {
  const { csv, xlsx } = files();
  const settings = { locale: 'en-US', currency: 'EUR' };
  const parse = (bytes: Buffer, fileName: string) => readImportRows(readSpreadsheet(new Uint8Array(bytes), { fileName }), 'products', settings);
  const [csvRows, csvParseMs] = timed(() => parse(csv, 'products.csv'));
  const [xlsxRows, xlsxParseMs] = timed(() => parse(xlsx, 'products.xlsx'));
  if (csvRows.rows.length !== ROWS || xlsxRows.rows.length !== ROWS || csvRows.problems.length + xlsxRows.problems.length > 0) {
    throw new Error('the generated files did not read back cleanly');
  }

  const port = await freePort();
  const { app, close } = await startBenchApi();
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await seedTenant(app, { slug: 'files', products: 0, stores: 1, seed: 1 });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoLogin('files')),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    // The seeded shop writes decimal commas (de-DE); the generated files use points.
    await fetch(`${base}/api/v1/tenant`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ locale: settings.locale }),
    });
    const dryRun = async (bytes: Buffer, type: string): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/products/import?dryRun=true`, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${accessToken}` },
        body: bytes,
      });
      const result = (await response.json()) as { created?: number };
      if (!response.ok || result.created !== ROWS) throw new Error(`dry run answered ${response.status}: ${JSON.stringify(result).slice(0, 300)}`);
      return performance.now() - started;
    };
    const csvApiMs = await dryRun(csv, 'text/csv');
    const xlsxApiMs = await dryRun(xlsx, XLSX_TYPE);

    const line = (step: string, ms: number) => console.log(`${step}: ${(ms / 1000).toFixed(2)} s, ${Math.round((ROWS / ms) * 1000)} rows/s`);
    console.log(`files: csv ${(csv.byteLength / 1e6).toFixed(1)} MB, xlsx ${(xlsx.byteLength / 1e6).toFixed(1)} MB`);
    line(`parse ${ROWS} rows, csv (library)`, csvParseMs);
    line(`parse ${ROWS} rows, xlsx (library)`, xlsxParseMs);
    line(`dry run ${ROWS} rows, csv (API)`, csvApiMs);
    line(`dry run ${ROWS} rows, xlsx (API)`, xlsxApiMs);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
