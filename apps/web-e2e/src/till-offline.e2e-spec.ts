import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, eventually, freePort, startBuiltApi, startBuiltWeb, TEST_REDIS_URL, type ServerProcess, type TestDatabase } from '@kassa/testing';
import { accessibilityViolations } from './support/axe';
import { launchChromium, launchChromiumWithProfile } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, waitForServiceWorkerControl, type ShopAccount } from './support/shop-accounts';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const PIN = { owner: '2580', cashier: '1357' };

interface Created {
  id: string;
}
interface ApiSale extends Created {
  receiptNumber: number;
  offline: boolean;
  occurredAt: string;
  discountMinor: number;
  actorId: string;
  customerId: string | null;
  tenders: { type: string; amountMinor: number }[];
}

/** What the proxy saw of one `POST /api/v1/sales`. */
interface SeenSale {
  id: string;
  status: number;
  replayed: boolean;
  replyDropped: boolean;
}

/**
 * Stands between the web server and the API. It can forward a sale, let the API commit it and then drop
 * the reply (the connection closes with no answer), and it can hold sales (never forwarded) so the test
 * closes the page at a known point of the sync.
 */
class ApiProxy {
  readonly seen: SeenSale[] = [];
  mode: 'pass' | 'hold' = 'pass';
  /** Drop the reply of the n-th sale from now (1-based), then hold the rest. */
  dropReplyOfSale: number | undefined;
  private readonly held: ServerResponse[] = [];
  private server!: Server;

  constructor(private readonly target: string) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    for (const response of this.held) response.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const isSale = request.method === 'POST' && request.url === '/api/v1/sales';
    if (isSale && this.mode === 'hold') {
      this.held.push(response);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers.set(name, value);
    }
    const answer = await fetch(`${this.target}${request.url}`, { method: request.method, headers, body: body.length > 0 ? body : undefined });
    const answerBody = Buffer.from(await answer.arrayBuffer());
    if (isSale) {
      const drop = this.dropReplyOfSale !== undefined && this.seen.length + 1 === this.dropReplyOfSale;
      this.seen.push({
        id: (JSON.parse(body.toString()) as Created).id,
        status: answer.status,
        replayed: answer.headers.get('idempotent-replayed') === 'true',
        replyDropped: drop,
      });
      if (drop) {
        // The API has committed the sale; the caller never hears of it.
        this.mode = 'hold';
        this.dropReplyOfSale = undefined;
        request.socket.destroy();
        return;
      }
    }
    const relayed: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(name)) relayed[name] = value;
    });
    response.writeHead(answer.status, relayed).end(answerBody);
  }
}

