import type { Browser } from 'playwright-core';
import { createTestDatabase, freePort, ServerProcess, startBuiltApi, startBuiltWeb, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm } from './support/shop-accounts';

describe('one session in several tabs', () => {
  let database: TestDatabase;
  let api: ServerProcess;
  let web: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase();
    // No grace window: a refresh token spent twice revokes the session, so only serialized refreshes survive.
    api = await startBuiltApi(await freePort(), { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REFRESH_REUSE_GRACE_SECONDS: '0' });
    web = await startBuiltWeb(await freePort(), { KASSA_API_URL: api.baseUrl });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('keeps every tab signed in when they all refresh at once, because refreshes take turns', async () => {
    const account = newShopAccount('Tabs Shop');
    await createShop(api.baseUrl, account);
    const context = await browser.newContext();
    const tabs = [await context.newPage(), await context.newPage(), await context.newPage()];
    await signInThroughForm(tabs[0], web.baseUrl, account);

    await Promise.all(tabs.map((tab) => tab.goto(`${web.baseUrl}/dashboard`)));
    await Promise.all(tabs.map((tab) => tab.getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor()));
    await tabs[0].reload();
    await tabs[0].getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor();
    expect(tabs.map((tab) => new URL(tab.url()).pathname)).toEqual(['/dashboard', '/dashboard', '/dashboard']);
    await context.close();
  });

  it('signs every tab out when one signs out', async () => {
    const account = newShopAccount('Signout Shop');
    await createShop(api.baseUrl, account);
    const context = await browser.newContext();
    const [first, second] = [await context.newPage(), await context.newPage()];
    await signInThroughForm(first, web.baseUrl, account);
    await second.goto(`${web.baseUrl}/settings`);
    await second.getByRole('heading', { name: 'Settings' }).waitFor();

    await first.getByRole('button', { name: 'Sign out' }).click();
    await second.waitForURL('**/login?next=%2Fsettings');
    await context.close();
  });
});
