import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, freePort, startBuiltApi, startBuiltWeb, TEST_REDIS_URL, type ServerProcess, type TestDatabase } from '@kassa/testing';
import { accessibilityViolations } from './support/axe';
import { launchChromium, launchChromiumWithProfile } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, waitForServiceWorkerControl, type ShopAccount } from './support/shop-accounts';

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
  const manager = { name: 'Mia Manager', id: '' };
  const cashier = { name: 'Cem Cashier', pin: '1357' };
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
    const staff = async (name: string, role: string, pin: string): Promise<string> => {
      const email = `${name.split(' ')[0].toLowerCase()}@${account.slug}.test`;
      const created = await api<{ user: Created; invite: { token: string } }>(ownerToken, 'POST', '/api/v1/users', { name, email, role });
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
      await api(((await login.json()) as { accessToken: string }).accessToken, 'PUT', '/api/v1/me/pin', { pin, currentPassword: account.password });
      return created.user.id;
    };
    manager.id = await staff(manager.name, 'manager', PIN);
    await staff(cashier.name, 'cashier', cashier.pin);
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

  it('lists the offline refund on the back office Reconciliation page, where a manager marks it reviewed', async () => {
    const browser = await launchChromium();
    try {
      for (const colorScheme of ['dark', 'light'] as const) {
        const context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
        const office = await context.newPage();
        await signInThroughForm(office, web.baseUrl, account);
        await office.goto(`${web.baseUrl}/sales/reconciliation`);
        const refunds = office.getByRole('region', { name: 'Offline refunds to review' });
        const row = refunds.getByRole('row').filter({ hasText: '#1' });
        await row.getByText('Till 1').waitFor();
        await office.screenshot({ path: path.join(SCREENS, `reconciliation-refunds.1440x900.${colorScheme}.png`), fullPage: true });
        expect(await accessibilityViolations(office, ['serious', 'critical'])).toEqual([]);
        if (colorScheme === 'light') {
          await row.getByRole('button', { name: 'Mark reviewed: the refund of receipt #1' }).click();
          const dialog = office.getByRole('dialog', { name: 'Mark the refund of receipt #1 reviewed' });
          await dialog.getByLabel('Note').fill('Customer returned one tea; drawer counted');
          await dialog.getByRole('button', { name: 'Mark reviewed' }).click();
          await refunds.getByText('No offline refund waits for review').waitFor();
        }
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const open = await api<{ items: Created[] }>(ownerToken, 'GET', '/api/v1/sales/reconciliation/refunds');
    expect(open.items).toEqual([]);
    const done = await api<{ items: { reviewNote: string }[] }>(ownerToken, 'GET', '/api/v1/sales/reconciliation/refunds?status=reviewed');
    expect(done.items.map((item) => item.reviewNote)).toEqual(['Customer returned one tea; drawer counted']);
  });

  it("takes a cashier's refund of another till's sale, found online by receipt number, with a manager's PIN", async () => {
    // Two sales through the store's API register: receipt #2 is on no till of this device.
    const sell = () =>
      api<Created & { receiptNumber: number }>(ownerToken, 'POST', '/api/v1/sales', {
        storeId,
        lines: [{ productId: tea.id, quantity: 1 }],
        tenders: [{ type: 'card', amountMinor: 450 }],
      });
    await sell();
    const elsewhere = await sell();
    expect(elsewhere.receiptNumber).toBe(2);
    const stockBefore = await onHand();

    await page.getByRole('button', { name: /Switch cashier/ }).click();
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
    await page.getByRole('button', { name: new RegExp(`^${cashier.name}`) }).click();
    await page.getByLabel(`PIN for ${cashier.name}`).fill(cashier.pin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();

    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Refund' });
    await dialog.getByLabel('Receipt number').fill('2');
    await dialog.getByRole('button', { name: 'Find' }).click();
    await dialog.getByLabel('Refund units of Sencha Tea (1 left)').fill('1');
    await dialog.getByRole('radio', { name: 'Card' }).check();
    expect(await dialog.getByRole('button', { name: /^Refund .*4[.,]50/ }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Manager approval' }).click();
    await dialog.getByRole('button', { name: new RegExp(`^${manager.name}`) }).click();
    await dialog.getByLabel(`PIN for ${manager.name}`).fill(PIN);
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.getByText(`Approved by ${manager.name}`).waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'till-refund-approved.1280x800.light.png') });
    await dialog.getByRole('button', { name: /^Refund .*4[.,]50/ }).click();
    await page.getByText(/^Refunded .*4[.,]50.*\.$/).waitFor();

    const refunds = (
      await api<{ items: { approvedBy: string | null; offline: boolean; tenders: { type: string }[] }[] }>(
        ownerToken,
        'GET',
        `/api/v1/sales/${elsewhere.id}/refunds`,
      )
    ).items;
    expect(refunds).toEqual([expect.objectContaining({ approvedBy: manager.id, offline: false, tenders: [expect.objectContaining({ type: 'card' })] })]);
    expect(await onHand()).toBe(stockBefore + 1);
  });
});
