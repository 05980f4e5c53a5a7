import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');

interface Created {
  id: string;
}

describe('the purchasing screens, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let owner: ShopAccount;
  let manager: ShopAccount;
  let cashier: ShopAccount;
  let ownerToken: string;
  let storeId: string;
  let productId: string;

  const api = async <T>(method: string, path: string, body?: object): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${ownerToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  async function signedIn(account: ShopAccount, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack();
    browser = await launchChromium();
    owner = newShopAccount('Purchasing Shop');
    ownerToken = await createShop(stack.api.baseUrl, owner);
    storeId = (await api<Created>('POST', '/api/v1/stores', { name: 'Mitte', code: 'MIT-1' })).id;
    productId = (await api<Created>('POST', '/api/v1/products', { sku: 'OAT-1', name: 'Oat Milk', priceMinor: 249, costMinor: 100 })).id;
    await api('POST', '/api/v1/inventory/adjustments', { storeId, productId, delta: 3, reason: 'adjustment' });
    manager = await staff('Mia Manager', 'manager');
    cashier = await staff('Cas Cashier', 'cashier');
  });

  async function staff(name: string, role: 'manager' | 'cashier'): Promise<ShopAccount> {
    const account = { ...owner, email: `${role}-${owner.slug}@example.com`, ownerName: name };
    const invited = await api<{ invite: { token: string } }>('POST', '/api/v1/users', { name, email: account.email, role });
    const set = await fetch(`${stack.api.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invited.invite.token, password: account.password }),
    });
    if (set.status !== 204) throw new Error(`set-password answered ${set.status}`);
    return account;
  }

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('creates a supplier and an order, edits the draft, has a manager approve it, a cashier receive part of it by scanning, and moves stock and cost', async () => {
    let page = await signedIn(owner);
    await page.getByRole('link', { name: 'Purchasing' }).first().click();
    await page.waitForURL('**/purchasing');
    await page.getByRole('link', { name: 'Suppliers' }).click();
    await page.getByRole('button', { name: 'New supplier' }).click();
    const dialog = page.getByRole('dialog', { name: 'New supplier' });
    await dialog.getByLabel('Name').fill('Hafer Wholesale');
    await dialog.getByLabel('Email').fill('orders@hafer.example');
    await dialog.getByRole('button', { name: 'Add supplier' }).click();
    await page.getByRole('row', { name: /Hafer Wholesale/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'purchasing-suppliers.png'), fullPage: true });
    await page.getByRole('row', { name: /Hafer Wholesale/ }).click();
    await page.getByRole('heading', { name: 'Hafer Wholesale' }).waitFor();
    await page.getByText('No products yet').waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'purchasing-supplier.png'), fullPage: true });

    await page.goto(`${stack.web.baseUrl}/purchasing/orders/new`);
    await page.getByRole('combobox', { name: 'Supplier' }).selectOption({ label: 'Hafer Wholesale' });
    await page.getByRole('combobox', { name: 'Deliver to' }).selectOption({ label: 'Mitte' });
    await page.getByRole('combobox', { name: 'Add a product' }).fill('Oat');
    await page.getByRole('option', { name: /Oat Milk/ }).click();
    const units = page.getByLabel('Units of Oat Milk');
    await units.fill('8');
    const cost = page.getByLabel('Unit cost of Oat Milk');
    // Prefilled from the product's cost: the supplier has no price for it yet.
    const prefilled = await cost.inputValue();
    expect(prefilled).toMatch(/^1[.,]00$/);
    // Typed the shop's way (1,20 in a German shop).
    await cost.fill(prefilled.replace(/00$/, '20'));
    await cost.press('Tab');
    await page.screenshot({ path: path.join(SCREENS, 'purchasing-new-order.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/purchasing\/orders\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Purchase order PO-000001' }).waitFor();
    await page.getByRole('cell', { name: '8', exact: true }).waitFor();

    // The draft is changed in the same editor, saved with its version.
    await page.getByRole('button', { name: 'Edit draft' }).click();
    await page.getByRole('heading', { name: 'Edit PO-000001' }).waitFor();
    expect(await page.getByLabel('Units of Oat Milk').inputValue()).toBe('8');
    expect(await page.getByLabel('Unit cost of Oat Milk').inputValue()).toMatch(/^1[.,]20$/);
    await page.getByLabel('Units of Oat Milk').fill('10');
    await page.getByLabel('Expected date of Oat Milk').fill('2026-12-07');
    await page.screenshot({ path: path.join(SCREENS, 'purchasing-edit-draft.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/purchasing\/orders\/[0-9a-f-]{36}$/);
    await page.getByRole('cell', { name: '10', exact: true }).waitFor();
    const edited = await api<{ version: number; lines: { quantity: number; unitCostMinor: number; expectedDate: string | null }[] }>(
      'GET',
      `/api/v1/purchase-orders/${page.url().split('/').pop()}`,
    );
    expect(edited.lines).toMatchObject([{ quantity: 10, unitCostMinor: 120, expectedDate: '2026-12-07' }]);
    await page.getByRole('cell', { name: '07.12.2026' }).waitFor();
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByText('Awaiting approval', { exact: true }).waitFor();
    await context.close();

    page = await signedIn(manager);
    await page.goto(`${stack.web.baseUrl}/purchasing/approvals`);
    await page.getByRole('row', { name: /PO-000001/ }).click();
    await page.getByRole('heading', { name: 'Purchase order PO-000001' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Mark as ordered' }).click();
    await page.getByRole('heading', { name: 'Receive goods' }).waitFor();
    await context.close();

    // A cashier holds purchasing:receive but not purchasing:read: they find the delivery and receive it.
    page = await signedIn(cashier);
    await page.getByRole('link', { name: 'Purchasing' }).first().click();
    await page.getByRole('heading', { name: 'Deliveries to receive' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Purchasing' }).getByRole('link').allInnerTexts()).toEqual(['Orders']);
    await page.getByRole('row', { name: /PO-000001/ }).click();
    await page.getByRole('heading', { name: 'Purchase order PO-000001' }).waitFor();
    await page.getByRole('heading', { name: 'Receive goods' }).waitFor();
    await page.getByRole('link', { name: /Deliveries to receive/ }).waitFor();
    expect(await page.getByRole('button', { name: /Close: the rest will not come|Show the page for the supplier/ }).count()).toBe(0);

    const scan = page.getByLabel('Scan or type a barcode or SKU');
    for (let unit = 0; unit < 3; unit++) {
      await scan.fill('OAT-1');
      await scan.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: `Oat Milk: ${unit + 1}` })
        .waitFor();
    }
    const counted = page.getByRole('table', { name: 'Counted so far' }).getByRole('row', { name: /Oat Milk/ });
    expect(await counted.getAttribute('data-discrepancy')).toBe('short');
    await scan.fill('NOT-ON-ORDER');
    await scan.press('Enter');
    await page.getByRole('status').filter({ hasText: 'NOT-ON-ORDER is not on this order.' }).waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'purchasing-receiving.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Receive counted goods' }).click();
    await page.getByText('Partially received', { exact: true }).waitFor();
    // The receiver sees what reached the shelf: 3 + 3 on hand, and the cost averaged (3 · 1.00 + 3 · 1.20) / 6 = 1.10.
    const shelf = page.getByRole('table', { name: 'Received into stock' }).getByRole('row', { name: /Oat Milk/ });
    // On hand and cost load apart: wait for both (a cell still loading shows "…").
    await shelf.filter({ hasText: /1,10\s€/, hasNotText: '…' }).waitFor();
    expect((await shelf.getByRole('cell').allInnerTexts()).slice(1)).toEqual(['3', '6', expect.stringMatching(/^1,10\s€$/)]);
    await page.screenshot({ path: path.join(SCREENS, 'purchasing-received.png'), fullPage: true });

    const level = await api<{ items: { onHand: number }[] }>('GET', `/api/v1/inventory/levels?storeId=${storeId}&productId=${productId}`);
    expect(level.items[0].onHand).toBe(6);
    // (3 · 1.00 + 3 · 1.20) / 6 = 1.10
    expect((await api<{ costMinor: number }>('GET', `/api/v1/products/${productId}`)).costMinor).toBe(110);
  });

  it('lists what to reorder and drafts the orders, light and dark', async () => {
    const supplier = await api<Created>('POST', '/api/v1/suppliers', { name: 'Rye & Co', leadTimeDays: 4 });
    const rye = await api<Created>('POST', '/api/v1/products', { sku: 'RYE-1', name: 'Rye Bread', priceMinor: 320, costMinor: 150 });
    const put = await fetch(`${stack.api.baseUrl}/api/v1/suppliers/${supplier.id}/products/${rye.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ unitCostMinor: 140, packSize: 6, minOrderQuantity: 12, preferred: true }),
    });
    expect(put.status).toBe(200);
    for (const scheme of ['light', 'dark'] as const) {
      const page = await signedIn(owner, scheme);
      await page.goto(`${stack.web.baseUrl}/purchasing/reorder`);
      await page.getByRole('row', { name: /Rye Bread/ }).waitFor();
      await page.screenshot({ path: path.join(SCREENS, `purchasing-reorder-${scheme}.png`), fullPage: true });
      if (scheme === 'light') expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    }
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/purchasing/reorder`);
    await page.getByRole('checkbox', { name: 'Order Rye Bread' }).check();
    await page.getByRole('button', { name: 'Create draft orders' }).click();
    await page.waitForURL(/\/purchasing\/orders\/[0-9a-f-]{36}$/);
    await page.getByRole('cell', { name: /Rye Bread/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'purchasing-draft-from-reorder.png'), fullPage: true });
  });
});
