import type { Browser } from 'playwright-core';
import { startWebStack, WebStack } from './support/web-stack';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, waitForServiceWorkerControl } from './support/shop-accounts';

describe('the installed app with its servers gone', () => {
  let stack: WebStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('reloads into the app shell and the last-seen data, served by the service worker', async () => {
    const account = newShopAccount('Offline Shop');
    await createShop(stack.api.baseUrl, account);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.web.baseUrl}/login`);
    await waitForServiceWorkerControl(page);
    await signInThroughForm(page, stack.web.baseUrl, account);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${stack.web.baseUrl}/serwist/sw.js`);

    await stack.web.stop();
    await stack.api.stop();
    expect(
      await fetch(stack.web.baseUrl).then(
        () => 'answered',
        () => 'closed',
      ),
    ).toBe('closed');

    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor();
    await page.getByRole('status', { name: 'Connection: Offline' }).waitFor();
    await context.close();
  });
});
