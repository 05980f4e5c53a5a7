import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '@kassa/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { bigShopDatabase, bigShopOwner } from './support/big-shop';
import { launchChromium } from './support/chromium';
import { boxesBeforeAndAfter, holdBack } from './support/layout-shift';
import { accessTokenFor, signInThroughForm } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');

interface StoredProduct {
  id: string;
  name: string;
  priceMinor: number;
  barcodes: string[];
  version: number;
}

// In the shop of 100,000 products (support/big-shop.ts): the products made here are named from A or B, so they lead
// the list by name; others are found through the search.
describe('creating, editing, deleting and restoring a product among 100,000, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let token: string;

  const call = (method: string, route: string, body?: object, headers: Record<string, string> = {}) =>
    fetch(`${stack.api.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });

  async function signedIn(colorScheme: 'light' | 'dark'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, bigShopOwner);
    return page;
  }

  async function looked(page: Page, name: string) {
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
  }

  // Long enough for the first suite of a run to build the big shop (support/big-shop.ts) or wait for it.
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack({}, {}, bigShopDatabase);
    browser = await launchChromium();
    token = await accessTokenFor(stack.api.baseUrl, bigShopOwner);
    const taken = await call('POST', '/api/v1/products', { sku: 'TAKEN-1', name: 'Already here', priceMinor: 100 });
    if (taken.status !== 201) throw new Error(`product answered ${taken.status}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('creates with errors shown in place, edits, shows the conflict dialog on a 412, deletes and undoes', async () => {
    const page = await signedIn('light');
    await page.goto(`${stack.web.baseUrl}/products`);
    await page
      .getByRole('grid', { name: /Products/ })
      .getByRole('row', { name: /Already here/ })
      .waitFor();
    await page.getByRole('button', { name: 'New product' }).click();
    const dialog = page.getByRole('dialog', { name: 'New product' });
    await dialog.getByLabel('Name').fill('Green tea');
    await dialog.getByLabel('SKU').fill('TAKEN-1');
    // Typed the shop's way (a euro shop in German: decimal comma).
    await dialog.getByLabel('Price').fill('3,50');
    const barcodes = dialog.getByLabel('Barcodes');
    // The check digit is checked as it is typed, before anything is sent.
    await barcodes.fill('4006381333932');
    await dialog.getByText('4006381333932 is not a valid GTIN: its last digit (the check digit) does not match.').waitFor();
    await barcodes.fill('4006381333931');
    await dialog.getByText(/is not a valid GTIN/).waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Create product' }).click();
    // The API's 409 lands on the SKU field.
    await page.waitForFunction(() => document.querySelector('dialog[open] input[aria-invalid="true"]') !== null);
    expect(await dialog.getByLabel('SKU').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Price').getAttribute('aria-invalid')).toBeNull();
    await looked(page, 'product-new-field-error');
    await dialog.getByLabel('SKU').fill('TEA-1');
    await dialog.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Green tea' }).waitFor();
    const id = page.url().split('/').pop() as string;

    await page.getByLabel('Price').fill('4,00');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Green tea saved.').waitFor();
    const saved = (await (await call('GET', `/api/v1/products/${id}`)).json()) as StoredProduct;
    expect([saved.priceMinor, saved.barcodes]).toEqual([400, ['4006381333931']]);

    // Someone else renames it meanwhile: saving the form's older version is a 412.
    const other = await call('PATCH', `/api/v1/products/${id}`, { name: 'Green tea, loose' }, { 'If-Match': `"${saved.version}"` });
    expect(other.status).toBe(200);
    await page.getByLabel('Price').fill('4,50');
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('alertdialog', { name: 'Changed by someone else' });
    await conflict.waitFor();
    await looked(page, 'product-conflict');
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { level: 1, name: 'Green tea, loose' }).waitFor();
    // The heading shows the refetched product a render before the form is reset with it.
    expect(
      await eventually(
        () => page.getByLabel('Name').inputValue(),
        (name) => name === 'Green tea, loose',
      ),
    ).toBe('Green tea, loose');
    expect(((await (await call('GET', `/api/v1/products/${id}`)).json()) as StoredProduct).priceMinor).toBe(400);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL('**/products');
    expect((await call('GET', `/api/v1/products/${id}`)).status).toBe(404);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Green tea, loose is back.').waitFor();
    const restored = (await (await call('GET', `/api/v1/products/${id}`)).json()) as StoredProduct;
    expect([restored.name, restored.barcodes]).toEqual(['Green tea, loose', ['4006381333931']]);
    // Back in the list: the search finds it among the 100,000 again, by its barcode, as the first row.
    await page.getByLabel('Search products').fill('4006381333931');
    await page.getByLabel('Search products').press('Enter');
    await page
      .getByRole('grid', { name: /Products/ })
      .locator('tbody tr[data-index="0"]', { hasText: 'Green tea, loose' })
      .waitFor();
  });

  it('changes the category of the selected products, deletes them together and brings them back with Undo', async () => {
    const made = async (body: object) => ((await (await call('POST', '/api/v1/products', body)).json()) as { id: string }).id;
    const category = ((await (await call('POST', '/api/v1/categories', { name: 'Biscuits' })).json()) as { id: string }).id;
    const ids = [
      await made({ sku: 'BULK-1', name: 'Bulk Anise', priceMinor: 100, barcodes: ['012345678905'] }),
      await made({ sku: 'BULK-2', name: 'Bulk Butter', priceMinor: 100 }),
    ];
    const page = await signedIn('light');
    await page.goto(`${stack.web.baseUrl}/products`);
    const grid = page.getByRole('grid', { name: /Products/ });
    await grid.getByRole('row', { name: /Bulk Butter/ }).waitFor();
    await page.getByLabel('Select Bulk Anise').check();
    await page.getByLabel('Select Bulk Butter').check();
    await page.getByRole('button', { name: 'Change category' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the category of 2 products' });
    await dialog.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Biscuits' });
    await dialog.getByRole('button', { name: 'Change category' }).click();
    await page.getByText('Category changed for 2 products.').waitFor();
    const stored = async () => Promise.all(ids.map(async (id) => (await call('GET', `/api/v1/products/${id}`)).json() as Promise<{ categoryId: string }>));
    expect((await stored()).map((product) => product.categoryId)).toEqual([category, category]);

    await page.getByLabel('Select Bulk Anise').check();
    await page.getByLabel('Select Bulk Butter').check();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog', { name: 'Delete 2 products?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('2 products deleted.').waitFor();
    expect(await Promise.all(ids.map(async (id) => (await call('GET', `/api/v1/products/${id}`)).status))).toEqual([404, 404]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('2 products are back.').waitFor();
    const back = (await stored()) as unknown as { barcodes: string[]; categoryId: string }[];
    expect(back.map((product) => [product.categoryId, product.barcodes])).toEqual([
      [category, ['012345678905']],
      [category, []],
    ]);
  });

  it("shows the product page's buttons all at once, so Delete never takes the place of another under the pointer", async () => {
    const created = await call('POST', '/api/v1/products', { sku: 'BTN-1', name: 'Button Test Tea', priceMinor: 250 });
    const { id } = (await created.json()) as StoredProduct;
    // Routes see the API's requests only without the service worker in between.
    context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, bigShopOwner);
    await holdBack(page, '**/api/v1/me', 1_500);
    await page.goto(`${stack.web.baseUrl}/products/${id}`);
    const [before, after] = await boxesBeforeAndAfter(page.getByRole('button', { name: 'Stock and ledger' }), page.getByRole('button', { name: 'Delete' }));
    expect(after).toEqual(before);
  });

  it('shows the new product form in dark without serious accessibility problems', async () => {
    const page = await signedIn('dark');
    await page.goto(`${stack.web.baseUrl}/products`);
    await page
      .getByRole('grid', { name: /Products/ })
      .getByRole('row', { name: /Already here/ })
      .waitFor();
    await page.getByRole('button', { name: 'New product' }).click();
    await page.getByRole('dialog', { name: 'New product' }).getByLabel('Name').waitFor();
    await looked(page, 'product-new-dark');
  });
});
