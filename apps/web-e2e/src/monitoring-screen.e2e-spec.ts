import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { uuidv7 } from '@kassa/contracts';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');

describe('the Monitoring screen, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let account: ShopAccount;
  const thrown = `Monitoring test failure ${uuidv7()}`;

  async function signedIn(colorScheme: 'light' | 'dark'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

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
    stack = await startWebStack({ MONITORING_FLUSH_MS: '1000' });
    browser = await launchChromium();
    account = newShopAccount('Monitored Shop');
    await createShop(stack.api.baseUrl, account);
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
    await reported;

    await openWithCharts(page);
    expect(await page.getByRole('term').allInnerTexts()).toEqual(['Requests', 'Error rate', 'p95 latency', 'Cache hit rate']);
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

  it.each(['light', 'dark'] as const)('has no serious or critical axe violations in %s mode', async (colorScheme) => {
    const page = await signedIn(colorScheme);
    await openWithCharts(page);
    await page.getByRole('region', { name: 'Error groups' }).waitFor();
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `monitoring.desktop.${colorScheme}.png`), fullPage: true });
  });
});
