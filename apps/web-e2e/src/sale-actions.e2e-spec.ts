import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signInOnTill } from '@kassa/testing';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { boxesBeforeAndAfter, holdBack } from './support/layout-shift';
import { apiCallTo, createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const DAY_MS = 86_400_000;

interface Created {
  id: string;
}
interface RungUpSale extends Created {
  receiptNumber: number;
  totalMinor: number;
  lines: { id: string; productId: string; totalMinor: number }[];
}

describe('refunding, voiding and mailing a sale from its page, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let account: ShopAccount;
  let token: string;
  let storeId: string;
  let teaId: string;
  let twoLineSale: RungUpSale;
  let oldSale: RungUpSale;

  const api = async <T>(method: string, path: string, body?: object, bearer = token): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const onHand = async (productId: string) =>
    (await api<{ items: { onHand: number }[] }>('GET', `/api/v1/inventory/levels?storeId=${storeId}&productId=${productId}`)).items[0]?.onHand ?? 0;

  async function signedIn(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack();
    browser = await launchChromium();
    account = newShopAccount('Refund Shop');
    token = await createShop(stack.api.baseUrl, account);
    storeId = (await api<Created>('POST', '/api/v1/stores', { name: 'Mitte', code: 'MIT-1' })).id;
    teaId = (await api<Created>('POST', '/api/v1/products', { sku: 'TEA-SEN', name: 'Sencha Tea', priceMinor: 450, taxRateBps: 700, trackStock: true })).id;
    const mugId = (await api<Created>('POST', '/api/v1/products', { sku: 'MUG-1', name: 'Stoneware Mug', priceMinor: 1200, trackStock: true })).id;
    for (const productId of [teaId, mugId]) await api('POST', '/api/v1/inventory/adjustments', { storeId, productId, delta: 10, reason: 'receipt' });
    twoLineSale = await api<RungUpSale>('POST', '/api/v1/sales', {
      storeId,
      lines: [
        { productId: teaId, quantity: 2 },
        { productId: mugId, quantity: 1 },
      ],
      tenders: [{ type: 'card', amountMinor: 2100 }],
    });
    // A sale of two days ago can only come from a till (backdated sales are offline ones).
    const register = await api<Created>('POST', `/api/v1/stores/${storeId}/registers`, { name: 'Till 1' });
    const owner = await api<{ user: Created }>('GET', '/api/v1/me');
    const till = await signInOnTill(apiCallTo(stack.api.baseUrl), {
      managerToken: token,
      storeId,
      registerId: register.id,
      user: { id: owner.user.id, accessToken: token, password: account.password },
    });
    oldSale = await api<RungUpSale>(
      'POST',
      '/api/v1/sales',
      {
        storeId,
        registerId: till.registerId,
        receiptNumber: 7,
        offline: true,
        occurredAt: new Date(Date.now() - 2 * DAY_MS).toISOString(),
        lines: [{ productId: mugId, quantity: 1 }],
        tenders: [{ type: 'cash', amountMinor: 1200 }],
      },
      till.accessToken,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('finds a sale by receipt number, refunds 1 of its 2 lines with restock, and shows the refund, the stock and who did it', async () => {
    const teaBefore = await onHand(teaId);
    const page = await signedIn();
    await page.goto(`${stack.web.baseUrl}/sales`);
    await page.getByRole('searchbox', { name: 'Search sales' }).fill(String(twoLineSale.receiptNumber));
    const grid = page.getByRole('grid', { name: /Sales/ });
    await grid.getByRole('row', { name: new RegExp(`#${twoLineSale.receiptNumber}\\b`) }).click();
    await page.waitForURL(`**/sales/${twoLineSale.id}`);

    await page.getByRole('button', { name: 'Refund' }).click();
    const dialog = page.getByRole('dialog', { name: `Refund receipt #${twoLineSale.receiptNumber}` });
    const teaUnits = dialog.getByLabel('Units of Sencha Tea to refund');
    await teaUnits.fill('1');
    expect(
      await dialog
        .getByRole('group', { name: /Sencha Tea/ })
        .getByLabel('Back in stock')
        .isChecked(),
    ).toBe(true);
    await dialog.getByLabel('Refund to').selectOption({ label: 'Card' });
    await dialog.getByLabel('Reason').fill('Tin was dented');
    await page.screenshot({ path: path.join(SCREENS, 'sale-refund-dialog.desktop.light.png'), fullPage: true });
    // Half of the tea line (2 × 4.50): 4.50 back, by keyboard from the reason field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Refund .*4[.,]50/);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const refunds = page.getByRole('region', { name: 'Refunds' });
    await refunds.getByText('Tin was dented').waitFor();
    expect(await refunds.innerText()).toMatch(/1 × Sencha Tea — \S*4[.,]50.*back in stock/s);
    expect(
      await page
        .getByRole('region', { name: 'Lines' })
        .getByRole('row', { name: /Sencha Tea/ })
        .innerText(),
    ).toMatch(/1 refunded/);
    expect(await onHand(teaId)).toBe(teaBefore + 1);

    const history = page.getByRole('list', { name: `History of receipt #${twoLineSale.receiptNumber}` });
    const refundEntry = history.getByRole('listitem').filter({ hasText: 'Refunded' });
    await refundEntry.waitFor();
    expect(await refundEntry.innerText()).toMatch(new RegExp(`by ${account.ownerName}`));
    expect(await refundEntry.innerText()).toMatch(/Tin was dented/);
    await page.screenshot({ path: path.join(SCREENS, 'sale-refunded-history.desktop.light.png'), fullPage: true });
    // A sale with a refund can no longer be voided: the button is gone.
    expect(await page.getByRole('button', { name: 'Void' }).count()).toBe(0);
  });

  it('explains in words why a sale of an earlier business day cannot be voided', async () => {
    const page = await signedIn();
    await page.goto(`${stack.web.baseUrl}/sales/${oldSale.id}`);
    await page.getByRole('button', { name: 'Void' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Void receipt #${oldSale.receiptNumber}?` });
    await dialog.getByLabel('Reason').fill('Customer changed their mind');
    await dialog.getByRole('button', { name: 'Void the sale' }).click();
    await dialog.getByRole('alert').getByText('A sale can be voided only on its own business day; refund it instead.').waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'sale-void-refused.desktop.light.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Keep the sale' }).click();
    expect((await api<{ status: string }>('GET', `/api/v1/sales/${oldSale.id}`)).status).toBe('completed');
  });

  it('mails the receipt to an address typed on the page', async () => {
    const page = await signedIn();
    await page.goto(`${stack.web.baseUrl}/sales/${oldSale.id}`);
    await page.getByRole('button', { name: 'Email receipt' }).click();
    const dialog = page.getByRole('dialog', { name: `Email receipt #${oldSale.receiptNumber}` });
    await dialog.getByLabel('Email address').fill('guest@example.com');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await page.getByText(`Receipt #${oldSale.receiptNumber} is on its way to guest@example.com.`).waitFor();
    const history = page.getByRole('list', { name: `History of receipt #${oldSale.receiptNumber}` });
    await history.getByRole('listitem').filter({ hasText: 'guest@example.com' }).waitFor();
  });

  it('shows its action buttons all at once, so none moves under a click when the permissions arrive late', async () => {
    // Routes see the API's requests only without the service worker in between.
    context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    await holdBack(page, '**/api/v1/me', 1_500);
    await page.goto(`${stack.web.baseUrl}/sales/${oldSale.id}`);
    const [before, after] = await boxesBeforeAndAfter(page.getByRole('button', { name: 'Email receipt' }), page.getByRole('button', { name: 'Refund' }));
    expect(after).toEqual(before);
  });

  it.each(['light', 'dark'] as const)('has no serious or critical axe violations on the refund and void dialogs in %s mode', async (colorScheme) => {
    const page = await signedIn(colorScheme);
    await page.goto(`${stack.web.baseUrl}/sales/${oldSale.id}`);
    await page.getByRole('list', { name: `History of receipt #${oldSale.receiptNumber}` }).waitFor();
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.getByRole('button', { name: 'Refund' }).click();
    await page.getByRole('dialog', { name: /Refund receipt/ }).waitFor();
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `sale-refund-dialog.desktop.${colorScheme}.png`), fullPage: true });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Void' }).click();
    await page.getByRole('alertdialog', { name: /Void receipt/ }).waitFor();
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `sale-void-dialog.desktop.${colorScheme}.png`), fullPage: true });
  });
});
