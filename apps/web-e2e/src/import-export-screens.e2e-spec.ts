import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const CORPUS = path.resolve(__dirname, '../../../libs/spreadsheet-core/fixtures');

interface StoredProduct {
  sku: string;
  name: string;
  priceMinor: number;
  barcodes: string[];
  active: boolean;
}

describe('imports and exports through the screens, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  const files = mkdtempSync(path.join(tmpdir(), 'kassa-import-'));

  const api = async <T>(token: string, method: string, route: string, body?: object): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const productsOf = async (token: string) =>
    (await api<{ items: StoredProduct[] }>(token, 'GET', '/api/v1/products?limit=200')).items
      .map(({ sku, name, priceMinor, barcodes, active }) => ({ sku, name, priceMinor, barcodes, active }))
      .sort((a, b) => a.sku.localeCompare(b.sku));

  async function shop(label: string, locale: string): Promise<{ account: ShopAccount; token: string }> {
    const account = newShopAccount(label);
    const token = await createShop(stack.api.baseUrl, account);
    await api(token, 'PATCH', '/api/v1/tenant', { locale });
    return { account, token };
  }

  async function signedIn(account: ShopAccount, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
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

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
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
    const { account, token } = await shop(`Import ${file.split('.')[1]}`, locale);
    const page = await signedIn(account);
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
    expect(await productsOf(token)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `import-${file.replace(/\W+/g, '-')}.png`), fullPage: true });
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await step.getByRole('button', { name: 'Import all rows' }).click();
    await page.getByText(/^Imported: \d+ new, 0 changed, 0 unchanged\.$/).waitFor();
    expect(await productsOf(token)).toEqual(stored);
  });

  it('shows two bad rows by their file lines and writes nothing; the fixed file then imports every row', async () => {
    const { account, token } = await shop('Import fix', 'en-US');
    const bad = path.join(files, 'two-bad-rows.csv');
    writeFileSync(bad, 'SKU,Name,Price\nOK-1,Fine,1.00\nBAD-1,,2.00\nOK-2,Also fine,3.00\nBAD-2,Broken price,abc\n');
    const page = await signedIn(account, 'dark');
    await page.goto(`${stack.web.baseUrl}/products/import`);
    let step = await checked(page, bad);
    expect(await badges(step)).toBe('2 new 0 changed 0 unchanged 2 with errors');
    // By the file's own lines (the header is line 1), each with the field in words.
    expect([...new Set(await linesOf(step, 'Errors'))]).toEqual(['3', '5']);
    const errors = (await step.getByRole('table', { name: 'Errors' }).getByRole('row').allInnerTexts()).map((row) => row.split('\t').slice(0, 2).join(' '));
    expect(errors).toContain('3 Name');
    expect(errors).toContain('5 Price');
    expect(await step.getByRole('button', { name: 'Import all rows' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENS, 'import-errors-dark.png'), fullPage: true });
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);

    const fixed = path.join(files, 'fixed.csv');
    writeFileSync(fixed, 'SKU,Name,Price\nOK-1,Fine,1.00\nBAD-1,Named now,2.00\nOK-2,Also fine,3.00\nBAD-2,Priced now,4.50\n');
    step = await checked(page, fixed);
    expect(await badges(step)).toBe('4 new 0 changed 0 unchanged 0 with errors');
    await step.getByRole('button', { name: 'Import all rows' }).click();
    await page.getByText('Imported: 4 new, 0 changed, 0 unchanged.').waitFor();
    expect((await productsOf(token)).map((product) => [product.sku, product.priceMinor])).toEqual([
      ['BAD-1', 200],
      ['BAD-2', 450],
      ['OK-1', 100],
      ['OK-2', 300],
    ]);
  });

  it('imports a count file for a store under Stock: what changes on hand first, then the count posted', async () => {
    const { account, token } = await shop('Import count', 'en-US');
    const store = await api<{ id: string }>(token, 'POST', '/api/v1/stores', { name: 'Altstadt', code: 'ALT-1' });
    const oat = await api<{ id: string }>(token, 'POST', '/api/v1/products', { sku: 'OAT-1', name: 'Oat Milk', priceMinor: 249 });
    await api(token, 'POST', '/api/v1/products', { sku: 'RYE-1', name: 'Rye Bread', priceMinor: 399, barcodes: ['4006381333931'] });
    await api(token, 'POST', '/api/v1/inventory/adjustments', { storeId: store.id, productId: oat.id, delta: 4, reason: 'receipt' });
    const count = path.join(files, 'count.csv');
    writeFileSync(count, 'SKU;EAN;Counted\nOAT-1;;4\n;4006381333931;7\n');
    const page = await signedIn(account);
    await page.goto(`${stack.web.baseUrl}/inventory/count`);
    await page.getByRole('button', { name: 'Import a count file' }).click();
    await page.getByRole('heading', { name: 'Import a count for Altstadt' }).waitFor();
    const step = await checked(page, count);
    expect(await badges(step)).toBe('1 to change on hand 1 already right 0 with errors');
    await page.screenshot({ path: path.join(SCREENS, 'import-count.png'), fullPage: true });
    await step.getByRole('button', { name: 'Import all rows' }).click();
    await page.getByText('Count posted: 1 product changed on hand.').waitFor();
    const levels = await api<{ items: { sku: string; onHand: number }[] }>(token, 'GET', `/api/v1/inventory/levels?includeZero=true&storeId=${store.id}`);
    expect(levels.items.map((level) => [level.sku, level.onHand]).sort()).toEqual([
      ['OAT-1', 4],
      ['RYE-1', 7],
    ]);
  });

  it('exports the filtered product view to xlsx: only its rows and visible columns, typed cells, barcodes intact', async () => {
    const { account, token } = await shop('Export view', 'en-US');
    await api(token, 'POST', '/api/v1/products', { sku: 'TEA-1', name: 'Green tea', priceMinor: 350, barcodes: ['012345678905'] });
    await api(token, 'POST', '/api/v1/products', { sku: 'TEA-2', name: 'Black tea', priceMinor: 250, active: false });
    await api(token, 'POST', '/api/v1/products', { sku: 'JAM-1', name: 'Apricot jam', priceMinor: 420 });
    const page = await signedIn(account);
    await page.goto(`${stack.web.baseUrl}/products`);
    const grid = page.getByRole('grid', { name: /Products/ });
    await grid.getByRole('row', { name: /Apricot jam/ }).waitFor();
    await page.getByLabel('Search products').fill('tea');
    await page.getByLabel('Search products').press('Enter');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Active' });
    await grid.getByRole('row', { name: /Black tea/ }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Columns' }).click();
    const visible = page.getByRole('group', { name: 'Visible columns' });
    await visible.getByLabel('Barcodes').check();
    await visible.getByLabel('Status').uncheck();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export products' });
    await dialog.getByLabel(/Excel workbook/).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const file = path.join(files, 'exported.xlsx');
    await (await download).saveAs(file);
    expect((await download).suggestedFilename()).toBe('products.xlsx');
    const sheet = XLSX.read(readFileSync(file)).Sheets.Products;
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true })).toEqual([
      ['Name', 'SKU', 'Price', 'Barcodes'],
      ['Green tea', 'TEA-1', 3.5, '012345678905'],
    ]);
    expect([sheet.C2.t, sheet.D2.t]).toEqual(['n', 's']);
  });
});
