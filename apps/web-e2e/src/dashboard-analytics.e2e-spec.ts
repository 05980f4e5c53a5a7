import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { eventually } from '@kassa/testing';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { seedShop } from './support/seeded-shop';
import { createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, type WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const SLUGS = ['trend', 'forecast', 'seasonality', 'anomalies', 'top-products', 'baskets', 'customers', 'velocity'] as const;
type Slug = (typeof SLUGS)[number];
type Answer = Record<string, unknown> & { explanation: string };
type Row = Record<string, unknown>;

/** The value, or a failure naming what the seeded shop or the answer lacked. */
function given<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

const dayIn = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the dashboard and analytics screens, in Chromium against the real API on a year of seeded sales', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let owner: ShopAccount;
  let manager: ShopAccount;
  let cashier: ShopAccount;
  let ownerToken: string;
  let managerToken: string;
  let branchId: string;
  let lowProductName: string;
  let locale: string;
  const today = dayIn(new Date());
  // The planted spike: a few hampers sold three days ago, far above any usual day.
  const spikeDay = dayIn(new Date(Date.now() - 3 * 86_400_000));

  const api = async <T>(token: string, method: string, route: string, body?: object): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const login = async (account: ShopAccount) => {
    const response = await fetch(`${stack.api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: account.slug, email: account.email, password: account.password }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  const invite = async (name: string, role: 'manager' | 'cashier', storeIds?: string[]): Promise<ShopAccount> => {
    const account = { ...owner, ownerName: name, email: `${role}@${owner.slug}.example.com` };
    const invited = await api<{ invite: { token: string } }>(ownerToken, 'POST', '/api/v1/users', {
      name,
      email: account.email,
      role,
      ...(storeIds ? { storeIds } : {}),
    });
    const set = await fetch(`${stack.api.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invited.invite.token, password: account.password }),
    });
    if (set.status !== 204) throw new Error(`set-password answered ${set.status}`);
    return account;
  };
  const analytics = <T = Answer>(token: string, report: string, query: string) => api<T>(token, 'GET', `/api/v1/analytics/${report}?${query}`);

  const money = (minor: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(Math.round(minor) / 100);
  const count = (value: number, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  const percent = (value: number) =>
    `${value > 0 ? '+' : ''}${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`;

  async function signedIn(account: ShopAccount, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

  const card = (page: Page, title: string | RegExp) => page.getByRole('region', { name: title });
  const chartIn = (scope: Page | Locator) => scope.locator('[data-chart="uplot"] canvas').first();

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack();
    browser = await launchChromium();
    owner = await seedShop(stack.database.url, newShopAccount('Dash').slug, { days: 365, salesPerDay: 30, products: 40, stores: 2, customers: 80, seed: 30 });
    ownerToken = await login(owner);
    locale = (await api<{ locale: string }>(ownerToken, 'GET', '/api/v1/tenant')).locale;
    const stores = (await api<{ items: { id: string; name: string }[] }>(ownerToken, 'GET', '/api/v1/stores')).items;
    const main = given(
      stores.find((store) => store.name === 'Main Street'),
      'the Main Street store',
    );
    branchId = given(
      stores.find((store) => store.name !== 'Main Street'),
      'the second store',
    ).id;

    const hamper = await api<{ id: string }>(ownerToken, 'POST', '/api/v1/products', {
      sku: 'HAMPER-1',
      name: 'Gift Hamper',
      priceMinor: 25_000,
      trackStock: false,
    });
    const sell = (quantity: number, occurredAt?: string) =>
      api(ownerToken, 'POST', '/api/v1/sales', {
        storeId: main.id,
        lines: [{ productId: hamper.id, quantity }],
        tenders: [{ type: 'cash', amountMinor: quantity * 25_000 }],
        ...(occurredAt ? { occurredAt } : {}),
      });
    for (let sale = 0; sale < 5; sale++) await sell(4, new Date(Date.now() - 3 * 86_400_000).toISOString());
    await sell(1);
    await sell(2);

    const products = (
      await api<{ items: { id: string; name: string; reorderPoint: number | null; trackStock: boolean }[] }>(ownerToken, 'GET', '/api/v1/products?limit=50')
    ).items;
    const stocked = given(
      products.find((product) => product.trackStock && (product.reorderPoint ?? 0) >= 2),
      'a stocked product with a reorder point',
    );
    lowProductName = stocked.name;
    await api(ownerToken, 'POST', '/api/v1/inventory/adjustments', { storeId: main.id, productId: stocked.id, delta: 1, reason: 'adjustment' });

    manager = await invite('Bea Branch', 'manager', [branchId]);
    managerToken = await login(manager);
    cashier = await invite('Cas Cashier', 'cashier');

    // The rollups follow the sales through the outbox: wait until today's and the spike's figures are in.
    await eventually(
      () => analytics<{ anomalies: { date: string }[] }>(ownerToken, 'anomalies', `from=${shift(today, -90)}&to=${shift(today, -1)}`),
      (answer) => answer.anomalies.some((anomaly) => anomaly.date === spikeDay),
    );
    await eventually(
      () => analytics<{ lastDay: { transactions: number } }>(ownerToken, 'summary', `from=${today}&to=${today}`),
      (answer) => answer.lastDay.transactions === 2,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('shows today against the same weekday last week as the API sums it, the forecast band, low stock with its order action, and the planted spike in words', async () => {
    const summary = await analytics<{
      lastDay: Record<string, number | null>;
      sameWeekdayLastWeek: Record<string, number | null>;
      vsSameWeekdayLastWeek: Record<string, number | null>;
    }>(ownerToken, 'summary', `from=${today}&to=${today}`);
    const forecast = await analytics<{ points: { date: string; value: number; low: number; high: number }[] }>(
      ownerToken,
      'forecast',
      `metric=revenue&horizon=14&from=${shift(today, -55)}&to=${shift(today, -1)}`,
    );
    const anomalies = await analytics<{ anomalies: { date: string; explanation: string }[] }>(
      ownerToken,
      'anomalies',
      `from=${shift(today, -90)}&to=${shift(today, -1)}`,
    );
    const spike = given(
      anomalies.anomalies.find((anomaly) => anomaly.date === spikeDay),
      'the planted spike',
    );

    for (const scheme of ['light', 'dark'] as const) {
      const page = await signedIn(owner, scheme);
      const revenue = page.getByTestId('today-revenue');
      await revenue.waitFor();
      const text = async (id: string) => (await page.getByTestId(`today-${id}`).innerText()).replace(/\s+/g, ' ');
      const spaced = (value: string) => value.replace(/\s+/g, ' ');
      expect(await text('revenue')).toContain(spaced(money(given(summary.lastDay['revenueMinor'], 'revenueMinor'))));
      expect(await text('revenue')).toContain(spaced(money(given(summary.sameWeekdayLastWeek['revenueMinor'], 'revenueMinor'))));
      expect(await text('revenue')).toContain(percent(given(summary.vsSameWeekdayLastWeek['revenuePercent'], 'revenuePercent')));
      expect(await text('transactions')).toContain(`${count(given(summary.lastDay['transactions'], 'transactions'))}`);
      expect(await text('transactions')).toContain(percent(given(summary.vsSameWeekdayLastWeek['transactionsPercent'], 'transactionsPercent')));
      expect(await text('basket')).toContain(spaced(money(given(summary.lastDay['averageBasketMinor'], 'averageBasketMinor'))));
      // The hampers have no cost, so today's margin is unknown (—) and has no % change.
      const marginText = (minor: number | null) => (minor === null ? '—' : spaced(money(minor)));
      expect(await text('margin')).toContain(marginText(summary.lastDay['marginMinor']));
      expect(await text('margin')).toContain(marginText(summary.sameWeekdayLastWeek['marginMinor']));

      const revenueCard = card(page, /Revenue: 8 weeks/);
      await chartIn(revenueCard).waitFor();
      await revenueCard.getByRole('button', { name: 'Show data' }).click();
      const [first] = forecast.points;
      const forecastRow = revenueCard.getByRole('row').filter({ hasText: spaced(money(first.high)) });
      expect(spaced(await forecastRow.innerText())).toContain(spaced(money(first.low)));

      expect(spaced(await page.getByTestId('anomaly-sentences').innerText())).toContain(spaced(spike.explanation));
      const lowStock = card(page, 'Low stock');
      await lowStock.getByText(lowProductName).waitFor();
      expect(await lowStock.getByRole('link', { name: 'Create purchase order' }).getAttribute('href')).toBe('/purchasing/reorder');
      expect(
        await card(page, 'Top products this week')
          .getByRole('link', { name: /Top products/ })
          .getAttribute('href'),
      ).toContain('/analytics/top-products?');
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Analytics' }).count()).toBe(1);

      await page.screenshot({ path: path.join(SCREENS, `dashboard-${scheme}.png`), fullPage: true });
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await context.close();
    }
  });

  // Each screen: a figure from its answer that "Show data" must list, and where the xlsx holds the same figure.
  const probes: Record<Slug, { query: string; shown(answer: Answer): string; inSheet(answer: Answer, rows: Row[]): boolean }> = {
    trend: {
      query: 'metric=revenue',
      shown: (answer) => money(given((answer['series'] as { value: number }[]).at(-2), 'yesterday').value),
      inSheet: (answer, rows) => {
        const point = given((answer['series'] as { date: string; value: number }[]).at(-2), 'yesterday');
        return rows.some((row) => row['date'] === point.date && row['revenue'] === point.value / 100);
      },
    },
    forecast: {
      query: 'metric=revenue&horizon=14',
      shown: (answer) => money((answer['points'] as { high: number }[])[0].high),
      inSheet: (answer, rows) => {
        const point = (answer['points'] as { date: string; value: number }[])[0];
        return rows.some((row) => row['date'] === point.date && Math.abs(Number(row['best']) - point.value / 100) < 0.006);
      },
    },
    seasonality: {
      query: 'metric=revenue',
      shown: (answer) =>
        money(
          given(
            (answer['dayOfWeek'] as { indexes: { slot: string; index: number }[] }).indexes.find((slot) => slot.slot === 'Saturday'),
            'Saturday',
          ).index,
        ),
      inSheet: (answer, rows) => {
        const saturday = given(
          (answer['dayOfWeek'] as { indexes: { slot: string; index: number }[] }).indexes.find((slot) => slot.slot === 'Saturday'),
          'Saturday',
        );
        return rows.some(
          (row) =>
            row['pattern'] === 'dayOfWeek' && row['slot'] === 'Saturday' && Math.abs(Number(String(row['index']).replace(/^'/, '')) - saturday.index) < 0.006,
        );
      },
    },
    anomalies: {
      query: 'metric=revenue',
      shown: (answer) =>
        money(
          given(
            (answer['anomalies'] as { date: string; value: number }[]).find((anomaly) => anomaly.date === spikeDay),
            'the spike',
          ).value,
        ),
      inSheet: (answer, rows) => {
        const spike = given(
          (answer['anomalies'] as { date: string; value: number }[]).find((anomaly) => anomaly.date === spikeDay),
          'the spike',
        );
        return rows.some((row) => row['date'] === spikeDay && Number(row['value']) === spike.value);
      },
    },
    'top-products': {
      query: 'by=revenue&limit=20',
      shown: (answer) => money((answer['products'] as { revenueMinor: number }[])[0].revenueMinor),
      inSheet: (answer, rows) => {
        const [top] = answer['products'] as { name: string; revenueMinor: number; quantity: number }[];
        return rows.some((row) => row['name'] === top.name && row['revenue'] === top.revenueMinor / 100 && row['quantity'] === top.quantity);
      },
    },
    baskets: {
      query: 'limit=20',
      shown: (answer) => {
        const [pair] = answer['pairs'] as { productAName: string; productBName: string }[];
        return `${pair.productAName} + ${pair.productBName}`;
      },
      inSheet: (answer, rows) => {
        const [pair] = answer['pairs'] as { productAName: string; productBName: string; count: number }[];
        return rows.some((row) => row['productAName'] === pair.productAName && row['productBName'] === pair.productBName && row['count'] === pair.count);
      },
    },
    customers: {
      query: 'limit=20',
      shown: (answer) => money(given((answer['cohorts'] as { averageHistoricMinor: number }[]).at(-1), 'the last cohort').averageHistoricMinor),
      inSheet: (answer, rows) => {
        const [best] = answer['customers'] as { name: string; historicMinor: number; orders: number }[];
        return rows.some((row) => row['name'] === best.name && row['historic'] === best.historicMinor / 100 && row['orders'] === best.orders);
      },
    },
    velocity: {
      query: 'limit=20',
      shown: (answer) => count((answer['products'] as { unitsPerDay: number }[])[0].unitsPerDay, 2),
      inSheet: (answer, rows) => {
        const [fastest] = answer['products'] as { name: string; stockOnHand: number; unitsPerDay: number }[];
        return rows.some(
          (row) =>
            row['name'] === fastest.name && row['stockOnHand'] === fastest.stockOnHand && Math.abs(Number(row['unitsPerDay']) - fastest.unitsPerDay) < 0.006,
        );
      },
    },
  };

  it('renders each analysis with its chart and sentence; "Show data" lists the API’s figures and the xlsx export holds them', async () => {
    const range = `from=${shift(today, -89)}&to=${today}`;
    const downloads = mkdtempSync(path.join(tmpdir(), 'kassa-analytics-exports-'));
    const page = await signedIn(owner);
    for (const slug of SLUGS) {
      const probe = probes[slug];
      const answer = await analytics(ownerToken, slug, `${range}&${probe.query}`);
      await page.goto(`${stack.web.baseUrl}/analytics/${slug}?${range}`);
      await chartIn(page).waitFor();
      expect([slug, await page.getByTestId('analysis-explanation').first().innerText()]).toEqual([slug, answer.explanation]);
      expect(await page.getByRole('navigation', { name: 'Analyses' }).locator('[aria-current="page"]').getAttribute('href')).toContain(`/analytics/${slug}?`);

      await page.getByRole('button', { name: 'Show data' }).first().click();
      const shown = probe.shown(answer).replace(/\s+/g, ' ');
      await eventually(
        async () => (await page.locator('main').innerText()).replace(/\s+/g, ' '),
        (text) => text.includes(shown),
        5_000,
      );

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export xlsx' }).click()]);
      expect(download.suggestedFilename()).toBe(`kassa-${slug}-${shift(today, -89)}-${today}.xlsx`);
      const file = path.join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      const workbook = XLSX.read(readFileSync(file), { type: 'buffer' });
      const rows = XLSX.utils.sheet_to_json<Row>(workbook.Sheets[workbook.SheetNames[0]]);
      expect([slug, probe.inSheet(answer, rows)]).toEqual([slug, true]);

      await page.screenshot({ path: path.join(SCREENS, `analytics-${slug}-light.png`), fullPage: true });
      expect([slug, await accessibilityViolations(page, ['serious', 'critical'])]).toEqual([slug, []]);
    }
  });

  it('looks right in dark too, every analysis without serious accessibility faults', async () => {
    const page = await signedIn(owner, 'dark');
    for (const slug of SLUGS) {
      await page.goto(`${stack.web.baseUrl}/analytics/${slug}`);
      await chartIn(page).waitFor();
      await page.getByTestId('analysis-explanation').first().waitFor();
      await page.screenshot({ path: path.join(SCREENS, `analytics-${slug}-dark.png`), fullPage: true });
      expect([slug, await accessibilityViolations(page, ['serious', 'critical'])]).toEqual([slug, []]);
    }
  });

  it("shows a store-limited manager only their store's figures", async () => {
    const branch = await analytics<{ lastDay: { revenueMinor: number }; sameWeekdayLastWeek: { revenueMinor: number } }>(
      ownerToken,
      'summary',
      `from=${today}&to=${today}&storeId=${branchId}`,
    );
    const everyStore = await analytics<{ sameWeekdayLastWeek: { revenueMinor: number } }>(ownerToken, 'summary', `from=${today}&to=${today}`);
    const seen = await analytics<{ sameWeekdayLastWeek: { revenueMinor: number } }>(managerToken, 'summary', `from=${today}&to=${today}`);
    expect(seen.sameWeekdayLastWeek).toEqual(branch.sameWeekdayLastWeek);
    expect(branch.sameWeekdayLastWeek.revenueMinor).not.toBe(everyStore.sameWeekdayLastWeek.revenueMinor);

    const page = await signedIn(manager);
    const revenue = (await page.getByTestId('today-revenue').innerText()).replace(/\s+/g, ' ');
    expect(revenue).toContain(money(branch.sameWeekdayLastWeek.revenueMinor).replace(/\s+/g, ' '));
    expect(revenue).not.toContain(money(everyStore.sameWeekdayLastWeek.revenueMinor).replace(/\s+/g, ' '));

    const top = await analytics(managerToken, 'top-products', `from=${shift(today, -89)}&to=${today}&by=revenue&limit=20`);
    await page.goto(`${stack.web.baseUrl}/analytics/top-products`);
    await chartIn(page).waitFor();
    expect(await page.getByTestId('analysis-explanation').innerText()).toBe(top.explanation);
    const stores = await page.getByRole('search', { name: 'Filter the analysis' }).getByLabel('Figures for').locator('option').allInnerTexts();
    expect(stores).toEqual(['All stores', 'Branch 2']);
  });

  it('teaches a new shop with no sales what each card will show', async () => {
    const fresh = newShopAccount('Fresh Shop');
    await createShop(stack.api.baseUrl, fresh);
    const page = await signedIn(fresh);
    await card(page, /Revenue: 8 weeks/)
      .getByRole('heading', { name: 'Revenue will show here' })
      .waitFor();
    await card(page, 'Today so far')
      .getByText(/beside last \w+’s, with the change in %/)
      .waitFor();
    await card(page, 'Top products this week').getByRole('heading', { name: 'No sales this week yet' }).waitFor();
    await card(page, 'Low stock').getByRole('heading', { name: 'Nothing is running low' }).waitFor();
    await page.goto(`${stack.web.baseUrl}/analytics/forecast`);
    await page.getByRole('heading', { name: 'Nothing to forecast from yet' }).waitFor();
    await page.goto(`${stack.web.baseUrl}/dashboard`);
    await card(page, /Revenue: 8 weeks/)
      .getByRole('heading', { name: 'Revenue will show here' })
      .waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'dashboard-new-shop-light.png'), fullPage: true });
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
  });

  it('gives a cashier no analytics menu, and no figures on the dashboard', async () => {
    const page = await signedIn(cashier);
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Analytics' }).count()).toBe(0);
    expect(await page.getByTestId('today-revenue').count()).toBe(0);
    await page.goto(`${stack.web.baseUrl}/analytics/trend`);
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
  });
});
