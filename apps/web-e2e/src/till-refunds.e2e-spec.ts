import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, freePort, startBuiltApi, startBuiltWeb, TEST_REDIS_URL, type ServerProcess, type TestDatabase } from '@kassa/testing';
import { launchChromiumWithProfile } from './support/chromium';
import { createShop, newShopAccount, waitForServiceWorkerControl, type ShopAccount } from './support/shop-accounts';

const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const PIN = '2580';

interface Created {
  id: string;
}

describe('refunds at the till (Chromium, built app, real API)', () => {
  let database: TestDatabase;
  let apiServer: ServerProcess;
  let web: ServerProcess;
  let profile: string;
  let tablet: BrowserContext;
  let page: Page;
  let account: ShopAccount;
  let ownerToken: string;
  let storeId: string;
  let tea: Created;
  const manager = { name: 'Mia Manager' };
  /** The till's writes the API answered, in order. */
  const posted: string[] = [];

  const api = async <T>(token: string, method: string, route: string, body?: object): Promise<T> => {
    const response = await fetch(`${apiServer.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const onHand = async () =>
    (await api<{ items: { onHand: number }[] }>(ownerToken, 'GET', `/api/v1/inventory/levels?storeId=${storeId}&productId=${tea.id}`)).items[0].onHand;
  const queueStatus = (text: RegExp) => page.getByRole('button', { name: text }).first();

  beforeAll(async () => {
    database = await createTestDatabase();
    apiServer = await startBuiltApi(await freePort(), {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `kassa-test:${database.name}:`,
    });
    web = await startBuiltWeb(await freePort(), { KASSA_API_URL: apiServer.baseUrl });
    profile = mkdtempSync(path.join(tmpdir(), 'kassa-refund-profile-'));

    account = newShopAccount('Refund Till');
    ownerToken = await createShop(apiServer.baseUrl, account);
    storeId = (await api<Created>(ownerToken, 'POST', '/api/v1/stores', { name: 'Mitte', code: 'MIT-1' })).id;
    const email = `mia@${account.slug}.test`;
    const created = await api<{ user: Created; invite: { token: string } }>(ownerToken, 'POST', '/api/v1/users', {
      name: manager.name,
      email,
      role: 'manager',
    });
    await fetch(`${apiServer.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: created.invite.token, password: account.password }),
    });
    const login = await fetch(`${apiServer.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: account.slug, email, password: account.password }),
    });
    await api(((await login.json()) as { accessToken: string }).accessToken, 'PUT', '/api/v1/me/pin', { pin: PIN, currentPassword: account.password });
    tea = await api<Created>(ownerToken, 'POST', '/api/v1/products', {
      sku: 'TEA',
      name: 'Sencha Tea',
      priceMinor: 450,
      taxRateBps: 700,
      barcodes: ['4006381333931'],
      trackStock: true,
    });
    await api(ownerToken, 'POST', '/api/v1/inventory/adjustments', { storeId, productId: tea.id, delta: 100, reason: 'receipt' });

    tablet = await launchChromiumWithProfile(profile);
    page = tablet.pages()[0] ?? (await tablet.newPage());
    await page.setViewportSize({ width: 1280, height: 800 });
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (response.request().method() === 'POST' && /^\/api\/v1\/sales(\/[^/]+\/refunds)?$/.test(url.pathname))
        posted.push(`${response.status()} ${url.pathname}`);
    });
    await page.goto(`${web.baseUrl}/pos`);
    await waitForServiceWorkerControl(page);
    await page.getByRole('heading', { name: 'Set up this till' }).waitFor();
    await page.getByLabel('Shop').fill(account.slug);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('combobox', { name: 'Store' }).selectOption({ label: 'Mitte' });
    await page.getByLabel('New register').fill('Till 1');
    await page.getByRole('button', { name: 'Create register' }).click();
    await page.getByRole('radio', { name: /Till 1/ }).check();
    await page.getByLabel('Name of this tablet').fill('Counter tablet');
    await page.getByRole('button', { name: 'Pair this tablet' }).click();
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
    await page.getByRole('button', { name: new RegExp(`^${manager.name}`) }).click();
    await page.getByLabel(`PIN for ${manager.name}`).fill(PIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();
  });

  afterAll(async () => {
    await tablet?.close();
    await web?.stop();
    await apiServer?.stop();
    await database?.drop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('refunds offline a sale made offline on this till; on sync the sale then the refund arrive, and the stock is right', async () => {
    await tablet.setOffline(true);
    await queueStatus(/^Offline · 0 waiting/).waitFor();
    const scanBox = page.getByRole('searchbox', { name: 'Scan or search' });
    for (let unit = 0; unit < 2; unit += 1) {
      await scanBox.fill('4006381333931');
      await scanBox.press('Enter');
    }
    await page.keyboard.press('F4');
    const pay = page.getByRole('dialog', { name: 'Take payment' });
    await pay.getByRole('button', { name: 'Cash', exact: true }).click();
    await page.getByRole('heading', { name: 'Sale complete · Receipt #1' }).waitFor();
    await page.getByRole('button', { name: 'New sale' }).click();

    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Refund' });
    await dialog.getByRole('button', { name: /^Receipt #1 · / }).click();
    await dialog.getByLabel('Refund units of Sencha Tea (2 left)').fill('1');
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, 'till-refund.1280x800.light.png') });
    await dialog.getByRole('button', { name: /^Refund .*4[.,]50/ }).click();
    await page.getByText(/^Refunded .*4[.,]50.* — saved on this device/).waitFor();
    await queueStatus(/^Offline · 2 waiting/).waitFor();
    expect(posted).toEqual([]);

    await tablet.setOffline(false);
    await queueStatus(/^Online · 0 waiting/).waitFor({ timeout: 60_000 });

    const { items } = await api<{ items: Created[] }>(ownerToken, 'GET', `/api/v1/sales?storeId=${storeId}`);
    expect(items).toHaveLength(1);
    const saleId = items[0].id;
    expect(posted).toEqual(['201 /api/v1/sales', `201 /api/v1/sales/${saleId}/refunds`]);
    const sale = await api<{ offline: boolean; receiptNumber: number; lines: { quantity: number; refundedQuantity: number }[] }>(
      ownerToken,
      'GET',
      `/api/v1/sales/${saleId}`,
    );
    expect(sale).toMatchObject({ offline: true, receiptNumber: 1, lines: [{ quantity: 2, refundedQuantity: 1 }] });
    const refunds = (
      await api<{ items: { offline: boolean; totalMinor: number; lines: { quantity: number; restock: boolean }[] }[] }>(
        ownerToken,
        'GET',
        `/api/v1/sales/${saleId}/refunds`,
      )
    ).items;
    expect(refunds).toEqual([expect.objectContaining({ offline: true, totalMinor: 450, lines: [expect.objectContaining({ quantity: 1, restock: true })] })]);
    expect(await onHand()).toBe(99);
    const review = await api<{ items: Created[] }>(ownerToken, 'GET', '/api/v1/sales/reconciliation/refunds');
    expect(review.items).toHaveLength(1);
  });
});
