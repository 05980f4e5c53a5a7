import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '@kassa/testing';
import { accessibilityViolations } from './support/axe';
import { BIG_SHOP_STORE, bigShopDatabase, bigShopOwner } from './support/big-shop';
import { launchChromium } from './support/chromium';
import { accessTokenFor, signInThroughForm } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const CORPUS = path.resolve(__dirname, '../../../libs/spreadsheet-core/fixtures');

interface StoredProduct {
  id: string;
  version: number;
  sku: string;
  name: string;
  priceMinor: number;
  barcodes: string[];
  active: boolean;
}

// All in the shop of 100,000 products (support/big-shop.ts). Each test starts at `since`; what it made or changed is
// read back as the products changed since then, and deleted after it, so the next corpus file's SKUs and barcodes are free.
describe('imports and exports through the screens of a shop with 100,000 products, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let token: string;
  let since: string;
  const files = mkdtempSync(path.join(tmpdir(), 'kassa-import-'));

  const call = (method: string, route: string, body?: object, headers: Record<string, string> = {}) =>
    fetch(`${stack.api.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
  const api = async <T>(method: string, route: string, body?: object): Promise<T> => {
    const response = await call(method, route, body);
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const changedProducts = async () =>
    (await api<{ items: StoredProduct[] }>('GET', `/api/v1/products?updatedSince=${encodeURIComponent(since)}&limit=200`)).items;
  /** The products this test made or changed, among the shop's 100,000. */
  const productsChanged = async () =>
    (await changedProducts())
      .map(({ sku, name, priceMinor, barcodes, active }) => ({ sku, name, priceMinor, barcodes, active }))
      .sort((a, b) => a.sku.localeCompare(b.sku));
  const useLocale = (locale: string) => api('PATCH', '/api/v1/tenant', { locale });

  async function signedIn(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, bigShopOwner);
    return page;
  }

  /** Picks the file on the import screen and runs the dry run; answers the check step. */
  async function checked(page: Page, file: string) {
    // Enabled once the page runs and knows the shop's remembered mapping.
    await page.locator('input[type=file]:enabled').waitFor({ state: 'attached' });
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Check the file' }).click();
    const step = page.getByRole('region', { name: '3. Check' });
    await step.waitFor();
    return step;
  }

  const badges = async (step: ReturnType<Page['getByRole']>) => (await step.locator('p').first().innerText()).replace(/\s+/g, ' ').trim();
  const linesOf = async (step: ReturnType<Page['getByRole']>, caption: string) =>
    (await step.getByRole('table', { name: caption }).getByRole('row').allInnerTexts()).slice(1).map((row) => row.split('\t')[0].trim());

  // Long enough for the first suite of a run to build the big shop (support/big-shop.ts) or wait for it.
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack({}, {}, bigShopDatabase);
    browser = await launchChromium();
    token = await accessTokenFor(stack.api.baseUrl, bigShopOwner);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  beforeEach(() => {
    since = new Date().toISOString();
  });

  afterEach(async () => {
    await context?.close();
    for (const product of await changedProducts()) await call('DELETE', `/api/v1/products/${product.id}`, undefined, { 'if-match': `"${product.version}"` });
  });

  it.each([
    {
      file: 'clean-products.xlsx',
      locale: 'en-US',
      counts: '3 new 0 changed 0 unchanged 0 with errors',
      noteLines: ['2', '3'],
      stored: [
        { sku: '00123', name: 'Numeric SKU', priceMinor: 250, barcodes: ['TXT-0001'], active: true },
        { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, barcodes: ['012345678905'], active: true },
        { sku: 'TEA-2', name: 'Twice', priceMinor: 300, barcodes: ['4006381333931'], active: false },
      ],
    },
    {
      file: 'semicolon-windows-1252.csv',
      locale: 'de-DE',
      counts: '2 new 0 changed 0 unchanged 0 with errors',
      noteLines: ['3'],
      stored: [
        { sku: 'KAF-1', name: 'Kaffee Crème – 250 g', priceMinor: 450, barcodes: ['4006381333931'], active: true },
        { sku: 'KAF-2', name: 'Espressomaschine groß', priceMinor: 123_400, barcodes: [], active: true },
      ],
    },
    {
      file: 'german-headers.ods',
      locale: 'de-DE',
      counts: '2 new 0 changed 0 unchanged 0 with errors',
      noteLines: ['2'],
      stored: [
        { sku: 'BRO-1', name: 'Roggenbrot', priceMinor: 320, barcodes: ['012345678905'], active: true },
        { sku: 'BRO-2', name: 'Brezel', priceMinor: 90, barcodes: [], active: false },
      ],
    },
  ])('imports $file of the corpus: the preview counts and notes, then exactly its products', async ({ file, locale, counts, noteLines, stored }) => {
    await useLocale(locale);
    const page = await signedIn();
    await page.goto(`${stack.web.baseUrl}/products/import`);
    const step = await checked(page, path.join(CORPUS, file));
    expect(await badges(step)).toBe(counts);
    // The file was read off the page's thread.
    expect(page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/preview|worker/i)]);
    const steps = page.getByRole('list', { name: 'Import progress' }).getByRole('listitem');
    expect(await steps.evaluateAll((items) => items.map((item) => `${item.textContent}: ${item.getAttribute('data-state')}`))).toEqual([
      'Read here: done',
      'Uploaded and checked: done',
      'Written: pending',
    ]);
    expect(await linesOf(step, 'Values read with a change')).toEqual(noteLines);
    expect(await productsChanged()).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `import-${file.replace(/\W+/g, '-')}.png`), fullPage: true });
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await step.getByRole('button', { name: 'Import all rows' }).click();
    await page.getByText(/^Imported: \d+ new, 0 changed, 0 unchanged\.$/).waitFor();
    expect(await productsChanged()).toEqual(stored);
  });

  it('shows two bad rows by their file lines and writes nothing; the fixed file then imports every row', async () => {
    await useLocale('en-US');
    const bad = path.join(files, 'two-bad-rows.csv');
    writeFileSync(bad, 'SKU,Name,Price\nOK-1,Fine,1.00\nBAD-1,,2.00\nOK-2,Also fine,3.00\nBAD-2,Broken price,abc\n');
    const page = await signedIn('dark');
    await page.goto(`${stack.web.baseUrl}/products/import`);
    let step = await checked(page, bad);
    expect(await badges(step)).toBe('2 new 0 changed 0 unchanged 2 with errors');
    // By the file's own lines (the header is line 1), each with the field in words.
    expect([...new Set(await linesOf(step, 'Errors'))]).toEqual(['3', '5']);
    const errors = (await step.getByRole('table', { name: 'Errors' }).getByRole('row').allInnerTexts()).map((row) => row.split('\t').slice(0, 2).join(' '));
    expect(errors).toContain('3 Name');
    expect(errors).toContain('5 Price');
    expect(await step.getByRole('button', { name: 'Import all rows' }).isDisabled()).toBe(true);
    expect(await productsChanged()).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, 'import-errors-dark.png'), fullPage: true });
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);

    const fixed = path.join(files, 'fixed.csv');
    writeFileSync(fixed, 'SKU,Name,Price\nOK-1,Fine,1.00\nBAD-1,Named now,2.00\nOK-2,Also fine,3.00\nBAD-2,Priced now,4.50\n');
    step = await checked(page, fixed);
    expect(await badges(step)).toBe('4 new 0 changed 0 unchanged 0 with errors');
    await step.getByRole('button', { name: 'Import all rows' }).click();
    await page.getByText('Imported: 4 new, 0 changed, 0 unchanged.').waitFor();
    expect((await productsChanged()).map((product) => [product.sku, product.priceMinor])).toEqual([
      ['BAD-1', 200],
      ['BAD-2', 450],
      ['OK-1', 100],
      ['OK-2', 300],
    ]);
  });

  it('imports a count file for a store under Stock: what changes on hand first, then the count posted, the other products untouched', async () => {
    await useLocale('en-US');
    const store = (await api<{ items: { id: string; name: string }[] }>('GET', '/api/v1/stores')).items.find((item) => item.name === BIG_SHOP_STORE);
    const storeId = store?.id ?? '';
    const oat = await api<{ id: string }>('POST', '/api/v1/products', { sku: 'OAT-1', name: 'Oat Milk', priceMinor: 249 });
    const rye = await api<{ id: string }>('POST', '/api/v1/products', { sku: 'RYE-1', name: 'Rye Bread', priceMinor: 399, barcodes: ['4006381333931'] });
    await api('POST', '/api/v1/inventory/adjustments', { storeId, productId: oat.id, delta: 4, reason: 'receipt' });
    const count = path.join(files, 'count.csv');
    writeFileSync(count, 'SKU;EAN;Counted\nOAT-1;;4\n;4006381333931;7\n');
    const page = await signedIn();
    await page.goto(`${stack.web.baseUrl}/inventory/count`);
    await page.getByRole('button', { name: 'Import a count file' }).click();
    await page.getByRole('heading', { name: `Import a count for ${BIG_SHOP_STORE}` }).waitFor();
    const step = await checked(page, count);
    // Only the file's lines are counted: the store's 100,000 other products are not read as counted at 0.
    expect(await badges(step)).toBe('1 to change on hand 1 already right 0 with errors');
    await page.screenshot({ path: path.join(SCREENS, 'import-count.png'), fullPage: true });
    await step.getByRole('button', { name: 'Import all rows' }).click();
    await page.getByText('Count posted: 1 product changed on hand.').waitFor();
    const onHand = async (productId: string) =>
      (await api<{ items: { onHand: number }[] }>('GET', `/api/v1/inventory/levels?storeId=${storeId}&productId=${productId}`)).items[0]?.onHand;
    expect([await onHand(oat.id), await onHand(rye.id)]).toEqual([4, 7]);
    const posted = await api<{ items: { referenceId: string | null }[] }>('GET', `/api/v1/inventory/ledger?storeId=${storeId}&limit=1`);
    const movements = await api<{ items: { sku: string; delta: number }[] }>('GET', `/api/v1/inventory/ledger?referenceId=${posted.items[0].referenceId}`);
    expect(movements.items.map((movement) => [movement.sku, movement.delta])).toEqual([['RYE-1', 7]]);
  });

  it('exports the filtered product view to xlsx: only its rows and visible columns, typed cells, barcodes intact', async () => {
    await useLocale('en-US');
    await api('POST', '/api/v1/products', { sku: 'MAT-1', name: 'Matcha tea', priceMinor: 350, barcodes: ['012345678905'] });
    await api('POST', '/api/v1/products', { sku: 'MAT-2', name: 'Matcha whisk', priceMinor: 250, active: false });
    await api('POST', '/api/v1/products', { sku: 'JAM-1', name: 'Apricot jam', priceMinor: 420 });
    const page = await signedIn();
    await page.goto(`${stack.web.baseUrl}/products`);
    const grid = page.getByRole('grid', { name: /Products/ });
    const names = async () => (await grid.locator('tbody tr[data-index] td:nth-child(2)').allInnerTexts()).map((text) => text.trim());
    await grid.getByRole('row', { name: /Apricot jam/ }).waitFor();
    await page.getByLabel('Search products').fill('matcha');
    await page.getByLabel('Search products').press('Enter');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Active' });
    // One row of the 100,003: the search and the status filter together.
    expect(await eventually(names, (shown) => shown.join() === 'Matcha tea', 15_000)).toEqual(['Matcha tea']);
    await page.getByRole('button', { name: 'Columns' }).click();
    const visible = page.getByRole('group', { name: 'Visible columns' });
    await visible.getByLabel('Barcodes').check();
    await visible.getByLabel('Status').uncheck();
    await page.getByRole('button', { name: 'Columns' }).click();
    const exported = async () => {
      await page.getByRole('button', { name: 'Export' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export products' });
      await dialog.getByLabel(/Excel workbook/).check();
      const download = page.waitForEvent('download', { timeout: 60_000 });
      await dialog.getByRole('button', { name: 'Download' }).click();
      const file = path.join(files, 'exported.xlsx');
      await (await download).saveAs(file);
      expect((await download).suggestedFilename()).toBe('products.xlsx');
      return XLSX.read(readFileSync(file)).Sheets.Products;
    };
    const sheet = await exported();
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true })).toEqual([
      ['Name', 'SKU', 'Price', 'Barcodes'],
      ['Matcha tea', 'MAT-1', 3.5, '012345678905'],
    ]);
    expect([sheet.C2.t, sheet.D2.t]).toEqual(['n', 's']);

    // A view of thousands: the seeded Bakery (every 7th product from the third, BAK-…) less one made inactive.
    const bakery = await api<{ items: { id: string; sku: string; version: number }[] }>('GET', '/api/v1/products?q=BAK-000003');
    await call('PATCH', `/api/v1/products/${bakery.items[0].id}`, { active: false }, { 'if-match': `"${bakery.items[0].version}"` });
    await page.getByLabel('Search products').fill('');
    await page.getByLabel('Search products').press('Enter');
    await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Bakery' });
    await grid.getByRole('row', { name: /BAK-/ }).first().waitFor();
    const rows = XLSX.utils.sheet_to_json<[string, string, number, string]>(await exported(), { header: 1, raw: true }).slice(1);
    const skus = new Set(rows.map(([, sku]) => sku));
    expect([rows.length, skus.size]).toEqual([14_285, 14_285]);
    expect(rows.every(([, sku, price]) => /^BAK-\d{6}$/.test(sku) && typeof price === 'number')).toBe(true);
    expect(skus.has('BAK-000003')).toBe(false);
    expect(skus.has('BAK-000010')).toBe(true);
  });
});
