import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { accessTokenFor, createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');

interface Created {
  id: string;
}

describe('the administration screens (API keys, webhooks, audit log), in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let owner: ShopAccount;
  let cashier: ShopAccount;
  let ownerToken: string;
  let productId: string;
  // A partner's endpoint on loopback: answers `receiverStatus` and counts what it got.
  let receiver: Server;
  let receiverStatus = 200;
  let received = 0;

  const call = (method: string, path: string, bearer: string, body?: object) =>
    fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const api = async <T>(method: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${ownerToken}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  async function signedIn(account: ShopAccount, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received += 1;
        response.writeHead(receiverStatus, { 'content-type': 'text/plain' }).end(receiverStatus === 200 ? 'thanks' : 'receiver is down');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    stack = await startWebStack({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    browser = await launchChromium();
    owner = newShopAccount('Admin Shop');
    ownerToken = await createShop(stack.api.baseUrl, owner);
    const product = await api<Created & { version: number }>('POST', '/api/v1/products', { sku: 'TEA-GEN', name: 'Genmaicha', priceMinor: 450 });
    productId = product.id;
    await api('PATCH', `/api/v1/products/${productId}`, { priceMinor: 520, name: 'Genmaicha Tea' }, { 'if-match': `"${product.version}"` });

    cashier = { ...owner, email: `cashier-${owner.slug}@example.com`, ownerName: 'Cleo Cashier' };
    const invited = await api<{ invite: { token: string } }>('POST', '/api/v1/users', { name: 'Cleo Cashier', email: cashier.email, role: 'cashier' });
    const set = await fetch(`${stack.api.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invited.invite.token, password: cashier.password }),
    });
    if (set.status !== 204) throw new Error(`set-password answered ${set.status}`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  afterEach(async () => {
    await context?.close();
  });

  it('creates an API key with only catalog:read, shows it once, and revoking it locks it out at once', async () => {
    const page = await signedIn(owner);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByRole('heading', { name: 'No API keys yet' }).waitFor();

    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Name').fill('Shelf sync');
    await dialog.getByRole('checkbox', { name: 'catalog:read', exact: true }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('dialog', { name: 'Key Shelf sync created' });
    const key = await shown.getByLabel('API key').inputValue();
    expect(key).toMatch(/^kas_/);
    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await page.screenshot({ path: path.join(SCREENS, 'api-key-created.desktop.light.png'), fullPage: true });
    await shown.getByRole('button', { name: 'Done' }).click();

    expect((await call('GET', '/api/v1/products', key)).status).toBe(200);
    expect((await call('POST', '/api/v1/products', key, { sku: 'KEY-1', name: 'By key', priceMinor: 100 })).status).toBe(403);

    const row = page.getByRole('table', { name: /API keys/ }).getByRole('row', { name: /Shelf sync/ });
    expect(await row.innerText()).toMatch(/catalog:read/);
    // Revoked by keyboard: the row's button, then the confirmation.
    await row.getByRole('button', { name: 'Revoke Shelf sync' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Revoke Shelf sync?' });
    await confirm.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await row.waitFor({ state: 'detached' });
    expect((await call('GET', '/api/v1/products', key)).status).toBe(401);
  });

  it('adds a webhook, sends a test that arrives with status 200 and its latency, and redelivers after the receiver fails', async () => {
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/settings/webhooks`);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await dialog.getByLabel('URL').fill(url);
    await dialog.getByRole('checkbox', { name: 'product.updated', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'sale.created', exact: true }).check();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const shown = page.getByRole('dialog', { name: 'Endpoint added' });
    expect(await shown.getByLabel('Signing secret').inputValue()).toMatch(/^whsec_/);
    await shown.getByRole('button', { name: 'Open the endpoint' }).click();
    await page.getByRole('heading', { level: 1, name: url }).waitFor();
    expect(await page.getByRole('region', { name: 'Endpoint' }).innerText()).toMatch(/product\.updated, sale\.created/);

    await page.getByRole('button', { name: 'Send test' }).click();
    const deliveries = page.getByRole('grid', { name: /Deliveries/ });
    const delivered = deliveries.getByRole('row', { name: /webhook\.test.*Delivered/ });
    await delivered.waitFor();
    await delivered.click();
    let drawer = page.getByRole('dialog', { name: 'Delivery of webhook.test' });
    const firstAttempt = drawer.getByRole('table', { name: 'Attempts' }).getByRole('row', { name: /^1\b/ });
    expect(await firstAttempt.innerText()).toMatch(/200\s+\d+ ms\s+thanks/);
    await page.screenshot({ path: path.join(SCREENS, 'webhook-delivery.desktop.light.png'), fullPage: true });

    receiverStatus = 500;
    const before = received;
    await drawer.getByRole('button', { name: 'Redeliver' }).click();
    await drawer.waitFor({ state: 'detached' });
    const failed = deliveries.getByRole('row', { name: /webhook\.test.*(Retrying|Failed)/ });
    // Sent after the request by the delivery queue; the log asks again every few seconds.
    await failed.waitFor({ timeout: 60_000 });
    expect(await deliveries.locator(':scope > tbody > tr').count()).toBe(2);
    expect(received).toBeGreaterThan(before);
    await failed.click();
    drawer = page.getByRole('dialog', { name: 'Delivery of webhook.test' });
    const failedAttempt = drawer.getByRole('table', { name: 'Attempts' }).getByRole('row', { name: /^1\b/ });
    expect(await failedAttempt.innerText()).toMatch(/500\s+\d+ ms\s+receiver is down/);
    await page.screenshot({ path: path.join(SCREENS, 'webhook-redelivered.desktop.light.png'), fullPage: true });
    receiverStatus = 200;
  });

  it('filters the audit log down to the product edited and shows its fields before and after', async () => {
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/settings/audit`);
    const log = page.getByRole('grid', { name: /Audit log/ });
    await log
      .getByRole('row', { name: /Signed in/ })
      .first()
      .waitFor();
    await page.getByRole('combobox', { name: 'Record type' }).selectOption({ label: 'Product' });
    await page.getByRole('searchbox', { name: 'Record id' }).fill(productId);
    await log
      .getByRole('row', { name: /Signed in/ })
      .first()
      .waitFor({ state: 'detached' });
    expect(await log.locator(':scope > tbody > tr').count()).toBe(2);
    const changed = log.locator(':scope > tbody > tr').filter({ hasText: 'Changed' });
    const price = changed.getByRole('row', { name: /priceMinor/ });
    expect((await price.getByRole('cell').allInnerTexts()).map((text) => text.trim())).toEqual(['450', '520']);
    const name = changed.getByRole('row', { name: /^name/ });
    expect((await name.getByRole('cell').allInnerTexts()).map((text) => text.trim())).toEqual(['Genmaicha', 'Genmaicha Tea']);
    expect(await changed.innerText()).toMatch(new RegExp(owner.ownerName));
    await page.screenshot({ path: path.join(SCREENS, 'audit-log-product.desktop.light.png'), fullPage: true });
    // Opened by keyboard: the entry's details, with where the change came from.
    await changed.focus();
    await page.keyboard.press('Enter');
    const entry = page.getByRole('dialog', { name: 'Changed Product' });
    expect(await entry.innerText()).toMatch(/Request id/);
    expect(await entry.getByRole('row', { name: 'priceMinor 450 520', exact: true }).count()).toBe(1);
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'audit-')), 'audit-log.csv');
    await (await download).saveAs(file);
    const csv = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(3);
    expect(csv.slice(1).every((line) => line.includes(productId))).toBe(true);
  });

  it('invites a cashier limited to a store, shows the link once, and deactivates them', async () => {
    const store = await api<Created>('POST', '/api/v1/stores', { name: 'Kreuzberg', code: 'KRZ-1' });
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/users`);
    await page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByLabel('Name').fill('Nils Neu');
    await dialog.getByLabel('Email').fill(`nils-${owner.slug}@example.com`);
    expect(await dialog.getByLabel('Role').inputValue()).toBe('cashier');
    await dialog.getByRole('checkbox', { name: 'Kreuzberg' }).check();
    await dialog.getByRole('button', { name: 'Send invite' }).click();
    const invited = page.getByRole('dialog', { name: 'Nils Neu is invited' });
    expect(await invited.getByLabel('Invite link').inputValue()).toMatch(/\/set-password#token=/);
    await invited.getByRole('button', { name: 'Done' }).click();

    const grid = page.getByRole('grid', { name: /Users/ });
    const row = grid.getByRole('row', { name: /Nils Neu/ });
    expect(await row.innerText()).toMatch(/Cashier\s+Kreuzberg\s+Active/);
    await row.click();
    const edit = page.getByRole('dialog', { name: 'Edit Nils Neu' });
    await edit.getByRole('switch', { name: 'Active' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await grid.getByRole('row', { name: /Nils Neu.*Deactivated/ }).waitFor();
    const users = await api<{ items: { name: string; active: boolean; storeIds: string[] }[] }>('GET', '/api/v1/users?limit=50');
    expect(users.items.find((user) => user.name === 'Nils Neu')).toMatchObject({ active: false, storeIds: [store.id] });
    await page.screenshot({ path: path.join(SCREENS, 'users.desktop.light.png'), fullPage: true });
  });

  it('links the OpenAPI document and Swagger UI from the Developers page, with signature checks in three languages', async () => {
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/settings`);
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Developers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Developers' }).waitFor();
    for (const language of ['TypeScript', 'Python', 'PHP']) {
      expect(await page.getByRole('region', { name: new RegExp(`Verify a webhook in ${language}`) }).innerText()).toMatch(/webhook-signature/);
    }
    const spec = await page.request.get(`${stack.web.baseUrl}${await page.getByRole('link', { name: 'OpenAPI document' }).getAttribute('href')}`);
    expect(spec.status()).toBe(200);
    expect(((await spec.json()) as { paths: Record<string, unknown> }).paths['/api/v1/sales/export']).toBeDefined();
    await page.getByRole('link', { name: 'Swagger UI' }).click();
    await page.waitForURL('**/api/docs**');
    await page.getByText('/api/v1/products').first().waitFor();
  });

  it('tails the event feed by sequence as events happen, and shows no failed deliveries', async () => {
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/settings/events`);
    const feed = page.getByRole('region', { name: 'Event feed' });
    await feed.getByRole('row', { name: new RegExp(`product\\.updated product ${productId}`) }).waitFor();
    const added = await api<Created>('POST', '/api/v1/products', { sku: 'TEA-NEW', name: 'Hojicha', priceMinor: 610 });
    const row = feed.getByRole('row', { name: new RegExp(`product\\.created product ${added.id}`) });
    await row.waitFor();
    const sequences = (await feed.getByRole('rowheader').allInnerTexts()).map(Number);
    expect(sequences).toEqual([...sequences].sort((x, y) => y - x));
    await page.screenshot({ path: path.join(SCREENS, 'events.desktop.light.png'), fullPage: true });

    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Failed deliveries' }).click();
    await page.getByRole('heading', { name: 'Nothing failed' }).waitFor();
  });

  it('adds a store with a register and renames it on the stores screen', async () => {
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/settings`);
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Stores and registers' }).click();
    await page.getByRole('button', { name: 'Add store' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a store' });
    await dialog.getByLabel('Name').fill('Prenzlauer Berg');
    await dialog.getByLabel('Code').fill('PRZ-1');
    await dialog.getByRole('button', { name: 'Add store' }).click();
    const section = page.getByRole('region', { name: /Prenzlauer Berg/ });
    await section.getByRole('row', { name: /Back office and API/ }).waitFor();

    await section.getByRole('button', { name: 'Add register to Prenzlauer Berg' }).click();
    const register = page.getByRole('dialog', { name: 'Add a register to Prenzlauer Berg' });
    await register.getByLabel('Name').fill('Till 2');
    await register.getByRole('button', { name: 'Add register' }).click();
    await section.getByRole('row', { name: /Till 2\s+Till/ }).waitFor();

    await section.getByRole('button', { name: 'Rename Prenzlauer Berg' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename Prenzlauer Berg' });
    await rename.getByLabel('Name').fill('Prenzlberg');
    await rename.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 2, name: /Prenzlberg PRZ-1/ }).waitFor();
    const stores = await api<{ items: { id: string; name: string; code: string }[] }>('GET', '/api/v1/stores');
    expect(stores.items.map((store) => `${store.name} ${store.code}`)).toContain('Prenzlberg PRZ-1');

    const renamed = page.getByRole('region', { name: /Prenzlberg/ });
    await renamed.getByRole('button', { name: 'Rename Till 2' }).click();
    const renameTill = page.getByRole('dialog', { name: 'Rename Till 2' });
    await renameTill.getByLabel('Name').fill('Window till');
    await renameTill.getByRole('button', { name: 'Save' }).click();
    await renamed.getByRole('button', { name: 'Retire Window till' }).click();
    await page.getByRole('alertdialog', { name: 'Retire Window till?' }).getByRole('button', { name: 'Retire register' }).click();
    await renamed.getByRole('row', { name: /Window till.*Retired/ }).waitFor();
    const storeId = stores.items.find((store) => store.code === 'PRZ-1')?.id;
    const registers = await api<{ items: { name: string; kind: string; retiredAt: string | null }[] }>('GET', `/api/v1/stores/${storeId}/registers`);
    expect(registers.items.find((candidate) => candidate.kind === 'pos')).toMatchObject({ name: 'Window till', retiredAt: expect.any(String) });
    expect(await renamed.getByRole('button', { name: 'Retire API' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENS, 'stores.desktop.light.png'), fullPage: true });

    await renamed.getByRole('button', { name: 'Reactivate Window till' }).click();
    await renamed.getByRole('row', { name: /Window till.*In use/ }).waitFor();
  });

  it('walks a new owner from signup with a first store through a checklist that follows the shop, until it is put away', async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const account = newShopAccount('First Run');
    await page.goto(`${stack.web.baseUrl}/signup`);
    await page.getByLabel('Shop name').fill(account.shopName);
    await page.getByLabel('Shop address').fill(account.slug);
    await page.getByLabel('Your name').fill(account.ownerName);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByLabel('Store name').fill('Corner Street');
    expect(await page.getByLabel(/Store code/).inputValue()).toBe('CORNER-STREET');
    await page.getByRole('button', { name: 'Create shop' }).click();
    await page.waitForURL('**/dashboard');

    const steps = page.getByRole('region', { name: 'Set up your shop' });
    await steps.getByText('1 of 5 done').waitFor();
    expect(await steps.getByRole('listitem').filter({ hasText: 'Create a store' }).innerText()).toMatch(/done/);
    await steps.getByRole('link', { name: 'Add a register' }).click();
    await page.waitForURL('**/settings/stores');
    const section = page.getByRole('region', { name: /Corner Street/ });
    await section.getByRole('button', { name: 'Add register to Corner Street' }).click();
    const register = page.getByRole('dialog', { name: 'Add a register to Corner Street' });
    await register.getByLabel('Name').fill('Till 1');
    await register.getByRole('button', { name: 'Add register' }).click();
    await section.getByRole('row', { name: /Till 1\s+Till/ }).waitFor();

    await page.goto(`${stack.web.baseUrl}/dashboard`);
    await steps.getByText('2 of 5 done').waitFor();
    await steps.getByRole('link', { name: 'Add or import products' }).waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'first-run.desktop.light.png'), fullPage: true });
    await steps.getByRole('button', { name: 'Hide the steps' }).click();
    await steps.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor();
    expect(await steps.count()).toBe(0);
  });

  it('shows a cashier no administration menu, "not allowed" on a direct visit, and the API refuses too', async () => {
    const page = await signedIn(cashier);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Sales' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    for (const screen of ['api-keys', 'webhooks', 'audit', 'developers', 'events', 'dead-letters', 'stores']) {
      await page.goto(`${stack.web.baseUrl}/settings/${screen}`);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    }
    await page.screenshot({ path: path.join(SCREENS, 'settings-not-allowed.desktop.light.png'), fullPage: true });
    const token = await accessTokenFor(stack.api.baseUrl, cashier);
    expect((await call('GET', '/api/v1/api-keys', token)).status).toBe(403);
    expect((await call('POST', '/api/v1/api-keys', token, { name: 'Mine', permissions: ['catalog:read'] })).status).toBe(403);
    expect((await call('GET', '/api/v1/webhooks', token)).status).toBe(403);
    expect((await call('GET', '/api/v1/audit-logs', token)).status).toBe(403);
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical axe violations on the API keys, webhooks and audit screens in %s mode',
    async (colorScheme) => {
      const page = await signedIn(owner, colorScheme);
      await page.goto(`${stack.web.baseUrl}/settings/api-keys`);
      await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.getByRole('dialog', { name: 'Create an API key' }).waitFor();
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `api-keys.desktop.${colorScheme}.png`), fullPage: true });

      await page.goto(`${stack.web.baseUrl}/settings/webhooks`);
      const endpoints = page.getByRole('grid', { name: /Webhook endpoints/ });
      await endpoints.getByRole('row', { name: /127\.0\.0\.1/ }).waitFor();
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `webhooks.desktop.${colorScheme}.png`), fullPage: true });
      await endpoints.getByRole('row', { name: /127\.0\.0\.1/ }).click();
      await page
        .getByRole('grid', { name: /Deliveries/ })
        .getByRole('row', { name: /webhook\.test/ })
        .first()
        .click();
      await page.getByRole('dialog', { name: 'Delivery of webhook.test' }).getByRole('table', { name: 'Attempts' }).waitFor();
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `webhook.desktop.${colorScheme}.png`), fullPage: true });

      for (const screen of ['/settings/developers', '/settings/events', '/settings/dead-letters', '/settings/stores', '/users', '/dashboard', '/devices']) {
        await page.goto(`${stack.web.baseUrl}${screen}`);
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        await page.getByRole('heading', { level: 1 }).waitFor();
        // The owner's shop has a store but no till yet: the dashboard shows the setup steps.
        if (screen === '/dashboard')
          await page
            .getByRole('region', { name: 'Set up your shop' })
            .getByText(/of 5 done/)
            .waitFor();
        expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
        await page.screenshot({ path: path.join(SCREENS, `${screen.slice(1).replace('/', '-')}.desktop.${colorScheme}.png`), fullPage: true });
      }

      await page.goto(`${stack.web.baseUrl}/settings/audit?entityType=product&entityId=${productId}`);
      await page
        .getByRole('grid', { name: /Audit log/ })
        .getByRole('row', { name: 'priceMinor 450 520', exact: true })
        .waitFor();
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `audit-log.desktop.${colorScheme}.png`), fullPage: true });
    },
  );
});