describe('the till offline: a durable queue, sent exactly once (Chromium, built app, real API)', () => {
  let database: TestDatabase;
  let apiServer: ServerProcess;
  let proxy: ApiProxy;
  let web: ServerProcess;
  let profile: string;
  let browser: Browser;
  let tablet: BrowserContext;
  let page: Page;
  let account: ShopAccount;
  let ownerToken: string;
  let storeId: string;
  let cashier: Created & { name: string };
  const products: Record<'tea' | 'mug', Created & { barcode: string; priceMinor: number }> = {} as never;

  const api = async <T>(token: string, method: string, route: string, body?: object): Promise<T> => {
    const response = await fetch(`${apiServer.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };

  const signIn = async (email: string) => {
    const response = await fetch(`${apiServer.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: account.slug, email, password: account.password }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  };

  async function salesOnApi(): Promise<ApiSale[]> {
    const { items } = await api<{ items: Created[] }>(ownerToken, 'GET', `/api/v1/sales?storeId=${storeId}&limit=100`);
    return (await Promise.all(items.map((sale) => api<ApiSale>(ownerToken, 'GET', `/api/v1/sales/${sale.id}`)))).sort(
      (a, b) => a.receiptNumber - b.receiptNumber,
    );
  }

  const scanBox = () => page.getByRole('searchbox', { name: 'Scan or search' });
  async function scan(code: string) {
    await scanBox().fill(code);
    await scanBox().press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /^Added / })
      .waitFor();
  }
  const queueStatus = (text: RegExp) => page.getByRole('button', { name: text }).first();

  async function unlockAsCashier() {
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
    await page.getByRole('button', { name: new RegExp(`^${cashier.name}`) }).click();
    await page.getByLabel(`PIN for ${cashier.name}`).fill(PIN.cashier);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();
  }

  /** Pays what the cart is worth with `pay`, checks the sale is done while offline, and starts the next one. */
  async function sellOffline(pay: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<number> {
    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: 'Take payment' });
    await dialog.waitFor();
    await pay(dialog);
    const heading = page.getByRole('heading', { name: /^Sale complete · Receipt #\d+$/ });
    await heading.waitFor();
    await page.getByText('Saved on this device: it is sent to Kassa as soon as Kassa can be reached.').waitFor();
    const receiptNumber = Number((await heading.innerText()).replace(/\D+/g, ' ').trim().split(' ').pop());
    await page.getByRole('button', { name: 'New sale' }).click();
    return receiptNumber;
  }
  const byCard = (dialog: ReturnType<Page['getByRole']>) => dialog.getByRole('button', { name: 'Card', exact: true }).click();

  /** Five sales: one with a 10% discount, one split between card and cash. */
  async function fiveSalesOffline(): Promise<number[]> {
    const numbers: number[] = [];
    await scan(products.tea.barcode);
    numbers.push(await sellOffline(byCard));
    await scan(products.mug.barcode);
    await page.getByRole('button', { name: 'Sale discount' }).click();
    await page.getByRole('button', { name: '10%' }).click();
    await page.getByRole('button', { name: 'Apply discount' }).click();
    numbers.push(await sellOffline((dialog) => dialog.getByRole('button', { name: 'Cash', exact: true }).click()));
    await scan(products.mug.barcode);
    numbers.push(
      await sellOffline(async (dialog) => {
        await dialog.getByLabel('Amount tendered').fill('5');
        await dialog.getByRole('button', { name: 'Card', exact: true }).click();
        await dialog.getByRole('listitem').filter({ hasText: /Card/ }).waitFor();
        await dialog.getByRole('button', { name: 'Cash', exact: true }).click();
      }),
    );
    await scan(products.tea.barcode);
    numbers.push(await sellOffline(byCard));
    await scan(products.tea.barcode);
    await scan(products.mug.barcode);
    numbers.push(await sellOffline(byCard));
    return numbers;
  }

  async function openTablet() {
    tablet = await launchChromiumWithProfile(profile);
    page = tablet.pages()[0] ?? (await tablet.newPage());
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // Its own Redis keys: browser suites running at the same time must not take each other's queue jobs.
    apiServer = await startBuiltApi(await freePort(), {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `kassa-test:${database.name}:`,
    });
    proxy = new ApiProxy(apiServer.baseUrl);
    await proxy.start();
    web = await startBuiltWeb(await freePort(), { KASSA_API_URL: proxy.baseUrl });
    profile = mkdtempSync(path.join(tmpdir(), 'kassa-till-profile-'));

    account = newShopAccount('Offline Till');
    ownerToken = await createShop(apiServer.baseUrl, account);
    await api(ownerToken, 'PATCH', '/api/v1/tenant', { discountLimitBps: { cashier: 1_000, manager: 5_000 }, offlineCardAllowed: true });
    storeId = (await api<Created>(ownerToken, 'POST', '/api/v1/stores', { name: 'Mitte', code: 'MIT-1' })).id;
    const email = `cem@${account.slug}.test`;
    const created = await api<{ user: Created; invite: { token: string } }>(ownerToken, 'POST', '/api/v1/users', {
      name: 'Cem Cashier',
      email,
      role: 'cashier',
    });
    await fetch(`${apiServer.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: created.invite.token, password: account.password }),
    });
    await api(await signIn(email), 'PUT', '/api/v1/me/pin', { pin: PIN.cashier, currentPassword: account.password });
    cashier = { id: created.user.id, name: 'Cem Cashier' };
    const define = async (key: 'tea' | 'mug', name: string, priceMinor: number, barcode: string) => {
      const product = await api<Created>(ownerToken, 'POST', '/api/v1/products', {
        sku: key.toUpperCase(),
        name,
        priceMinor,
        taxRateBps: 700,
        barcodes: [barcode],
        trackStock: true,
      });
      await api(ownerToken, 'POST', '/api/v1/inventory/adjustments', { storeId, productId: product.id, delta: 100, reason: 'receipt' });
      products[key] = { ...product, barcode, priceMinor };
    };
    await define('tea', 'Sencha Tea', 450, '4006381333931');
    await define('mug', 'Stoneware Mug', 1_200, '4006381333948');

    await openTablet();
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
    await unlockAsCashier();
  });

  afterAll(async () => {
    await tablet?.close();
    await browser?.close();
    await web?.stop();
    await proxy?.close();
    await apiServer?.stop();
    await database?.drop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('keeps 5 offline sales through two reloads and a browser restart, then sends each exactly once', async () => {
    // Playwright's setOffline is CDP Network.emulateNetworkConditions({ offline: true }) on the page and its service worker.
    await tablet.setOffline(true);
    await queueStatus(/^Offline · 0 waiting/).waitFor();
    const numbers = await fiveSalesOffline();
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
    await queueStatus(/^Offline · 5 waiting · oldest/).waitFor();

    for (let reload = 0; reload < 2; reload += 1) {
      await page.reload();
      await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
      await queueStatus(/^Offline · 5 waiting/).waitFor();
    }
    expect(await salesOnApi()).toEqual([]);

    await tablet.close();
    const backOnline = new Date().toISOString();
    await openTablet();
    await page.goto(`${web.baseUrl}/pos`);
    await queueStatus(/5 waiting/).waitFor();
    await unlockAsCashier();
    await queueStatus(/^Online · 0 waiting/).waitFor();

    const sales = await salesOnApi();
    expect(sales.map((sale) => sale.receiptNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(proxy.seen.map((seen) => seen.id)).size).toBe(5);
    expect(proxy.seen.every((seen) => seen.status === 201 && !seen.replayed)).toBe(true);
    expect(sales.every((sale) => sale.offline && sale.occurredAt < backOnline && sale.actorId === cashier.id)).toBe(true);
    expect(sales[1].discountMinor).toBe(120);
    expect(sales[2].tenders.map((tender) => [tender.type, tender.amountMinor])).toEqual([
      ['card', 500],
      ['cash', 700],
    ]);
  });

  it('finishes a sync killed midway after a reply was lost: the resent sale is a replay, the API has each once', async () => {
    await tablet.setOffline(true);
    const numbers = await fiveSalesOffline();
    expect(numbers).toEqual([6, 7, 8, 9, 10]);
    proxy.seen.length = 0;
    proxy.dropReplyOfSale = 2;
    await tablet.setOffline(false);
    await eventually(
      async () => proxy.seen.length,
      (count) => count === 2,
    );
    await page.close();

    proxy.mode = 'pass';
    page = await tablet.newPage();
    await page.goto(`${web.baseUrl}/pos`);
    await unlockAsCashier();
    await queueStatus(/^Online · 0 waiting/).waitFor();

    const sales = (await salesOnApi()).filter((sale) => sale.receiptNumber > 5);
    expect(sales.map((sale) => sale.receiptNumber)).toEqual([6, 7, 8, 9, 10]);
    const [first, lost, ...rest] = proxy.seen;
    expect([first.replayed, lost.replyDropped]).toEqual([false, true]);
    expect(rest[0]).toMatchObject({ id: lost.id, replayed: true });
    expect(rest.slice(1).map((seen) => seen.replayed)).toEqual([false, false, false]);
    expect(new Set(rest.slice(1).map((seen) => seen.id)).size).toBe(3);
  });

  it('keeps a sale the API refuses in the queue with its reason, and sends the others', async () => {
    await tablet.setOffline(true);
    await scan(products.tea.barcode);
    expect(await sellOffline(byCard)).toBe(11);
    // A sale naming a product this shop does not have, planted in the queue with the next receipt number.
    await page.evaluate(
      async ({ storeId: store, unknownProduct }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('kassa-till');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const device = await new Promise<{ registerId: string }>((resolve) => {
          const request = db.transaction('device').objectStore('device').get('current');
          request.onsuccess = () => resolve(request.result);
        });
        const transaction = db.transaction(['meta', 'outbox'], 'readwrite');
        const meta = transaction.objectStore('meta');
        const counter = meta.get('lastReceiptNumber');
        counter.onsuccess = () => {
          const receiptNumber = (counter.result as number) + 1;
          meta.put(receiptNumber, 'lastReceiptNumber');
          const id = crypto.randomUUID();
          const occurredAt = new Date().toISOString();
          const body = {
            id,
            storeId: store,
            registerId: device.registerId,
            receiptNumber,
            lines: [{ productId: unknownProduct, quantity: 1 }],
            tenders: [{ type: 'card', amountMinor: 100 }],
            occurredAt,
            offline: true,
          };
          transaction.objectStore('outbox').add({
            id,
            kind: 'sale',
            path: '/api/v1/sales',
            body: JSON.stringify(body),
            registerId: device.registerId,
            receiptNumber,
            occurredAt,
            offline: true,
            cashierId: 'planted',
            totalMinor: 100,
            state: 'waiting',
            attempts: 0,
            lastError: null,
            refusal: null,
            queuedAt: occurredAt,
          });
        };
        await new Promise((resolve) => (transaction.oncomplete = resolve));
        db.close();
      },
      { storeId, unknownProduct: '019ad000-0000-7000-8000-000000000001' },
    );
    await scan(products.mug.barcode);
    expect(await sellOffline(byCard)).toBe(13);
    await tablet.setOffline(false);
    await queueStatus(/^Online · 0 waiting · 1 refused/).click();
    const panel = page.getByRole('dialog', { name: 'This device' });
    const refused = panel.getByRole('row').filter({ hasText: 'Sale #12' });
    await refused.getByText(/^Refused: .+/).waitFor();
    expect(await refused.innerText()).toContain('No such product. (lines.0.productId: not a product of this shop)');
    expect((await salesOnApi()).map((sale) => sale.receiptNumber).filter((number) => number > 10)).toEqual([11, 13]);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });

  it("shows the till's waiting sales and the oldest one on the back office's Devices page within one heartbeat", async () => {
    mkdirSync(SCREENS, { recursive: true });
    await tablet.setOffline(true);
    await scan(products.tea.barcode);
    await sellOffline(byCard);
    await scan(products.mug.barcode);
    await sellOffline(byCard);
    // Locked, the till cannot send sales (no cashier's token) but still reports with its device credential.
    await page.getByRole('button', { name: /Switch cashier/ }).click();
    await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
    await tablet.setOffline(false);
    await queueStatus(/^Online · 2 waiting/).waitFor();
    const oldestOnTill = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('kassa-till');
        request.onsuccess = () => resolve(request.result);
      });
      const entries = await new Promise<{ state: string; occurredAt: string }[]>((resolve) => {
        const request = db.transaction('outbox').objectStore('outbox').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return entries
        .filter((entry) => entry.state === 'waiting')
        .map((entry) => entry.occurredAt)
        .sort()[0];
    });

    browser = await launchChromium();
    const office = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const manager = await office.newPage();
    await signInThroughForm(manager, web.baseUrl, account);
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
    await manager.getByRole('heading', { name: 'Devices' }).waitFor();
    const row = manager.getByRole('row').filter({ hasText: 'Counter tablet' });
    await eventually(
      async () => (await row.count()) > 0 && (await row.innerText()),
      (text) => typeof text === 'string' && /\t2\t/.test(text),
    );
    const { items } = await api<{ items: { name: string; sync: { pending: number; oldestPendingAt: string; refused: number } }[] }>(
      ownerToken,
      'GET',
      '/api/v1/devices',
    );
    expect(items.find((device) => device.name === 'Counter tablet')?.sync).toMatchObject({ pending: 2, oldestPendingAt: oldestOnTill, refused: 1 });
    expect(await row.innerText()).not.toMatch(/\t—\t/);
    await manager.screenshot({ path: path.join(SCREENS, 'devices.1280x800.light.png') });
    await manager.emulateMedia({ colorScheme: 'dark' });
    // The page fades to the new theme (160 ms on the body): a shot taken at once catches it half-way.
    await manager.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark' && document.getAnimations().length === 0);
    await manager.screenshot({ path: path.join(SCREENS, 'devices.1280x800.dark.png') });
    expect(await accessibilityViolations(manager, ['serious', 'critical'])).toEqual([]);

    await unlockAsCashier();
    await queueStatus(/^Online · 0 waiting/).waitFor();
    await eventually(
      async () => row.innerText(),
      (text) => /\t0\t/.test(text),
    );
    await office.close();
  });

  it('refuses to unpair a tablet holding unsent sales; its exported queue, imported on the tablet that takes over the register, reaches the API once', async () => {
    await tablet.setOffline(true);
    const numbers: number[] = [];
    for (const product of [products.tea, products.mug, products.tea]) {
      await scan(product.barcode);
      numbers.push(await sellOffline(byCard));
    }
    expect(numbers).toEqual([16, 17, 18]);
    await queueStatus(/^Offline · 3 waiting/).click();
    const panel = page.getByRole('dialog', { name: 'This device' });
    await panel.getByRole('button', { name: 'Unpair this tablet' }).click();
    // Three sales and the refused one from before.
    await panel.getByRole('alert').filter({ hasText: '4 entries have not reached Kassa: unpairing would delete them.' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export queue' }).click()]);
    const exported = path.join(profile, 'queue.json');
    await download.saveAs(exported);

    // The tablet that takes over Till 1 (pairing it revokes the first).
    const oldPage = page;
    const replacement = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const replacementPage = await replacement.newPage();
    page = replacementPage;
    await page.goto(`${web.baseUrl}/pos`);
    await page.getByLabel('Shop').fill(account.slug);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('combobox', { name: 'Store' }).selectOption({ label: 'Mitte' });
    await page.getByRole('radio', { name: /Till 1/ }).check();
    await page.getByLabel('Name of this tablet').fill('Replacement tablet');
    await page.getByRole('button', { name: 'Pair this tablet' }).click();
    await unlockAsCashier();
    await queueStatus(/^Online · 0 waiting/).click();
    await page.getByRole('dialog', { name: 'This device' }).getByLabel('Import a queue').setInputFiles(exported);
    await page.getByRole('dialog', { name: 'This device' }).getByRole('status').filter({ hasText: '4 of 4 added to the queue' }).waitFor();
    await queueStatus(/^Online · 0 waiting · 1 refused/).waitFor();
    expect((await salesOnApi()).map((sale) => sale.receiptNumber).filter((number) => number > 15)).toEqual([16, 17, 18]);

    // The first tablet, back online, is unpaired but keeps its queue and says so; nothing is sent twice.
    page = oldPage;
    await tablet.setOffline(false);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'It still holds 4 entries that have not reached Kassa' }).waitFor();
    expect((await salesOnApi()).map((sale) => sale.receiptNumber).filter((number) => number > 15)).toEqual([16, 17, 18]);
    // The replacement tablet sells on from here.
    await tablet.close();
    tablet = replacement;
    page = replacementPage;
    await page.keyboard.press('Escape');
  });

  it('merges a customer created offline into the one the shop has with that email, and the sale lands on it', async () => {
    const ada = await api<Created>(ownerToken, 'POST', '/api/v1/customers', { name: 'Ada Lovelace', email: 'ada@example.test' });
    await tablet.setOffline(true);
    await scan(products.tea.barcode);
    await page.getByRole('button', { name: 'Add customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Customer' });
    await dialog.getByLabel('Name').fill('Ada L.');
    await dialog.getByLabel('Email or phone').fill('ADA@example.test');
    await dialog.getByRole('button', { name: 'Create and attach' }).click();
    await page.getByRole('button', { name: 'Customer: Ada L.' }).waitFor();
    expect(await sellOffline(byCard)).toBe(19);
    await queueStatus(/^Offline · 2 waiting/).waitFor();

    await tablet.setOffline(false);
    await queueStatus(/^Online · 0 waiting/).waitFor();
    const sale = (await salesOnApi()).find((found) => found.receiptNumber === 19);
    expect(sale?.customerId).toBe(ada.id);
    const { items } = await api<{ items: Created[] }>(ownerToken, 'GET', '/api/v1/customers?q=ada%40example.test');
    expect(items.map((customer) => customer.id)).toEqual([ada.id]);
  });
  it("refuses to unpair with 3 sales waiting; the exported queue, imported in the back office, posts them once for the till's cashier", async () => {
    await tablet.setOffline(true);
    const numbers: number[] = [];
    for (const product of [products.mug, products.tea, products.mug]) {
      await scan(product.barcode);
      numbers.push(await sellOffline(byCard));
    }
    expect(numbers).toEqual([20, 21, 22]);
    await queueStatus(/^Offline · 3 waiting/).click();
    const panel = page.getByRole('dialog', { name: 'This device' });
    await panel.getByRole('button', { name: 'Unpair this tablet' }).click();
    await panel.getByRole('alert').filter({ hasText: '4 entries have not reached Kassa: unpairing would delete them.' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export queue' }).click()]);
    const exported = path.join(profile, 'queue-for-the-office.json');
    await download.saveAs(exported);
    await page.keyboard.press('Escape');
    const ids = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('kassa-till');
        request.onsuccess = () => resolve(request.result);
      });
      const entries = await new Promise<{ id: string; state: string }[]>((resolve) => {
        const request = db.transaction('outbox').objectStore('outbox').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return entries.filter((entry) => entry.state === 'waiting').map((entry) => entry.id);
    });
    const postsOf = (id: string) => proxy.seen.filter((seen) => seen.id === id);

    // The owner (devices:manage) imports the file on the Devices page, twice.
    const office = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const manager = await office.newPage();
    await signInThroughForm(manager, web.baseUrl, account);
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
    await manager.getByLabel('Import a queue file').setInputFiles(exported);
    const importing = manager.getByRole('dialog', { name: 'Import a queue file' });
    await importing.getByRole('button', { name: 'Post to Kassa' }).click();
    await importing.getByRole('status').filter({ hasText: '3 of 4 in Kassa.' }).waitFor();
    expect(await importing.getByRole('row').filter({ hasText: 'Sale #12' }).innerText()).toContain('Refused');
    await importing.getByRole('button', { name: 'Post again' }).click();
    await eventually(
      async () => ids.map((id) => postsOf(id).length),
      (counts) => counts.every((count) => count === 2),
    );
    await importing.getByRole('status').filter({ hasText: '3 of 4 in Kassa.' }).waitFor();
    await office.close();

    // The till, back online, sends its copies: replays, so the API has each sale once, for the till's cashier.
    await tablet.setOffline(false);
    await queueStatus(/^Online · 0 waiting · 1 refused/).waitFor();
    for (const id of ids)
      expect(postsOf(id).map((seen) => [seen.status, seen.replayed])).toEqual([
        [201, false],
        [201, true],
        [201, true],
      ]);
    const imported = (await salesOnApi()).filter((sale) => sale.receiptNumber >= 20);
    expect(imported.map((sale) => [sale.receiptNumber, sale.offline, sale.actorId])).toEqual([
      [20, true, cashier.id],
      [21, true, cashier.id],
      [22, true, cashier.id],
    ]);
  });

  it('switches cashier offline against the PIN hash kept on the tablet, refuses a wrong PIN, and the sale lands on that cashier', async () => {
    await api(ownerToken, 'PUT', '/api/v1/me/pin', { pin: PIN.owner, currentPassword: account.password });
    const owner = new RegExp(`^${account.ownerName}`);
    const signInAs = async (who: RegExp, pin: string) => {
      await page.getByRole('button', { name: /Switch cashier/ }).click();
      await page.getByRole('heading', { name: 'Who is selling?' }).waitFor();
      await page.getByRole('button', { name: who }).click();
      await page.getByLabel(/^PIN for /).fill(pin);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    // The owner signs in here once with the network (the tablet keeps a hash of the PIN), then hands back to Cem.
    await signInAs(owner, PIN.owner);
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();
    await page.waitForFunction(
      async () =>
        new Promise<boolean>((resolve) => {
          const request = indexedDB.open('kassa-till');
          request.onsuccess = () => {
            const keys = request.result.transaction('meta').objectStore('meta').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.filter((key) => String(key).startsWith('offline-staff:')).length === 2);
          };
        }),
      undefined,
      { polling: 200 },
    );
    const remembered = await page.evaluate(
      async () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('kassa-till');
          request.onsuccess = () => {
            const all = request.result.transaction('meta').objectStore('meta').getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
          };
        }),
    );
    expect(remembered).not.toContain(PIN.owner);
    await signInAs(new RegExp(`^${cashier.name}`), PIN.cashier);
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();

    // Offline: Cem hands over to the owner; a wrong PIN is refused by the tablet itself.
    await tablet.setOffline(true);
    await signInAs(owner, '9999');
    await page.getByRole('alert').filter({ hasText: 'That PIN is not right. Try again.' }).waitFor();
    await page.getByLabel(/^PIN for /).fill(PIN.owner);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();
    await scan(products.tea.barcode);
    expect(await sellOffline(byCard)).toBe(23);

    // Back online the till asks for a sign-in with the network; Cem sends the queue, the sale stays the owner's.
    await tablet.setOffline(false);
    await unlockAsCashier();
    await queueStatus(/^Online · 0 waiting/).waitFor();
    const ownerId = (await api<{ user: Created }>(ownerToken, 'GET', '/api/v1/me')).user.id;
    expect((await salesOnApi()).find((found) => found.receiptNumber === 23)).toMatchObject({ offline: true, actorId: ownerId });
  });
});
