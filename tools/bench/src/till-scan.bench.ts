/**
 * Scan → line in the till's cart, in Chromium, with a large catalog snapshot in IndexedDB (not a test).
 *   nx run bench:build && node dist/tools/bench/tools/bench/src/till-scan.bench.js [products] [scans]
 * Needs the built API and web app. Pairs a register through the API, writes the snapshot straight into
 * the till's IndexedDB, signs the owner in by PIN, then times each scan in the page with performance.now():
 * from the barcode typed and Enter to the cart's line for that product in the DOM.
 */
import { chromium, type Page } from 'playwright-core';
import { createTestDatabase, freePort, startBuiltApi, startBuiltWeb, TEST_REDIS_URL } from '@kassa/testing';
import { ms, percentile } from './latency';

const PRODUCTS = Number(process.argv[2] ?? 100_000);
const SCANS = Number(process.argv[3] ?? 200);
const PER_SALE = 20;
const PASSWORD = 'correct horse battery';
const PIN = '2580';

async function call<T>(base: string, token: string | undefined, method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

// The in-page halves run in Chromium and are kept as source text: this project compiles without DOM types.

/** Writes the pairing and `count` generated products into the till's database (the page has created it). */
const SEED_SNAPSHOT = `async ({ device, count }) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('kassa-till');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const write = (stores, work) =>
    new Promise((resolve, reject) => {
      const transaction = db.transaction(stores, 'readwrite');
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      work(transaction);
    });
  for (let start = 0; start < count; start += 10000) {
    await write(['products'], (transaction) => {
      const products = transaction.objectStore('products');
      for (let i = start; i < Math.min(count, start + 10000); i++) {
        products.put({
          id: '00000000-0000-7000-8000-' + String(i).padStart(12, '0'),
          sku: 'SKU-' + i,
          name: 'Product ' + i,
          categoryId: 'category-' + (i % 20),
          priceMinor: 100 + (i % 5000),
          taxRateBps: i % 2 ? 700 : 1900,
          barcodes: ['2' + String(i).padStart(12, '0')],
          active: true,
          trackStock: false,
          unit: 'pcs',
        });
      }
    });
  }
  await write(['categories', 'device', 'meta'], (transaction) => {
    for (let i = 0; i < 20; i++) transaction.objectStore('categories').put({ id: 'category-' + i, name: 'Category ' + String(i).padStart(2, '0'), parentId: null });
    transaction.objectStore('device').put(device, 'current');
    transaction.objectStore('meta').put(0, 'lastReceiptNumber');
    transaction.objectStore('meta').put(new Date().toISOString(), 'catalogSyncedTo');
  });
  db.close();
}`;

/** Times one scan in the page: type the code, submit, wait for the product's line in the cart. */
const TIME_SCAN = `async (i) => {
  const box = document.getElementById('till-scan');
  const name = 'Product ' + i + ',';
  const present = () => [...document.querySelectorAll('[aria-label="Cart"] > li')].some((line) => (line.getAttribute('aria-label') || '').startsWith(name));
  const started = performance.now();
  const appeared = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (present()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, '2' + String(i).padStart(12, '0'));
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.form.requestSubmit();
  await appeared;
  return performance.now() - started;
}`;

const inPage = <T>(page: Page, source: string, argument: unknown): Promise<T> => page.evaluate(`(${source})(${JSON.stringify(argument)})`) as Promise<T>;

async function main() {
  const database = await createTestDatabase();
  // BENCH_PORTS=api,web pins the ports (a machine shared by several people); its own Redis keys keep other runs' jobs out.
  const [apiPort, webPort] = process.env['BENCH_PORTS'] ? process.env['BENCH_PORTS'].split(',').map(Number) : [await freePort(), await freePort()];
  const api = await startBuiltApi(apiPort, {
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `till-bench:${Date.now().toString(36)}:`,
  });
  const web = await startBuiltWeb(webPort, { KASSA_API_URL: api.baseUrl });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const slug = `till-bench-${Date.now().toString(36)}`;
    const { accessToken } = await call<{ accessToken: string }>(api.baseUrl, undefined, 'POST', '/api/v1/signup', {
      tenantName: 'Till Bench',
      slug,
      ownerName: 'Bench Owner',
      email: `owner@${slug}.test`,
      password: PASSWORD,
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      pricesIncludeTax: true,
    });
    await call(api.baseUrl, accessToken, 'PUT', '/api/v1/me/pin', { pin: PIN, currentPassword: PASSWORD });
    const store = await call<{ id: string; name: string }>(api.baseUrl, accessToken, 'POST', '/api/v1/stores', { name: 'Bench Store', code: 'BEN-1' });
    const register = await call<{ id: string; name: string }>(api.baseUrl, accessToken, 'POST', `/api/v1/stores/${store.id}/registers`, { name: 'Till 1' });
    const paired = await call<{ deviceId: string; deviceToken: string }>(api.baseUrl, accessToken, 'POST', `/api/v1/registers/${register.id}/devices`, {
      name: 'Bench tablet',
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${web.baseUrl}/pos`);
    await page.getByRole('heading', { name: 'Set up this till' }).waitFor();
    const seeding = performance.now();
    await inPage(page, SEED_SNAPSHOT, {
      device: {
        ...paired,
        registerId: register.id,
        registerName: register.name,
        storeId: store.id,
        storeName: store.name,
        tenantSlug: slug,
        pairedAt: new Date().toISOString(),
      },
      count: PRODUCTS,
    });
    console.log(`snapshot: ${PRODUCTS} products written in ${ms(performance.now() - seeding)}`);
    await page.reload();
    await page.getByRole('button', { name: /Bench Owner/ }).click();
    await page.getByLabel('PIN for Bench Owner').fill(PIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();

    const durations: number[] = [];
    for (let scan = 0; scan < SCANS; scan++) {
      durations.push(await inPage<number>(page, TIME_SCAN, Math.floor(Math.random() * PRODUCTS)));
      if ((scan + 1) % PER_SALE === 0) {
        await page.getByRole('button', { name: 'Clear', exact: true }).click();
        await page.getByRole('button', { name: 'Clear sale' }).click();
      }
    }
    console.log(
      `scan → line, ${SCANS} scans, carts of up to ${PER_SALE} lines, ${PRODUCTS} products: p50 ${ms(percentile(durations, 50))}, p95 ${ms(percentile(durations, 95))}, max ${ms(Math.max(...durations))}`,
    );
    await context.close();
  } finally {
    await browser.close();
    await web.stop();
    await api.stop();
    await database.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
