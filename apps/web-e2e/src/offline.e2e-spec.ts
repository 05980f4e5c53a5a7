import type { Browser } from 'playwright-core';
import { createTestDatabase, freePort, ServerProcess, startBuiltApi, startBuiltWeb, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, waitForServiceWorkerControl } from './support/shop-accounts';

describe('the installed app with its servers gone', () => {
  let database: TestDatabase;
  let api: ServerProcess;
  let web: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startBuiltApi(await freePort(), { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL });
    web = await startBuiltWeb(await freePort(), { KASSA_API_URL: api.baseUrl });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('reloads into the app shell and the last-seen data, served by the service worker', async () => {
    const account = newShopAccount('Offline Shop');
    await createShop(api.baseUrl, account);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.baseUrl}/login`);
    await waitForServiceWorkerControl(page);
    await signInThroughForm(page, web.baseUrl, account);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${web.baseUrl}/serwist/sw.js`);

    await web.stop();
    await api.stop();
    expect(await fetch(web.baseUrl).then(() => 'answered', () => 'closed')).toBe('closed');

    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor();
    await page.getByRole('status', { name: 'Connection: Offline' }).waitFor();
    await context.close();
  });
});
