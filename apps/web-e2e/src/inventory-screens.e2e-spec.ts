import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { BIG_SHOP_STORE, bigShopDatabase, bigShopOwner } from './support/big-shop';
import { launchChromium } from './support/chromium';
import { accessTokenFor, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const OAT_BARCODE = '4006381333931';

interface Created {
  id: string;
}
interface Level {
  storeId: string;
  onHand: number;
  reorderPoint: number | null;
  low: boolean;
}

// In the shop of 100,000 products (support/big-shop.ts), each stocked above its reorder point in Main Street: the
// products made here are found among them through the screens' own filters.
describe('the stock screens of a shop with 100,000 products, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  const owner = bigShopOwner;
  let cashier: ShopAccount;
  let ownerToken: string;
  let cashierToken: string;
  let main: string;
  let nord: string;
  let oat: string;

  const call = (token: string, method: string, path: string, body?: object) =>
    fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const api = async <T>(method: string, path: string, body?: object): Promise<T> => {
    const response = await call(ownerToken, method, path, body);
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const levelOf = async (storeId: string, productId: string) =>
    (await api<{ items: Level[] }>('GET', `/api/v1/inventory/levels?includeZero=true&storeId=${storeId}&productId=${productId}`)).items[0];

  async function signedIn(account: ShopAccount, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

  async function looked(page: Page, name: string) {
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
  }

  async function scan(page: Page, code: string, announced: string) {
    const field = page.getByLabel('Scan or type a barcode or SKU');
    await field.fill(code);
    await field.press('Enter');
    await page.getByRole('status').filter({ hasText: announced }).waitFor();
  }

  // Long enough for the first suite of a run to build the big shop (support/big-shop.ts) or wait for it.
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack({}, {}, bigShopDatabase);
    browser = await launchChromium();
    ownerToken = await accessTokenFor(stack.api.baseUrl, owner);
    main = (await api<{ items: { id: string; name: string }[] }>('GET', '/api/v1/stores')).items.find((store) => store.name === BIG_SHOP_STORE)?.id ?? '';
    nord = (await api<Created>('POST', '/api/v1/stores', { name: 'Nord', code: 'NRD-1' })).id;
    oat = (await api<Created>('POST', '/api/v1/products', { sku: 'OAT-1', name: 'Oat Milk', priceMinor: 249, barcodes: [OAT_BARCODE] })).id;
    await api('POST', '/api/v1/products', { sku: 'RYE-1', name: 'Rye Bread', priceMinor: 399, reorderPoint: 5 });
    await api('POST', '/api/v1/products', { sku: 'NEV-1', name: 'Never Moved', priceMinor: 100 });
    cashier = { ...owner, email: `cashier@${owner.slug}.kassa.test`, ownerName: 'Cleo Cashier' };
    const invited = await api<{ invite: { token: string } }>('POST', '/api/v1/users', { name: 'Cleo Cashier', email: cashier.email, role: 'cashier' });
    const set = await fetch(`${stack.api.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invited.invite.token, password: cashier.password }),
    });
    if (set.status !== 204) throw new Error(`set-password answered ${set.status}`);
    const login = await fetch(`${stack.api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: cashier.slug, email: cashier.email, password: cashier.password }),
    });
    cashierToken = ((await login.json()) as { accessToken: string }).accessToken;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('adjusts (reason required), sets a reorder point in place, counts with the variance shown first, transfers, and shows each in the ledger', async () => {
    const page = await signedIn(owner);
    await page.getByRole('link', { name: 'Stock', exact: true }).first().click();
    await page.waitForURL('**/inventory');
    await page.getByRole('main').getByRole('combobox', { name: 'Store' }).selectOption({ label: BIG_SHOP_STORE });
    const grid = page.getByRole('grid', { name: /Stock levels/ });
    const levelRows = grid.locator('tbody tr[data-index]');
    // Found by SKU: seeded names contain "Rye Bread" too, and rank as high for it.
    const findProduct = async (name: string, sku: string) => {
      await page.getByRole('combobox', { name: 'Find a product' }).fill(sku);
      await page.getByRole('option', { name: new RegExp(sku) }).click();
      // The unfiltered rows stay on screen until the product's arrive, and may hold a seeded namesake: wait for the SKU's
      // row, and for the list to be that row alone.
      await grid.getByRole('row', { name: new RegExp(`${name} ${sku}\\b`) }).waitFor();
      await levelRows.nth(1).waitFor({ state: 'detached' });
      expect(await levelRows.count()).toBe(1);
    };
    // Rye Bread is at its reorder point of 5 or below. (That it is the only one of the 100,003 is the products list's
    // Low stock filter in category-tree.e2e-spec.ts: the same read, which walks the whole catalog to say so.)
    await findProduct('Rye Bread', 'RYE-1');
    await grid
      .getByRole('row', { name: /Rye Bread/ })
      .getByText('Low')
      .waitFor();
    // Never moved anywhere, still listed, at 0.
    await findProduct('Never Moved', 'NEV-1');
    expect(await grid.getByRole('row', { name: /Never Moved/ }).innerText()).toMatch(/\b0\b/);
    await findProduct('Oat Milk', 'OAT-1');

    await page.getByRole('button', { name: 'Adjust Oat Milk' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adjust Oat Milk' });
    await dialog.getByLabel('Change in units').fill('12');
    await dialog.getByRole('button', { name: 'Post adjustment' }).click();
    await dialog.getByText('Say why the stock changes.').waitFor();
    expect((await levelOf(main, oat)).onHand).toBe(0);
    await dialog.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Goods received' });
    await dialog.getByLabel('Note').fill('Delivery from the dairy');
    await dialog.getByRole('button', { name: 'Post adjustment' }).click();
    await page.getByText('Oat Milk adjusted.').waitFor();
    expect((await levelOf(main, oat)).onHand).toBe(12);

    const reorder = page.getByLabel('Reorder point of Oat Milk');
    await reorder.fill('15');
    await reorder.press('Enter');
    await page.getByText('Oat Milk: reorder at 15.').waitFor();
    expect(await levelOf(main, oat)).toMatchObject({ onHand: 12, reorderPoint: 15, low: true });
    await grid
      .getByRole('row', { name: /Oat Milk/ })
      .getByText('Low')
      .waitFor();
    await looked(page, 'inventory-levels');

    await page.getByRole('link', { name: 'Count', exact: true }).click();
    await page.waitForURL('**/inventory/count');
    await page.getByRole('combobox', { name: 'Store counted' }).selectOption({ label: BIG_SHOP_STORE });
    for (let unit = 1; unit <= 3; unit++) await scan(page, OAT_BARCODE, `Oat Milk: ${unit} counted`);
    await scan(page, 'rye-1', 'Rye Bread: 1 counted');
    await scan(page, 'NO-SUCH-CODE', 'NO-SUCH-CODE is not a barcode or SKU of this shop.');
    const sheet = page.getByRole('table', { name: 'Count sheet' });
    expect(await sheet.getByRole('row', { name: /Oat Milk/ }).getAttribute('data-variance')).toBe('short');
    expect(await sheet.getByRole('row', { name: /Oat Milk/ }).innerText()).toContain('-9');
    expect(await sheet.getByRole('row', { name: /Rye Bread/ }).innerText()).toContain('+1');
    await page.getByText('2 counted, 2 differ: 1 unit over, 9 short.').waitFor();
    await looked(page, 'inventory-count');
    await page.getByRole('button', { name: 'Review and post' }).click();
    const review = page.getByRole('alertdialog', { name: 'Post this count?' });
    await review.getByText(/2 differ from on hand: 1 unit over, 9 short/).waitFor();
    // Nothing is booked before the count is confirmed.
    expect((await levelOf(main, oat)).onHand).toBe(12);
    await review.getByRole('button', { name: 'Post count' }).click();
    await page.getByText('Count posted: 2 differences booked.').waitFor();
    expect((await levelOf(main, oat)).onHand).toBe(3);

    await page.getByRole('link', { name: 'Transfer', exact: true }).click();
    await page.waitForURL('**/inventory/transfers');
    await page.getByRole('combobox', { name: 'From', exact: true }).selectOption({ label: BIG_SHOP_STORE });
    await page.getByRole('combobox', { name: 'To', exact: true }).selectOption({ label: 'Nord' });
    await scan(page, 'OAT-1', 'Oat Milk: 1 to send');
    await scan(page, OAT_BARCODE, 'Oat Milk: 2 to send');
    await looked(page, 'inventory-transfer');
    await page.getByRole('button', { name: 'Send transfer' }).click();
    await page.getByText('Transferred 2 units.').waitFor();
    expect([(await levelOf(main, oat)).onHand, (await levelOf(nord, oat)).onHand]).toEqual([1, 2]);

    await page.goto(`${stack.web.baseUrl}/inventory/products/${oat}`);
    await page.getByRole('heading', { name: 'Stock of Oat Milk' }).waitFor();
    const perStore = page.getByRole('table', { name: 'Stock per store' });
    expect(await perStore.getByRole('row', { name: new RegExp(BIG_SHOP_STORE) }).innerText()).toMatch(new RegExp(`${BIG_SHOP_STORE}\\s+1\\b`));
    expect(await perStore.getByRole('row', { name: /Nord/ }).innerText()).toMatch(/Nord\s+2\b/);
    const ledger = page.getByRole('table', { name: /Ledger of Oat Milk/ });
    await ledger.getByRole('row', { name: /Transfer in/ }).waitFor();
    const rows = await ledger.getByRole('row').allInnerTexts();
    const reasons = rows.slice(1).map((row) => row.match(/Transfer in|Transfer out|Count|Goods received/)?.[0]);
    expect(reasons.sort()).toEqual(['Count', 'Goods received', 'Transfer in', 'Transfer out']);
    const received = await ledger.getByRole('row', { name: /Goods received/ }).innerText();
    expect(received).toContain('+12');
    expect(received).toContain(owner.ownerName);
    expect(received).toContain('Delivery from the dairy');
    expect(await ledger.getByRole('row', { name: /Count/ }).innerText()).toContain('-9');
    await looked(page, 'inventory-product-ledger');

    await ledger
      .getByRole('row', { name: /Transfer out/ })
      .getByRole('link', { name: /^Transfer / })
      .click();
    await page.waitForURL(/\/inventory\/ledger\?referenceId=[0-9a-f-]{36}$/);
    const movements = page.getByRole('table', { name: /Stock movements/ });
    await movements.getByRole('row', { name: /Transfer in/ }).waitFor();
    expect(await movements.getByRole('row').count()).toBe(3);
    await looked(page, 'inventory-ledger-reference');
  });

  it('shows every stock screen in dark without serious accessibility problems', async () => {
    const page = await signedIn(owner, 'dark');
    for (const [route, ready, name] of [
      ['/inventory', page.getByRole('grid', { name: /Stock levels/ }).locator('tbody tr[data-index]'), 'inventory-levels-dark'],
      ['/inventory/count', page.getByText('Nothing counted yet'), 'inventory-count-dark'],
      ['/inventory/transfers', page.getByText('Nothing to send yet'), 'inventory-transfer-dark'],
      ['/inventory/ledger', page.getByRole('table', { name: /Stock movements/ }).getByRole('row', { name: /Goods received/ }), 'inventory-ledger-dark'],
      [`/inventory/products/${oat}`, page.getByRole('table', { name: 'Stock per store' }), 'inventory-product-ledger-dark'],
      ['/inventory/count/import', page.getByRole('heading', { name: /Import a count/ }), 'inventory-count-import-dark'],
    ] as const) {
      await page.goto(`${stack.web.baseUrl}${route}`);
      await ready.first().waitFor();
      await looked(page, name);
    }
  });

  it('shows a cashier the levels and the ledger without one manage-only control, and the API refuses them anyway', async () => {
    const page = await signedIn(cashier);
    await page.goto(`${stack.web.baseUrl}/inventory`);
    const grid = page.getByRole('grid', { name: /Stock levels/ });
    await grid.locator('tbody tr[data-index]').first().waitFor();
    expect(await page.getByRole('button', { name: /^Adjust/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Count stock' }).count()).toBe(0);
    expect(await page.getByLabel(/^Reorder point of/).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Stock' }).getByRole('link').allInnerTexts()).toEqual(['Stock levels', 'Ledger']);
    await looked(page, 'inventory-levels-cashier');
    await page.goto(`${stack.web.baseUrl}/inventory/count`);
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();

    const refused = await Promise.all([
      call(cashierToken, 'POST', '/api/v1/inventory/adjustments', { storeId: main, productId: oat, delta: 1, reason: 'receipt' }),
      call(cashierToken, 'POST', '/api/v1/inventory/counts', { storeId: main, lines: [{ productId: oat, counted: 50 }] }),
      call(cashierToken, 'POST', '/api/v1/inventory/transfers', { fromStoreId: main, toStoreId: nord, lines: [{ productId: oat, quantity: 1 }] }),
      call(cashierToken, 'PATCH', `/api/v1/inventory/levels/${main}/${oat}`, { reorderPoint: 1 }),
    ]);
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403]);
    expect((await levelOf(main, oat)).onHand).toBe(1);
  });
});
