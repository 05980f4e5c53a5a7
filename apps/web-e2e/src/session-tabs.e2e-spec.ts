import type { Browser } from 'playwright-core';
import { startWebStack, WebStack } from './support/web-stack';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm } from './support/shop-accounts';

describe('one session in several tabs', () => {
  let stack: WebStack;
  let browser: Browser;

  beforeAll(async () => {
    // No grace window: a refresh token spent twice revokes the session, so only serialized refreshes survive.
    stack = await startWebStack({ REFRESH_REUSE_GRACE_SECONDS: '0' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('keeps every tab signed in when they all refresh at once, because refreshes take turns', async () => {
    const account = newShopAccount('Tabs Shop');
    await createShop(stack.api.baseUrl, account);
    const context = await browser.newContext();
    const tabs = [await context.newPage(), await context.newPage(), await context.newPage()];
    await signInThroughForm(tabs[0], stack.web.baseUrl, account);

    await Promise.all(tabs.map((tab) => tab.goto(`${stack.web.baseUrl}/dashboard`)));
    await Promise.all(tabs.map((tab) => tab.getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor()));
    await tabs[0].reload();
    await tabs[0].getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor();
    expect(tabs.map((tab) => new URL(tab.url()).pathname)).toEqual(['/dashboard', '/dashboard', '/dashboard']);
    await context.close();
  });

  it('signs every tab out when one signs out', async () => {
    const account = newShopAccount('Signout Shop');
    await createShop(stack.api.baseUrl, account);
    const context = await browser.newContext();
    const [first, second] = [await context.newPage(), await context.newPage()];
    await signInThroughForm(first, stack.web.baseUrl, account);
    await second.goto(`${stack.web.baseUrl}/settings`);
    await second.getByRole('heading', { name: 'Settings' }).waitFor();

    await first.getByRole('button', { name: 'Sign out' }).click();
    await second.waitForURL('**/login?next=%2Fsettings');
    await context.close();
  });
});
