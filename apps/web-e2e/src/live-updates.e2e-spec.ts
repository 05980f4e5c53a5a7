import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');

interface Created {
  id: string;
}
interface RungUpSale extends Created {
  receiptNumber: number;
  totalMinor: number;
}

describe('live updates in the back office, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let owner: ShopAccount;
  let manager: ShopAccount;
  let ownerToken: string;
  let otherShopToken: string;
  let storeId: string;
  let otherStoreId: string;
  let productId: string;
  let otherProductId: string;

  const api = async <T>(token: string, method: string, path: string, body?: object): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  const sell = (token: string, store: string, product: string, quantity: number, priceMinor: number) =>
    api<RungUpSale>(token, 'POST', '/api/v1/sales', {
      storeId: store,
      lines: [{ productId: product, quantity }],
      tenders: [{ type: 'card', amountMinor: priceMinor * quantity }],
    });

  async function signedInManager(colorScheme: 'light' | 'dark'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.web.baseUrl}/login`);
    await page.getByLabel('Shop').fill(manager.slug);
    await page.getByLabel('Email').fill(manager.email);
    await page.getByLabel('Password').fill(manager.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByRole('status', { name: 'Connection: Live' }).waitFor();
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack({ OUTBOX_POLL_MS: '200' });
    browser = await launchChromium();
    owner = newShopAccount('Live Shop');
    ownerToken = await createShop(stack.api.baseUrl, owner);
    storeId = (await api<Created>(ownerToken, 'POST', '/api/v1/stores', { name: 'Mitte', code: 'MIT-1' })).id;
    productId = (await api<Created>(ownerToken, 'POST', '/api/v1/products', { sku: 'OAT-1', name: 'Oat Milk', priceMinor: 249, reorderPoint: 3 })).id;
    await api(ownerToken, 'POST', '/api/v1/inventory/adjustments', { storeId, productId, delta: 5, reason: 'adjustment' });
    manager = { ...owner, email: `manager-${owner.slug}@example.com`, ownerName: 'Mia Manager' };
    const invited = await api<{ invite: { token: string } }>(ownerToken, 'POST', '/api/v1/users', {
      name: 'Mia Manager',
      email: manager.email,
      role: 'manager',
      storeIds: [storeId],
    });
    const set = await fetch(`${stack.api.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invited.invite.token, password: manager.password }),
    });
    if (set.status !== 204) throw new Error(`set-password answered ${set.status}`);

    const otherShop = newShopAccount('Other Live Shop');
    otherShopToken = await createShop(stack.api.baseUrl, otherShop);
    otherStoreId = (await api<Created>(otherShopToken, 'POST', '/api/v1/stores', { name: 'Elsewhere', code: 'ELS-1' })).id;
    otherProductId = (await api<Created>(otherShopToken, 'POST', '/api/v1/products', { sku: 'OAT-1', name: 'Oat Milk', priceMinor: 249, trackStock: false }))
      .id;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('shows a sale made through the API in the dashboard feed, and low stock in a toast and the bell, without a reload', async () => {
    const page = await signedInManager('light');
    const feed = page.getByRole('region', { name: 'Live sales' });
    await feed.getByText('No sales yet').waitFor();
    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    expect(await bell.getAttribute('aria-label')).toBe('Notifications, 0 unread');
    // Survives only while the page is not reloaded.
    await page.evaluate(() => Object.assign(window, { kassaLiveMarker: true }));

    await sell(otherShopToken, otherStoreId, otherProductId, 1, 249);
    const sale = await sell(ownerToken, storeId, productId, 3, 249);

    await feed.getByRole('link', { name: `Receipt #${sale.receiptNumber}` }).waitFor();
    expect(await feed.getByRole('listitem').count()).toBe(1);
    expect(await feed.getByRole('listitem').innerText()).toMatch(/Mitte[\s\S]*7[.,]47/);
    await page
      .getByRole('region', { name: 'Notifications' })
      .getByText(/Stock is running low: 2 left/)
      .waitFor();
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    expect(await page.evaluate(() => 'kassaLiveMarker' in window)).toBe(true);
    await page.screenshot({ path: path.join(SCREENS, 'dashboard-live.desktop.light.png'), fullPage: true });

    await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    const drawer = page.getByRole('dialog', { name: 'Notifications' });
    const item = drawer.getByRole('listitem').filter({ hasText: 'Stock is running low' });
    await item.waitFor();
    expect(await item.innerText()).toMatch(/2 left, at or below the reorder point of 3/);
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, 'notifications.desktop.light.png'), fullPage: true });
    await item.getByRole('button', { name: 'Mark read' }).click();
    // Exact: 'Mark all read' in the footer holds the words too, and alone it would satisfy the wait before the mark lands.
    await drawer.getByText('All read', { exact: true }).waitFor();
    // The count and the list are two queries refetched apart: the item's marker goes when the list's answer arrives.
    await item.getByText('Unread', { exact: true }).waitFor({ state: 'detached' });

    await item.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(`**/products/${productId}`);
  });

  it('has no serious or critical axe violations on the live dashboard and the bell in dark mode', async () => {
    const page = await signedInManager('dark');
    await page.getByRole('region', { name: 'Live sales' }).getByRole('listitem').first().waitFor();
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, 'dashboard-live.desktop.dark.png'), fullPage: true });
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('dialog', { name: 'Notifications' }).getByRole('listitem').first().waitFor();
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, 'notifications.desktop.dark.png'), fullPage: true });
  });
});
