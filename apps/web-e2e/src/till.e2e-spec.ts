import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, mimePart, startSmtpSink, type SmtpSink } from '@kassa/testing';
import { accessibilityViolations } from './support/axe';
import { writeBarcodeVideo } from './support/barcode-video';
import { launchChromium, launchChromiumWithCamera } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const PIN = { owner: '2580', manager: '4680', cashier: '1357', trainee: '9753' };

interface Created {
  id: string;
}
interface Staff extends Created {
  name: string;
  email: string;
}
interface ApiSale extends Created {
  receiptNumber: number;
  registerId: string;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  discountApprovedBy: string | null;
  actorId: string;
  tenders: { type: string; amountMinor: number }[];
  lines: { productId: string; quantity: number; unitPriceMinor: number }[];
}

describe('the till (/pos), in Chromium against the real API', () => {
  let stack: WebStack;
  let smtp: SmtpSink;
  let browser: Browser;
  let tablet: BrowserContext;
  let page: Page;
  let account: ShopAccount;
  let ownerToken: string;
  let storeId: string;
  let manager: Staff;
  let cashier: Staff;
  let trainee: Staff;
  const products: Record<'tea' | 'mug' | 'cookie', Created & { barcode: string; priceMinor: number }> = {} as never;

  const api = async <T>(token: string, method: string, path: string, body?: object): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };

  const signIn = async (email: string) => {
    const response = await fetch(`${stack.api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: account.slug, email, password: account.password }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  };

  /** A staff member with a password and a PIN, working in the shop's store. */
  async function newStaff(name: string, role: 'manager' | 'cashier', pin: string): Promise<Staff> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@${account.slug}.test`;
    const created = await api<{ user: Created; invite: { token: string } }>(ownerToken, 'POST', '/api/v1/users', { name, email, role });
    await fetch(`${stack.api.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: created.invite.token, password: account.password }),
    });
    await api(await signIn(email), 'PUT', '/api/v1/me/pin', { pin, currentPassword: account.password });
    return { id: created.user.id, name, email };
  }

  const onHand = async (productId: string) =>
    (await api<{ items: { onHand: number }[] }>(ownerToken, 'GET', `/api/v1/inventory/levels?storeId=${storeId}&productId=${productId}`)).items[0]?.onHand ?? 0;

  const money = (minor: number) => new RegExp(`${Math.trunc(minor / 100)}[.,]${String(minor % 100).padStart(2, '0')}`);
  /** Minor units from an amount as the screen shows it (`€21.15`, `21,15 €`). */
  const minorOf = (text: string) => Number(text.replace(/[^\d]/g, ''));

  const scanBox = () => page.getByRole('searchbox', { name: 'Scan or search' });
  async function scan(code: string) {
    await scanBox().fill(code);
    await scanBox().press('Enter');
  }
  const cartLine = (name: string) => page.getByRole('list', { name: 'Cart' }).getByRole('listitem', { name: new RegExp(`^${name},`) });

  async function unlockAs(who: Staff | { name: string }, pin: string, on: Page = page) {
    await on.getByRole('heading', { name: 'Who is selling?' }).waitFor();
    await on.getByRole('button', { name: new RegExp(`^${who.name}`) }).click();
    await on.getByLabel(`PIN for ${who.name}`).fill(pin);
    await on.getByRole('button', { name: 'Sign in' }).click();
    await on.getByRole('heading', { name: /^Sale/ }).waitFor();
    await on.getByRole('button', { name: new RegExp(`^${who.name} Switch cashier`) }).waitFor();
  }

  async function pairThroughScreen(registerName: string, create: boolean, on: Page = page) {
    const page = on;
    await page.goto(`${stack.web.baseUrl}/pos`);
    await page.getByRole('heading', { name: 'Set up this till' }).waitFor();
    await page.getByLabel('Shop').fill(account.slug);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('combobox', { name: 'Store' }).selectOption({ label: 'Mitte' });
    if (create) {
      await page.getByLabel('New register').fill(registerName);
      await page.getByRole('button', { name: 'Create register' }).click();
      await page.getByRole('radio', { name: new RegExp(registerName) }).waitFor();
    }
    await page.getByRole('radio', { name: new RegExp(registerName) }).check();
    await page.getByRole('button', { name: 'Pair this tablet' }).click();
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
  }

  async function payAndRead(tenders: (p: Page) => Promise<void>): Promise<number> {
    await page.keyboard.press('F4');
    await page.getByRole('dialog', { name: 'Take payment' }).waitFor();
    await tenders(page);
    const heading = page.getByRole('heading', { name: /^Sale complete · Receipt #\d+$/ });
    await heading.waitFor();
    return Number((await heading.innerText()).replace(/\D+/g, ' ').trim().split(' ').pop());
  }

  const payByCard = (p: Page) => p.getByRole('button', { name: 'Card', exact: true }).click();
  /** The product tiles the grid shows, in order. */
  const tiles = () => page.getByRole('region', { name: 'Products' }).getByRole('listitem').allInnerTexts();
  const activeRegisterId = async () => {
    const { items } = await api<{ items: { registerId: string; revokedAt: string | null }[] }>(ownerToken, 'GET', '/api/v1/devices');
    return items.filter((device) => !device.revokedAt)[0].registerId;
  };

  async function saleByReceipt(receiptNumber: number): Promise<ApiSale> {
    const { items } = await api<{ items: ApiSale[] }>(ownerToken, 'GET', `/api/v1/sales?q=${receiptNumber}&storeId=${storeId}`);
    const listed = items.find((sale) => sale.receiptNumber === receiptNumber);
    if (!listed) throw new Error(`no sale #${receiptNumber}`);
    return api<ApiSale>(ownerToken, 'GET', `/api/v1/sales/${listed.id}`);
  }

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    smtp = await startSmtpSink();
    stack = await startWebStack({ SMTP_URL: smtp.url });
    browser = await launchChromium();
    account = newShopAccount('Till Shop');
    ownerToken = await createShop(stack.api.baseUrl, account);
    await api(ownerToken, 'PATCH', '/api/v1/tenant', { discountLimitBps: { cashier: 0, manager: 5_000 } });
    await api(ownerToken, 'PUT', '/api/v1/me/pin', { pin: PIN.owner, currentPassword: account.password });
    storeId = (await api<Created>(ownerToken, 'POST', '/api/v1/stores', { name: 'Mitte', code: 'MIT-1' })).id;
    manager = await newStaff('Mara Manager', 'manager', PIN.manager);
    cashier = await newStaff('Cem Cashier', 'cashier', PIN.cashier);
    trainee = await newStaff('Tia Trainee', 'cashier', PIN.trainee);
    const tea = await api<Created>(ownerToken, 'POST', '/api/v1/categories', { name: 'Tea' });
    const define = async (key: 'tea' | 'mug' | 'cookie', name: string, priceMinor: number, taxRateBps: number, barcode: string) => {
      const product = await api<Created>(ownerToken, 'POST', '/api/v1/products', {
        sku: key.toUpperCase(),
        name,
        priceMinor,
        taxRateBps,
        barcodes: [barcode],
        categoryId: key === 'mug' ? undefined : tea.id,
        trackStock: true,
      });
      await api(ownerToken, 'POST', '/api/v1/inventory/adjustments', { storeId, productId: product.id, delta: 50, reason: 'receipt' });
      products[key] = { ...product, barcode, priceMinor };
    };
    await define('tea', 'Sencha Tea', 450, 700, '4006381333931');
    await define('mug', 'Stoneware Mug', 1_200, 1_900, '4006381333948');
    await define('cookie', 'Oat Cookie', 250, 700, '4006381333955');

    tablet = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', hasTouch: true });
    page = await tablet.newPage();
  });

  afterAll(async () => {
    await tablet?.close();
    await browser?.close();
    await stack?.close();
    await smtp?.close();
  });

  it('pairs the tablet through a manager sign-in, signs a cashier in by PIN, locks, and switches cashier in one tap', async () => {
    await pairThroughScreen('Till 1', true);
    // The manager's back-office session ended with the pairing: the tablet holds only its device credential.
    await page.getByRole('button', { name: new RegExp(`${manager.name}`) }).waitFor();
    await page.getByRole('button', { name: new RegExp(`${cashier.name}`) }).waitFor();
    expect(await page.getByRole('navigation', { name: /main/i }).count()).toBe(0);

    await page.getByRole('button', { name: new RegExp(`^${cashier.name}`) }).click();
    await page.getByLabel(`PIN for ${cashier.name}`).fill('0000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That PIN is not right' }).waitFor();
    await page.getByLabel(`PIN for ${cashier.name}`).fill(PIN.cashier);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id)).toBe('till-scan');

    await page.getByRole('button', { name: /Switch cashier/ }).click();
    await unlockAs(trainee, PIN.trainee);
    await page.getByRole('button', { name: /Switch cashier/ }).click();
    await unlockAs(cashier, PIN.cashier);
  });

  it('hides the discount from a cashier with a 0 limit until a manager approves with their PIN', async () => {
    await scan(products.cookie.barcode);
    await cartLine('Oat Cookie').waitFor();
    expect(await page.getByRole('button', { name: 'Sale discount' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Manager approval for a discount' }).click();
    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    await approval.getByRole('button', { name: new RegExp(manager.name) }).click();
    await approval.getByLabel(`PIN for ${manager.name}`).fill(PIN.manager);
    await approval.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Sale discount' }).waitFor();
    await page.getByText(`Approved by ${manager.name}`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByRole('button', { name: 'Clear sale' }).click();
    await page.getByText('Scan a barcode or tap a product to start a sale.').waitFor();
  });

  it('rings up three barcodes (one twice), takes a 10% discount with manager approval and 20.00 cash + card: the API records what the screen showed', async () => {
    const stockBefore = await Promise.all([onHand(products.tea.id), onHand(products.mug.id), onHand(products.cookie.id)]);
    await scan(products.tea.barcode);
    await scan(products.mug.barcode);
    await scan(products.cookie.barcode);
    await scan(products.tea.barcode);
    await cartLine('Sencha Tea').filter({ hasText: '2' }).waitFor();
    expect(await page.getByRole('group', { name: 'Quantity of Sencha Tea' }).getByLabel('Quantity').innerText()).toBe('2');
    expect(await page.getByRole('list', { name: 'Cart' }).getByRole('listitem').count()).toBe(3);

    await page.getByRole('button', { name: 'Manager approval for a discount' }).click();
    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    await approval.getByRole('button', { name: new RegExp(manager.name) }).click();
    await approval.getByLabel(`PIN for ${manager.name}`).fill(PIN.manager);
    await approval.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Sale discount' }).click();
    await page
      .getByRole('dialog', { name: /Discount on the whole sale/ })
      .getByRole('button', { name: '10%' })
      .click();
    await page.getByRole('button', { name: 'Apply discount' }).click();
    await page.getByTestId('discount').waitFor();

    const shown = {
      subtotal: minorOf(await page.getByTestId('subtotal').innerText()),
      discount: minorOf(await page.getByTestId('discount').innerText()),
      tax: minorOf(await page.getByTestId('tax').innerText()),
      total: minorOf(await page.getByTestId('total').innerText()),
    };
    expect(shown).toMatchObject({ subtotal: 2_350, discount: 235, total: 2_115 });

    const receiptNumber = await payAndRead(async (p) => {
      await p.getByLabel('Amount tendered').fill('20');
      await p.getByRole('button', { name: 'Cash', exact: true }).click();
      await p.getByRole('listitem').filter({ hasText: /Cash/ }).waitFor();
      await payByCard(p);
    });
    await page.getByRole('button', { name: 'New sale' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'New sale');
    await page
      .getByLabel(`Receipt ${receiptNumber}`)
      .getByText(/Sencha Tea/)
      .waitFor();

    const sale = await saleByReceipt(receiptNumber);
    expect(sale).toMatchObject({
      subtotalMinor: shown.subtotal,
      discountMinor: shown.discount,
      taxMinor: shown.tax,
      totalMinor: shown.total,
      discountApprovedBy: manager.id,
      actorId: cashier.id,
      receiptNumber: 1,
    });
    expect(sale.tenders.map((tender) => [tender.type, tender.amountMinor])).toEqual([
      ['cash', 2_000],
      ['card', 115],
    ]);
    expect(await Promise.all([onHand(products.tea.id), onHand(products.mug.id), onHand(products.cookie.id)])).toEqual([
      stockBefore[0] - 2,
      stockBefore[1] - 1,
      stockBefore[2] - 1,
    ]);
    await page.getByRole('button', { name: 'New sale' }).click();
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();
  });

  it('counts a barcode scanned again while the till is still looking up the first scan of it', async () => {
    // The till's barcode lookups (IndexedDB index reads) answer 400 ms late, as on a busy tablet.
    await page.evaluate(() => {
      const original = IDBIndex.prototype.get;
      const successHandler = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess');
      if (!successHandler?.set) throw new Error('IDBRequest.onsuccess is not a setter here');
      IDBIndex.prototype.get = function (this: IDBIndex, key: IDBValidKey | IDBKeyRange) {
        const request = original.call(this, key);
        Object.defineProperty(request, 'onsuccess', {
          set(handler: (event: Event) => void) {
            successHandler.set?.call(request, (event: Event) => setTimeout(() => handler.call(request, event), 400));
          },
        });
        return request;
      };
      (window as unknown as { restoreIndexGet: () => void }).restoreIndexGet = () => (IDBIndex.prototype.get = original);
    });
    try {
      await scan(products.tea.barcode);
      // The scanner sends the same code again; its Enter comes after the first lookup has answered.
      await scanBox().fill(products.tea.barcode);
      await cartLine('Sencha Tea').waitFor();
      await scanBox().press('Enter');
      await cartLine('Sencha Tea').filter({ hasText: '2' }).waitFor();
      expect(await page.getByRole('group', { name: 'Quantity of Sencha Tea' }).getByLabel('Quantity').innerText()).toBe('2');
      expect(await scanBox().inputValue()).toBe('');
    } finally {
      await page.evaluate(() => (window as unknown as { restoreIndexGet: () => void }).restoreIndexGet());
      await page.getByRole('button', { name: 'Remove Sencha Tea' }).click();
      await page.getByRole('list', { name: 'Cart' }).waitFor({ state: 'detached' });
    }
  });

  it("emails a receipt: the shop's SMTP server receives it with the total the screen showed", async () => {
    await scan(products.mug.barcode);
    await scan(products.cookie.barcode);
    await cartLine('Oat Cookie').waitFor();
    const total = minorOf(await page.getByTestId('total').innerText());
    const receiptNumber = await payAndRead(payByCard);
    await page.getByRole('button', { name: 'Email', exact: true }).click();
    await page.getByLabel('Email address').fill('guest@example.test');
    await page.getByRole('button', { name: 'Send receipt' }).click();
    await page.getByRole('status').filter({ hasText: 'Receipt on its way.' }).waitFor();

    const mail = await eventually(
      async () => smtp.received.find((candidate) => candidate.to.includes('guest@example.test')),
      (found) => found !== undefined,
    );
    expect(total).toBe(products.mug.priceMinor + products.cookie.priceMinor);
    const text = mimePart(mail?.raw ?? '', 'text/plain');
    expect(text).toMatch(new RegExp(`^TOTAL +EUR ${(total / 100).toFixed(2).replace('.', '\\.')}$`, 'm'));
    expect(text).toMatch(new RegExp(`Receipt ${receiptNumber}$`, 'm'));
    await page.getByRole('button', { name: 'New sale' }).click();
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();
  });

  it('parks a sale, rings up another, resumes the first: both complete with consecutive receipt numbers', async () => {
    await scan(products.mug.barcode);
    await cartLine('Stoneware Mug').waitFor();
    await page.keyboard.press('F8');
    await page.getByRole('button', { name: 'Parked (1)' }).waitFor();
    await page.getByText('Scan a barcode or tap a product to start a sale.').waitFor();

    await scan(products.cookie.barcode);
    await cartLine('Oat Cookie').waitFor();
    const first = await payAndRead(payByCard);
    await page.getByRole('button', { name: 'New sale' }).click();

    await page.getByRole('button', { name: 'Parked (1)' }).click();
    await page
      .getByRole('dialog', { name: 'Parked sales' })
      .getByRole('button', { name: /1× Stoneware Mug/ })
      .click();
    await cartLine('Stoneware Mug').waitFor();
    const second = await payAndRead(payByCard);
    expect(second).toBe(first + 1);
    expect((await saleByReceipt(first)).lines.map((line) => line.productId)).toEqual([products.cookie.id]);
    expect((await saleByReceipt(second)).lines.map((line) => line.productId)).toEqual([products.mug.id]);
    await page.getByRole('button', { name: 'New sale' }).click();
  });

  it('takes a price changed in the back office into the snapshot on the next delta refresh, and the next scan sells at it', async () => {
    await scan(products.cookie.barcode);
    await cartLine('Oat Cookie')
      .filter({ hasText: money(250) })
      .waitFor();
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByRole('button', { name: 'Clear sale' }).click();

    await api(ownerToken, 'PATCH', `/api/v1/products/${products.cookie.id}`, { priceMinor: 275 });
    await page.getByRole('button', { name: /refresh catalog/ }).click();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await page.getByRole('button', { name: new RegExp(`^Oat Cookie ${money(275).source}`) }).waitFor();

    await scan(products.cookie.barcode);
    await cartLine('Oat Cookie')
      .filter({ hasText: money(275) })
      .waitFor();
    const receiptNumber = await payAndRead(payByCard);
    expect((await saleByReceipt(receiptNumber)).lines[0].unitPriceMinor).toBe(275);
    await page.getByRole('button', { name: 'New sale' }).click();
  });

  it("lets a manager choose the register's favourites on the till; a cashier's grid opens on them, in that order", async () => {
    await page.getByRole('button', { name: /Switch cashier/ }).click();
    await unlockAs(manager, PIN.manager);
    await page.getByRole('button', { name: '★ Favourites' }).click();
    await page.getByText('No favourites on this till yet.').waitFor();
    await page.getByRole('button', { name: 'Edit favourites' }).click();
    const dialog = page.getByRole('dialog', { name: 'Favourites on Till 1' });
    const add = dialog.getByRole('searchbox', { name: 'Add a product' });
    await add.fill('mug');
    await dialog.getByRole('button', { name: /^Add Stoneware Mug/ }).click();
    await add.fill(products.cookie.barcode);
    await dialog.getByRole('button', { name: /^Add Oat Cookie/ }).click();
    await dialog.getByRole('button', { name: 'Move Oat Cookie up' }).click();
    expect(await dialog.getByRole('list', { name: 'Favourites' }).getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Oat Cookie/),
      expect.stringMatching(/^Stoneware Mug/),
    ]);
    await page.screenshot({ path: path.join(SCREENS, 'till-favourites.1280x800.light.png') });
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await dialog.getByRole('button', { name: 'Save favourites' }).click();
    await page.getByRole('status').filter({ hasText: 'Favourites saved for this till.' }).waitFor();
    const registerId = await activeRegisterId();
    expect((await api<{ productIds: string[] }>(ownerToken, 'GET', `/api/v1/registers/${registerId}/favourites`)).productIds).toEqual([
      products.cookie.id,
      products.mug.id,
    ]);
    await page
      .getByRole('region', { name: 'Products' })
      .getByRole('button', { name: /^Stoneware Mug/ })
      .waitFor();

    await page.getByRole('button', { name: /Switch cashier/ }).click();
    await unlockAs(cashier, PIN.cashier);
    expect(await page.getByRole('button', { name: '★ Favourites' }).getAttribute('aria-pressed')).toBe('true');
    await page
      .getByRole('region', { name: 'Products' })
      .getByRole('button', { name: /^Stoneware Mug/ })
      .waitFor();
    expect(await tiles()).toEqual([expect.stringMatching(/^Oat Cookie/), expect.stringMatching(/^Stoneware Mug/)]);
    expect(await page.getByRole('button', { name: 'Edit favourites' }).count()).toBe(0);
    await page
      .getByRole('region', { name: 'Products' })
      .getByRole('button', { name: /^Oat Cookie/ })
      .click();
    await cartLine('Oat Cookie').waitFor();
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByRole('button', { name: 'Clear sale' }).click();
  });

  it("locks a till left untouched after the idle time set on the shop's settings screen, parking the sale", async () => {
    const office = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const settings = await office.newPage();
    await signInThroughForm(settings, stack.web.baseUrl, account);
    await settings.goto(`${stack.web.baseUrl}/settings`);
    const idle = settings.getByLabel('Lock the till after');
    expect(await idle.inputValue()).toBe('120');
    await idle.fill('15');
    await settings.getByRole('button', { name: 'Save', exact: true }).click();
    await settings.getByText('Settings saved.').waitFor();
    await settings.screenshot({ path: path.join(SCREENS, 'settings-till-lock.1280x800.light.png'), fullPage: true });
    await office.close();
    expect((await api<{ tillIdleLockSeconds: number }>(ownerToken, 'GET', '/api/v1/tenant')).tillIdleLockSeconds).toBe(15);

    // The shop's settings come with each sign-in on the till.
    await page.getByRole('button', { name: /Switch cashier/ }).click();
    await unlockAs(cashier, PIN.cashier);
    await scan(products.tea.barcode);
    await cartLine('Sencha Tea').waitFor();
    // Nobody touches the till: it locks on its own (at the default two minutes it would not within this wait).
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor({ timeout: 60_000 });
    await api(ownerToken, 'PATCH', '/api/v1/tenant', { tillIdleLockSeconds: 120 });
    await unlockAs(cashier, PIN.cashier);
    await page.getByRole('button', { name: 'Parked (1)' }).click();
    await page
      .getByRole('dialog', { name: 'Parked sales' })
      .getByRole('button', { name: /1× Sencha Tea/ })
      .click();
    await cartLine('Sencha Tea').waitFor();
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page.getByRole('button', { name: 'Clear sale' }).click();
  });

  it('asks for the receipt while paying: none goes straight to the next sale, email opens the form, print prints', async () => {
    await scan(products.cookie.barcode);
    await cartLine('Oat Cookie').waitFor();
    const none = await payAndRead(async (p) => {
      expect(await p.getByRole('button', { name: 'Receipt: none' }).getAttribute('aria-pressed')).toBe('true');
      await payByCard(p);
    });
    await page.getByText(/Receipt: none$/).waitFor();
    expect(await page.getByRole('form', { name: 'Email the receipt' }).count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.textContent === 'New sale');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();

    await scan(products.cookie.barcode);
    await cartLine('Oat Cookie').waitFor();
    const emailed = await payAndRead(async (p) => {
      await p.getByRole('button', { name: 'Receipt: email' }).click();
      await payByCard(p);
    });
    expect(emailed).toBe(none + 1);
    const to = page.getByLabel('Email address');
    await to.waitFor();
    await to.fill('walk-in@example.test');
    await page.getByRole('button', { name: 'Send receipt' }).click();
    await page.getByRole('status').filter({ hasText: 'Receipt on its way.' }).waitFor();
    await eventually(
      async () => smtp.received.find((candidate) => candidate.to.includes('walk-in@example.test')),
      (found) => found !== undefined,
    );
    await page.getByRole('button', { name: 'New sale' }).click();

    // Printing happens in the receipt's own frame: the test counts the frame's print() calls instead of printing.
    await page.evaluate(() => {
      const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        configurable: true,
        get(this: HTMLIFrameElement) {
          const frame = contentWindow?.get?.call(this) as (Window & { counted?: boolean }) | null;
          if (frame && !frame.counted) {
            frame.counted = true;
            frame.print = () => {
              const top = window as Window & { printed?: number };
              top.printed = (top.printed ?? 0) + 1;
            };
          }
          return frame;
        },
      });
    });
    await scan(products.cookie.barcode);
    await cartLine('Oat Cookie').waitFor();
    await payAndRead(async (p) => {
      await p.getByRole('button', { name: 'Receipt: print' }).click();
      await payByCard(p);
    });
    await page.waitForFunction(() => (window as Window & { printed?: number }).printed === 1);
    await page.getByText(/Receipt: printed$/).waitFor();
    await page.getByRole('button', { name: 'New sale' }).click();
  });

  it('takes a delivery and a price change from the back office live, well before the minutely refresh', async () => {
    // The background refresh runs once a minute; a push lands within seconds.
    const live = { timeout: 10_000 };
    const delivered = (await onHand(products.cookie.id)) + 12;
    await api(ownerToken, 'POST', '/api/v1/inventory/adjustments', { storeId, productId: products.cookie.id, delta: 12, reason: 'receipt' });
    await page.getByRole('button', { name: new RegExp(`^Oat Cookie ${money(275).source}.* ${delivered} in stock$`) }).waitFor(live);
    await api(ownerToken, 'PATCH', `/api/v1/products/${products.cookie.id}`, { priceMinor: 295 });
    await page.getByRole('button', { name: new RegExp(`^Oat Cookie ${money(295).source}`) }).waitFor(live);
  });

  it('looks right in light and dark, landscape and portrait, and axe finds nothing serious', async () => {
    await scan(products.tea.barcode);
    await scan(products.mug.barcode);
    await cartLine('Stoneware Mug').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, viewport] of [
        ['1280x800', { width: 1280, height: 800 }],
        ['800x1280', { width: 800, height: 1280 }],
      ] as const) {
        await page.setViewportSize(viewport);
        await page.screenshot({ path: path.join(SCREENS, `till-sell.${name}.${scheme}.png`) });
        expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('F4');
    await page.getByRole('dialog', { name: 'Take payment' }).waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'till-pay.1280x800.light.png') });
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Switch cashier/ }).click();
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'till-lock.1280x800.light.png') });
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SCREENS, 'till-lock.1280x800.dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('sends a revoked tablet back to pairing with the reason; paired again, it numbers on from the register', async () => {
    const { items } = await api<{ items: (Created & { revokedAt: string | null })[] }>(ownerToken, 'GET', '/api/v1/devices');
    const active = items.find((device) => !device.revokedAt);
    await api(ownerToken, 'DELETE', `/api/v1/devices/${active?.id}`);
    await page.reload();
    await page.getByRole('heading', { name: 'Set up this till' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: /unpaired from its register/ })
      .waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'till-revoked.1280x800.light.png') });

    const { items: sales } = await api<{ items: ApiSale[] }>(ownerToken, 'GET', `/api/v1/sales?storeId=${storeId}`);
    const last = Math.max(...sales.map((sale) => sale.receiptNumber));
    await page.getByLabel('Shop').fill(account.slug);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('combobox', { name: 'Store' }).selectOption({ label: 'Mitte' });
    await page.getByRole('radio', { name: /Till 1/ }).check();
    await page.getByRole('button', { name: 'Pair this tablet' }).click();
    await unlockAs(cashier, PIN.cashier);
    await scan(products.tea.barcode);
    await cartLine('Sencha Tea').waitFor();
    expect(await payAndRead(payByCard)).toBe(last + 1);
  });

  it('scans with the camera (a fake capture showing a barcode) through zxing served by the app itself', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'kassa-camera-'));
    const video = path.join(folder, 'barcode.y4m');
    writeBarcodeVideo(video, products.mug.barcode);
    const cameraBrowser = await launchChromiumWithCamera(video);
    const tabletPage = page;
    try {
      const context = await cameraBrowser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
      await context.grantPermissions(['camera'], { origin: stack.web.baseUrl });
      page = await context.newPage();
      const wasm: string[] = [];
      page.on('request', (request) => request.url().endsWith('.wasm') && wasm.push(request.url()));
      await pairThroughScreen('Camera till', true);
      await unlockAs(cashier, PIN.cashier);
      // Chromium on Linux has no BarcodeDetector: the till falls back to zxing-wasm.
      expect(await page.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(false);
      await page.getByRole('button', { name: 'Camera', exact: true }).click();
      await cartLine('Stoneware Mug').waitFor({ timeout: 30_000 });
      expect(wasm).toEqual([`${stack.web.baseUrl}/zxing/zxing_reader.wasm`]);
      expect(await page.getByRole('dialog', { name: 'Scan with the camera' }).count()).toBe(0);
      const receiptNumber = await payAndRead(payByCard);
      expect((await saleByReceipt(receiptNumber)).lines).toMatchObject([{ productId: products.mug.id, quantity: 1 }]);
    } finally {
      page = tabletPage;
      await cameraBrowser.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
