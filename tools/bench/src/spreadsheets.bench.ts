import 'reflect-metadata';
import * as XLSX from '@e965/xlsx';
import { demoLogin, seedTenant } from '@kassa/seed';
import { importRows } from './import-rows';
import { freePort } from '@kassa/testing';
import { startBenchApi } from './bench-api';
import { atLeast, atMost, benchProfile, printBenchResult } from './bench-result';

// Product import (50,000 rows, dry run then commit) and product export (100,000 products as CSV and xlsx)
// through the API over HTTP, in one run. The xlsx export streams (its own sheet XML in a streamed zip, decision 0040);
// its baseline is the writer of before issue 32 (SheetJS, the whole workbook built in memory) run here on the same
// rows, writer time only.
// Peak RSS growth is sampled in this process, which is also the API's.
const SMALL = benchProfile() === 'small';
const IMPORT_ROWS = SMALL ? 5_000 : 50_000;
const EXPORT_PRODUCTS = SMALL ? 10_000 : 100_000;
const MB = 1024 * 1024;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** Runs `work` while sampling this process's RSS; answers its result, time and peak RSS growth in MB. */
async function measured<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  global.gc?.();
  const start = process.memoryUsage.rss();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const [result, ms] = await timed(work);
    peak = Math.max(peak, process.memoryUsage.rss());
    return [result, ms, (peak - start) / MB];
  } finally {
    clearInterval(sampler);
  }
}

/** The xlsx writer before issue 32 (SheetJS, every cell in memory, then zipped whole), on CSV rows: its cost alone. */
function xlsxBefore(rows: string[][]): number {
  const types = ['s', 's', 's', 's', 's', 'n', 'n', 'n', 's', 's', 'n', 'n', 'd'];
  const sheet: XLSX.WorkSheet = {};
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const type = r === 0 ? 's' : (types[c] ?? 's');
      sheet[XLSX.utils.encode_cell({ r, c })] =
        value === ''
          ? { t: 'z' }
          : type === 's'
            ? { t: 's', v: value }
            : type === 'd'
              ? { t: 'n', v: Date.parse(value) / 86_400_000 + 25_569, z: 'yyyy-mm-dd hh:mm' }
              : { t: 'n', v: Number(value), z: '0.00' };
    }),
  );
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: (rows[0]?.length ?? 1) - 1 } });
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'Products');
  return (XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer).byteLength;
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
    const rows = importRows(IMPORT_ROWS);
    const post = async (dryRun: boolean) => {
      const importerToken = await signIn('importer');
      return timed(() =>
        fetch(`${base}/api/v1/products/import?dryRun=${dryRun}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${importerToken}` },
          body: JSON.stringify({ rows }),
        }).then(async (response) => {
          if (!response.ok) throw new Error(`import answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
          return response.json();
        }),
      );
    };
    const [, dryMs] = await post(true);
    const [, commitMs] = await post(false);

    await seedTenant(app, { slug: 'exporter', products: EXPORT_PRODUCTS, stores: 1, seed: 42 });
    const download = async (format: string) => {
      const exporterToken = await signIn('exporter');
      return measured(() =>
        fetch(`${base}/api/v1/products/export?format=${format}`, { headers: { authorization: `Bearer ${exporterToken}` } }).then(async (response) => {
          if (!response.ok) throw new Error(`export answered ${response.status}`);
          return Buffer.from(await response.arrayBuffer());
        }),
      );
    };
    const [csv, csvMs, csvRssMb] = await download('csv');
    const [xlsx, xlsxMs, xlsxRssMb] = await download('xlsx');
    const exported = XLSX.read(xlsx, { type: 'buffer', sheetRows: 3 }).Sheets['Products'];
    if (exported['B2']?.t !== 's' || exported['F2']?.t !== 'n') throw new Error('the streamed xlsx lost its typed cells');
    const csvRows = XLSX.read(csv, { type: 'buffer', raw: true }).Sheets['Sheet1'];
    const table = XLSX.utils.sheet_to_json<string[]>(csvRows, { header: 1, raw: false, defval: '' });
    const [, beforeMs, beforeRssMb] = await measured(async () => xlsxBefore(table));

    const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`import ${IMPORT_ROWS} rows, dry run: ${seconds(dryMs)}, ${rate(IMPORT_ROWS, dryMs)} rows/s`);
    console.log(`import ${IMPORT_ROWS} rows, commit:  ${seconds(commitMs)}, ${rate(IMPORT_ROWS, commitMs)} rows/s`);
    console.log(`export ${EXPORT_PRODUCTS} products, csv:  ${seconds(csvMs)}, ${(csv.byteLength / 1e6).toFixed(1)} MB, peak RSS +${csvRssMb.toFixed(0)} MB`);
    console.log(`export ${EXPORT_PRODUCTS} products, xlsx: ${seconds(xlsxMs)}, ${(xlsx.byteLength / 1e6).toFixed(1)} MB, peak RSS +${xlsxRssMb.toFixed(0)} MB`);
    console.log(`xlsx writer before (SheetJS, whole workbook, writer only): ${seconds(beforeMs)}, peak RSS +${beforeRssMb.toFixed(0)} MB`);
    console.log(`ratio commit/dry run: ${(commitMs / dryMs).toFixed(2)}; xlsx/csv: ${(xlsxMs / csvMs).toFixed(2)}`);

    const commitRate = rate(IMPORT_ROWS, commitMs);
    const ratio = Number((xlsxMs / csvMs).toFixed(2));
    printBenchResult(
      'spreadsheets',
      [
        {
          name: `import commit, ${IMPORT_ROWS.toLocaleString('en')} rows`,
          value: commitRate,
          unit: 'rows/s',
          baseline: { value: rate(IMPORT_ROWS, dryMs), label: 'dry run, same rows' },
          ...atLeast(commitRate, 10_000),
        },
        {
          name: `xlsx export time / CSV export time, ${EXPORT_PRODUCTS.toLocaleString('en')} products`,
          value: ratio,
          unit: '×',
          baseline: { value: Number((beforeMs / csvMs).toFixed(2)), label: 'SheetJS writer alone / CSV export' },
          ...atMost(ratio, 3),
        },
        { name: 'xlsx export time', value: Math.round(xlsxMs), unit: 'ms', baseline: { value: Math.round(csvMs), label: 'CSV export' } },
        {
          name: 'xlsx export peak RSS growth',
          value: Math.round(xlsxRssMb),
          unit: 'MB',
          baseline: { value: Math.round(beforeRssMb), label: 'SheetJS writer alone' },
          ...atMost(Math.round(xlsxRssMb), 100),
        },
      ],
      { importRows: IMPORT_ROWS, exportProducts: EXPORT_PRODUCTS, csvRssMb: Math.round(csvRssMb) },
    );
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
