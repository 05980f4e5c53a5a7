import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { uuidv7 } from '@kassa/contracts';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { createProduct, createShop, createStore, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';
import { layoutShiftSoFar, recordLayoutShifts } from './support/layout-shift';

const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const WEB_VERSION = (JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;

describe('the Monitoring screen, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let account: ShopAccount;
  let ownerToken: string;
  const thrown = `Monitoring test failure ${uuidv7()}`;

  async function signedIn(colorScheme: 'light' | 'dark'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

  const api = async <T = unknown>(method: string, path: string, body?: object): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${ownerToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };

  /** A 202 from the client-events endpoint whose batch carried `text`. */
  const isClientEvents = (response: Response, text: string) =>
    response.url().endsWith('/api/v1/monitoring/client-events') && response.status() === 202 && (response.request().postData() ?? '').includes(text);

  /** The rollups flush every second here; the page asks again until the charts have points. */
  async function openWithCharts(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitoring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monitoring' }).waitFor();
    const chart = page.getByRole('img', { name: /^Latency p50, p95 and p99/ });
    for (let attempt = 0; attempt < 20 && !(await chart.isVisible()); attempt += 1) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(500);
    }
    await chart.locator('canvas').waitFor();
    await page
      .getByRole('img', { name: /^Error rate and cache hit rate/ })
      .locator('canvas')
      .waitFor();
  }

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    // The relay stays off, so the shop's events wait: the screen shows how many and the oldest one's age.
    stack = await startWebStack({ MONITORING_FLUSH_MS: '1000', OUTBOX_RELAY: 'false' });
    browser = await launchChromium();
    account = newShopAccount('Monitored Shop');
    ownerToken = await createShop(stack.api.baseUrl, account);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('shows the latency and error charts and a browser error thrown on a page, grouped as web, and resolves it', async () => {
    const page = await signedIn('light');
    const reported = page.waitForResponse((response) => isClientEvents(response, thrown));
    await page.evaluate((message) => {
      setTimeout(() => {
        throw new TypeError(message);
      });
    }, thrown);
    // The build's version travels with the error (next.config's NEXT_PUBLIC_KASSA_VERSION).
    expect(JSON.parse((await reported).request().postData() ?? '{}').errors[0]).toMatchObject({ message: thrown, appVersion: WEB_VERSION });

    await openWithCharts(page);
    expect(await page.getByRole('term').allInnerTexts()).toEqual(['Requests', 'Error rate', 'p95 latency', 'Cache hit rate', 'Events queued', 'Relay lag']);
    await page
      .getByRole('table', { name: /Slowest routes/ })
      .getByRole('row', { name: /GET \/api\/v1\/me/ })
      .waitFor();
    const errors = page.getByRole('table', { name: /Error groups/ });
    const row = errors.getByRole('row', { name: new RegExp(thrown) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/TypeError[\s\S]*web[\s\S]*\/dashboard[\s\S]*\b1\b/);
    await page.screenshot({ path: path.join(SCREENS, 'monitoring.desktop.light.png'), fullPage: true });

    await row.getByRole('button', { name: 'Resolve' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Status' }).selectOption('resolved');
    await errors
      .getByRole('row', { name: new RegExp(thrown) })
      .getByRole('button', { name: 'Reopen' })
      .waitFor();
  });

  it('loads with its charts without moving anything already drawn (layout shift under 0.01)', async () => {
    const page = await signedIn('light');
    await openWithCharts(page);
    await recordLayoutShifts(page);
    // A cold load with traffic in the range: the figures, then uPlot, then the tables arrive after the page is drawn.
    await page.reload();
    for (const name of [/^Latency p50, p95 and p99/, /^Error rate and cache hit rate/]) await page.getByRole('img', { name }).locator('canvas').waitFor();
    await page.getByRole('table', { name: /Slowest routes/ }).waitFor();
    await page.waitForTimeout(1_500);
    expect(await layoutShiftSoFar(page)).toBeLessThan(0.01);
  });

  it('shows a Web Vital reported from the dashboard in the Web Vitals by page table', async () => {
    const page = await signedIn('light');
    // A fresh load of the dashboard: web-vitals reports its TTFB once loaded, and the reporter sends it within 2 s.
    const reported = page.waitForResponse(
      (response) => isClientEvents(response, '"metric":"TTFB"') && /"route":"\/dashboard"/.test(response.request().postData() ?? ''),
    );
    await page.goto(`${stack.web.baseUrl}/dashboard`);
    await reported;

    await openWithCharts(page);
    const vitals = page.getByRole('table', { name: /Web Vitals by page/ });
    const row = vitals.getByRole('row', { name: /\/dashboard.*TTFB.*web/ });
    for (let attempt = 0; attempt < 10 && !(await row.isVisible()); attempt += 1) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(500);
    }
    // Page, metric, source, p75, rating, samples (the other tests' dashboard loads may have added theirs).
    expect(await row.innerText()).toMatch(/^\/dashboard\s+TTFB\s+web\s+\d+ ms\s+(Good|Needs improvement|Poor)\s+[1-9]\d*$/);
  });

  it("shows the shop's events waiting for the relay and the oldest one's age, as the API counts them", async () => {
    await createProduct(stack.api.baseUrl, ownerToken, { sku: `Q-${uuidv7().slice(-8)}`, name: 'Queued', priceMinor: 100 });
    const page = await signedIn('light');
    await page.waitForTimeout(1_100);
    await openWithCharts(page);
    const figure = async (term: string) =>
      (
        await page
          .locator('dl > div')
          .filter({ has: page.getByRole('term').filter({ hasText: term }) })
          .getByRole('definition')
          .innerText()
      ).trim();
    const events = (await api<{ events: { waiting: number; oldestSeconds: number } }>('GET', '/api/v1/monitoring/summary')).events;
    expect(events.waiting).toBeGreaterThan(0);
    expect(await figure('Events queued')).toBe(events.waiting.toLocaleString('en'));
    // At least the second that passed since the product was created.
    expect(await figure('Relay lag')).toMatch(/^([1-9]\d* s|\d+ min|\d+ h)$/);
  });

  it.each(['light', 'dark'] as const)('has no serious or critical axe violations in %s mode', async (colorScheme) => {
    const page = await signedIn(colorScheme);
    await openWithCharts(page);
    await page.getByRole('region', { name: 'Error groups' }).waitFor();
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `monitoring.desktop.${colorScheme}.png`), fullPage: true });
  });
  // After the axe checks: the till's long API routes widen the Slowest routes table into a scroller that axe flags
  // (scrollable-region-focusable; DataTable's scroller takes no focus — see docs/progress/28.md, Next).
  it("reports a till's Web Vitals as pos: a paired till's page load shows in the Web Vitals by page table", async () => {
    await api('PUT', '/api/v1/me/pin', { pin: '2580', currentPassword: account.password });
    await createStore(stack.api.baseUrl, ownerToken, { name: 'Mitte', code: `MIT-${uuidv7().slice(-6)}` });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', hasTouch: true });
    const till = await context.newPage();
    // monitorTill comes with the selling screen after a cashier signs in; web-vitals still reports the load's TTFB.
    const reported = till.waitForResponse(
      (response) => isClientEvents(response, '"source":"pos"') && /"metric":"TTFB"[^}]*"route":"\/pos"/.test(response.request().postData() ?? ''),
    );
    await till.goto(`${stack.web.baseUrl}/pos`);
    await till.getByRole('heading', { name: 'Set up this till' }).waitFor();
    await till.getByLabel('Shop').fill(account.slug);
    await till.getByLabel('Email').fill(account.email);
    await till.getByLabel('Password').fill(account.password);
    await till.getByRole('button', { name: 'Sign in' }).click();
    await till.getByRole('combobox', { name: 'Store' }).selectOption({ label: 'Mitte' });
    await till.getByLabel('New register').fill('Vitals till');
    await till.getByRole('button', { name: 'Create register' }).click();
    await till.getByRole('radio', { name: /Vitals till/ }).check();
    await till.getByRole('button', { name: 'Pair this tablet' }).click();
    await till.getByRole('button', { name: new RegExp(`^${account.ownerName}`) }).click();
    await till.getByLabel(`PIN for ${account.ownerName}`).fill('2580');
    await till.getByRole('button', { name: 'Sign in' }).click();
    await till.getByRole('heading', { name: /^Sale/ }).waitFor();
    await reported;
    await context.close();

    const page = await signedIn('light');
    await openWithCharts(page);
    const vitals = page.getByRole('table', { name: /Web Vitals by page/ });
    const row = vitals.getByRole('row', { name: /\/pos.*TTFB.*pos/ });
    for (let attempt = 0; attempt < 10 && !(await row.isVisible()); attempt += 1) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(500);
    }
    expect(await row.innerText()).toMatch(/^\/pos\s+TTFB\s+pos\s+\d+ ms\s+(Good|Needs improvement|Poor)\s+[1-9]\d*$/);
  });
});
