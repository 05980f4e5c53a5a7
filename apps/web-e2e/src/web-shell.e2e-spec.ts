import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { startWebStack, WebStack } from './support/web-stack';
import { accessibilityViolations } from './support/axe';
import { launchChromium, launchChromiumWithProfile } from './support/chromium';
import { layoutShiftSoFar, recordLayoutShifts } from './support/layout-shift';
import {
  accessTokenFor,
  createProduct,
  createShop,
  createStore,
  newShopAccount,
  signInThroughForm,
  waitForServiceWorkerControl,
} from './support/shop-accounts';

// The dark palette's background (THEME_COLORS.dark.bg, #0f1217) as the browser reports it.
const DARK_BACKGROUND = 'rgb(15, 18, 23)';

describe('the web app shell in Chromium', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('signs up, lands on the dashboard, keeps the session across a reload, and ends it on sign-out', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const account = newShopAccount('Signup Shop');
    await page.goto(`${stack.web.baseUrl}/signup`);
    await page.getByLabel('Shop name').fill(account.shopName);
    await page.getByLabel('Shop address').fill(account.slug);
    await page.getByLabel('Your name').fill(account.ownerName);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Create shop' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor();

    const [cookie] = (await context.cookies()).filter((candidate) => candidate.name === 'kassa_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/session' });
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(cookie.value);
    expect(await page.evaluate(() => document.cookie)).not.toContain('kassa_refresh');

    await page.reload();
    await page.getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login**');
    await page.goto(`${stack.web.baseUrl}/dashboard`);
    await page.waitForURL('**/login?next=%2Fdashboard');
    expect(await page.getByLabel('Shop').inputValue()).toBe(account.slug);

    // Signing in goes on to the page that sent the visitor to sign in.
    await page.goto(`${stack.web.baseUrl}/settings`);
    await page.waitForURL('**/login?next=%2Fsettings');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/settings');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
  });

  it('signs in, showing what went wrong on a bad password, with role-aware navigation and a store picker', async () => {
    const account = newShopAccount('Signin Shop');
    const token = await createShop(stack.api.baseUrl, account);
    await createStore(stack.api.baseUrl, token, { name: 'Harbour Street', code: 'HARBOUR' });
    await createStore(stack.api.baseUrl, token, { name: 'Market Square', code: 'MARKET' });
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.web.baseUrl}/login`);
    await page.getByLabel('Shop').fill(account.slug);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'do not match an account' }).waitFor();

    await signInThroughForm(page, stack.web.baseUrl, account);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Users')]));
    const picker = page.getByRole('combobox', { name: 'Store' });
    expect(await picker.locator('option').allInnerTexts()).toEqual(['Harbour Street', 'Market Square']);
    await picker.selectOption({ label: 'Market Square' });
    // The device's store is remembered across a reload (the dashboard itself shows every store the owner may see).
    await page.reload();
    await page.getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor();
    expect(await picker.locator('option:checked').innerText()).toBe('Market Square');
  });

  it('applies a dark choice before any of its JavaScript runs', async () => {
    const account = newShopAccount('Dark Shop');
    await createShop(stack.api.baseUrl, account);
    // The system says light, so only the stored choice can make the page dark. Blocking the
    // chunks must reach the network, so the service worker may not answer for them.
    context = await browser.newContext({ colorScheme: 'light', serviceWorkers: 'block' });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');

    let blocked = 0;
    await page.route('**/_next/static/chunks/**', (route) => {
      blocked++;
      return route.abort();
    });
    await page.reload({ waitUntil: 'load' });
    expect(blocked).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_BACKGROUND);
  });

  it('opens Settings and a product from the Ctrl+K palette, the POS with Ctrl+2, and lists shortcuts on ?', async () => {
    const account = newShopAccount('Keys Shop');
    await createShop(stack.api.baseUrl, account);
    context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search Kassa' });
    await palette.getByRole('combobox').fill('sett');
    await palette.getByRole('option', { name: 'Settings' }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/settings');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();

    const token = await accessTokenFor(stack.api.baseUrl, account);
    await createProduct(stack.api.baseUrl, token, { sku: 'TEA-01', name: 'Assam Breakfast Tea', priceMinor: 495 });
    // Enter pressed before the API has answered for what was typed opens its first result once it has, not
    // whatever was listed before.
    await page.route(
      (url) => url.pathname === '/api/v1/products' && url.searchParams.has('q'),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      },
    );
    await page.keyboard.press('Control+k');
    await palette.getByRole('combobox').fill('assam');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/products/*');
    await page.getByRole('heading', { name: 'Assam Breakfast Tea' }).waitFor();
    // A euro shop in Berlin writes prices as de-DE does (its locale, guessed at sign-up).
    await page
      .getByText(/^4,95\s€$/)
      .first()
      .waitFor();

    await page.keyboard.press('Control+2');
    await page.waitForURL('**/pos');
    // The till has its own layout: an unpaired tablet asks to be set up, and no back-office navigation loads.
    await page.getByRole('heading', { name: 'Set up this till' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.goBack();
    await page.getByRole('heading', { name: 'Assam Breakfast Tea' }).waitFor();

    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain('Go to Sales');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
  });

  it('leaves ? to the field being typed in, while Ctrl+K works from inside it', async () => {
    const account = newShopAccount('Typing Shop');
    await createShop(stack.api.baseUrl, account);
    context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search Kassa' });
    const input = palette.getByRole('combobox');
    await input.waitFor();
    await page.keyboard.type('what?');
    expect(await input.inputValue()).toBe('what?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);
    await page.keyboard.press('Control+k');
    await palette.waitFor({ state: 'hidden' });
  });

  it('after signing out and in as another shop on the same browser, offline shows none of the first shop', async () => {
    const first = newShopAccount('First Shop');
    const second = newShopAccount('Second Shop');
    await createShop(stack.api.baseUrl, first);
    await createShop(stack.api.baseUrl, second);
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.web.baseUrl}/login`);
    await waitForServiceWorkerControl(page);
    await signInThroughForm(page, stack.web.baseUrl, first);
    await page.goto(`${stack.web.baseUrl}/users`);
    // An owner can open users to edit them: the list is a grid of gridcells.
    await page.getByRole('gridcell', { name: first.email }).waitFor();
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([expect.stringMatching(/^kassa-api:/)]));

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login**');
    await signInThroughForm(page, stack.web.baseUrl, second);

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('shop-name').filter({ hasText: second.shopName }).waitFor();
    await page.goto(`${stack.web.baseUrl}/users`);
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(first.shopName);
    expect(await page.locator('body').innerText()).not.toContain(first.email);
    const cachedBodies = await page.evaluate(async () => {
      const bodies: string[] = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith('kassa-api:')) continue;
        const cache = await caches.open(name);
        for (const request of await cache.keys()) bodies.push((await (await cache.match(request))?.text()) ?? '');
      }
      return bodies.join('\n');
    });
    expect(cachedBodies).toContain(second.email);
    expect(cachedBodies).not.toContain(first.email);
  });

  it('is installable, as Chromium itself judges it', async () => {
    const profile = await mkdtemp(path.join(tmpdir(), 'kassa-chromium-'));
    try {
      context = await launchChromiumWithProfile(profile);
      const page = await context.newPage();
      await page.goto(`${stack.web.baseUrl}/login`);
      await waitForServiceWorkerControl(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
    const manifest = await (await fetch(`${stack.web.baseUrl}/manifest.webmanifest`)).json();
    expect(manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    expect(manifest.shortcuts.map((shortcut: { name: string }) => shortcut.name)).toEqual(['POS', 'New sale', 'Products']);
  });

  it('lays out sidebar and content side by side on a 768 px tablet without sideways scrolling', async () => {
    const account = newShopAccount('Tablet Shop');
    await createShop(stack.api.baseUrl, account);
    context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    const main = await page.getByRole('main').boundingBox();
    expect(nav && main && nav.x + nav.width <= main.x).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  });

  it("loads a new shop's dashboard on a phone without moving anything already drawn (layout shift under 0.01)", async () => {
    const account = newShopAccount('Phone Shop');
    await createShop(stack.api.baseUrl, account);
    context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    await recordLayoutShifts(page);
    // A cold load, as on the phone's next visit: the cards, the live feed and the setup steps all arrive after it.
    await page.goto(`${stack.web.baseUrl}/dashboard`);
    await page.getByRole('heading', { name: 'Set up your shop' }).waitFor();
    await page.getByRole('region', { name: 'Low stock' }).getByRole('heading', { name: 'Nothing is running low' }).waitFor();
    await page.getByRole('region', { name: 'Live sales' }).getByText('No sales yet').waitFor();
    await page.waitForTimeout(1_000);
    expect(await layoutShiftSoFar(page)).toBeLessThan(0.01);
  });

  it.each([
    ['light', '/login'],
    ['dark', '/signup'],
    ['light', '/dashboard'],
    ['dark', '/dashboard'],
  ] as const)('has no axe violations in %s mode on %s', async (colorScheme, path) => {
    const account = newShopAccount('Axe Shop');
    context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    if (path === '/dashboard') {
      await createShop(stack.api.baseUrl, account);
      await signInThroughForm(page, stack.web.baseUrl, account);
    } else {
      await page.goto(`${stack.web.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
