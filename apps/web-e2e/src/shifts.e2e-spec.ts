import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const CASHIER_PIN = '1357';

interface Created {
  id: string;
}
interface ApiShift extends Created {
  status: string;
  zNumber: number | null;
  openingFloatMinor: number;
  countedCashMinor: number | null;
  expectedCashMinor: number | null;
  overShortMinor: number | null;
  denominations: { valueMinor: number; count: number }[] | null;
}

describe('cash shifts at the till and in the back office, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let tablet: BrowserContext;
  let page: Page;
  let account: ShopAccount;
  let ownerToken: string;
  let storeId: string;
  const cashier = { id: '', name: 'Cem Cashier' };
  const tea = { id: '', barcode: '4006381333931', priceMinor: 1_250 };

  const api = async <T>(token: string, method: string, route: string, body?: object): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };

  async function looksRight(name: string) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(SCREENS, `${name}.${scheme}.png`) });
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }

  /** An amount as the shop's locale writes it (`50,00 €` in this German shop, `€50.00` in others). */
  const amount = (minor: number) => `€?${Math.trunc(minor / 100)}[.,]${String(minor % 100).padStart(2, '0')}\\s?€?`;
  /** Types a count of one note or coin into the drawer counter. */
  const countOf = (dialog: ReturnType<Page['getByRole']>, valueMinor: number, kind: 'note' | 'coin', count: number) =>
    dialog.getByLabel(new RegExp(`^${amount(valueMinor)} ${kind}s$`)).fill(String(count));

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack();
    browser = await launchChromium();
    account = newShopAccount('Shift Shop');
    ownerToken = await createShop(stack.api.baseUrl, account);
    storeId = (await api<Created>(ownerToken, 'POST', '/api/v1/stores', { name: 'Mitte', code: 'MIT-1' })).id;
    const email = `cem@${account.slug}.test`;
    const created = await api<{ user: Created; invite: { token: string } }>(ownerToken, 'POST', '/api/v1/users', {
      name: cashier.name,
      email,
      role: 'cashier',
      storeIds: [storeId],
    });
    cashier.id = created.user.id;
    await fetch(`${stack.api.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: created.invite.token, password: account.password }),
    });
    const login = await fetch(`${stack.api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: account.slug, email, password: account.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    await api(accessToken, 'PUT', '/api/v1/me/pin', { pin: CASHIER_PIN, currentPassword: account.password });
    tea.id = (
      await api<Created>(ownerToken, 'POST', '/api/v1/products', {
        sku: 'TEA',
        name: 'Sencha Tea',
        priceMinor: tea.priceMinor,
        taxRateBps: 700,
        barcodes: [tea.barcode],
        trackStock: false,
      })
    ).id;
    tablet = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', hasTouch: true });
    page = await tablet.newPage();
  });

  afterAll(async () => {
    await tablet?.close();
    await browser?.close();
    await stack?.close();
  });

  it('opens a shift on the POS, sells, pays out, closes with a blind count and shows the Z-report', async () => {
    // Pair the tablet (the owner signs in once), then the cashier unlocks it with a PIN.
    await page.goto(`${stack.web.baseUrl}/pos`);
    await page.getByRole('heading', { name: 'Set up this till' }).waitFor();
    await page.getByLabel('Shop').fill(account.slug);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('combobox', { name: 'Store' }).selectOption({ label: 'Mitte' });
    await page.getByLabel('New register').fill('Till 1');
    await page.getByRole('button', { name: 'Create register' }).click();
    await page.getByRole('radio', { name: /Till 1/ }).check();
    await page.getByRole('button', { name: 'Pair this tablet' }).click();
    await page.getByRole('button', { name: new RegExp(`^${cashier.name}`) }).click();
    await page.getByLabel(`PIN for ${cashier.name}`).fill(CASHIER_PIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Sale/ }).waitFor();

    // Open the shift: a float of 2 × 50.00 counted note by note.
    await page.getByRole('button', { name: 'No shift' }).click();
    const opening = page.getByRole('dialog', { name: 'Open a shift' });
    await countOf(opening, 5_000, 'note', 2);
    await opening
      .getByTestId('counted-total')
      .filter({ hasText: /100[.,]00/ })
      .waitFor();
    await looksRight('shift-open.1280x800');
    await opening.getByRole('button', { name: new RegExp(`^Open shift with ${amount(10_000)}$`) }).click();
    await page.getByRole('dialog', { name: 'Shift' }).getByText('Shift open.').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Shift open' }).waitFor();

    // Sell 12.50 for a 20.00 note.
    await page.getByRole('searchbox', { name: 'Scan or search' }).fill(tea.barcode);
    await page.getByRole('searchbox', { name: 'Scan or search' }).press('Enter');
    await page
      .getByRole('list', { name: 'Cart' })
      .getByRole('listitem', { name: /^Sencha Tea,/ })
      .waitFor();
    await page.keyboard.press('F4');
    const pay = page.getByRole('dialog', { name: 'Take payment' });
    await pay.getByLabel('Amount tendered').fill('20');
    await pay.getByRole('button', { name: 'Cash', exact: true }).click();
    await page.getByRole('heading', { name: /^Sale complete/ }).waitFor();
    await page
      .getByTestId('change-due')
      .filter({ hasText: /7[.,]50/ })
      .waitFor();
    await page.getByRole('button', { name: 'New sale' }).click();

    // Pay 5.00 out for milk.
    await page.getByRole('button', { name: 'Shift open' }).click();
    const shiftDialog = page.getByRole('dialog', { name: 'Shift' });
    await shiftDialog.getByRole('button', { name: 'Pay out' }).click();
    const payOut = page.getByRole('dialog', { name: 'Pay out' });
    await payOut.getByLabel('Amount').fill('5');
    await payOut.getByLabel('Reason').fill('Milk for the staff room');
    await payOut.getByRole('button', { name: 'Record pay out' }).click();
    await shiftDialog.getByText(new RegExp(`^Pay-out recorded: ${amount(500)}\\.$`)).waitFor();

    // Close blind: no expected amount on the screen; the drawer holds 100 + 12.50 − 5 = 107.50, the cashier counts 107.00.
    await shiftDialog.getByRole('button', { name: 'Close shift' }).click();
    const count = page.getByRole('dialog', { name: 'Close the shift: count the drawer' });
    await count.getByText('The expected amount shows on the Z-report.').waitFor();
    expect(await count.getByText(/Expected in the drawer/).count()).toBe(0);
    await countOf(count, 10_000, 'note', 1);
    await countOf(count, 500, 'note', 1);
    await count.getByRole('button', { name: new RegExp(`^One coin of ${amount(200)} more$`) }).click();
    await count
      .getByTestId('counted-total')
      .filter({ hasText: /107[.,]00/ })
      .waitFor();
    await looksRight('shift-count.1280x800');
    await count.getByRole('button', { name: new RegExp(`^Close shift with ${amount(10_700)} counted$`) }).click();

    const z = page.getByRole('dialog', { name: 'Z-report 1' });
    await z
      .getByTestId('drawer-outcome')
      .filter({ hasText: new RegExp(`short by ${amount(50)}$`) })
      .waitFor();
    const text = z.getByLabel('Z-report 1');
    await text.getByText('Z-REPORT 1').waitFor();
    const lines = (await text.innerText()).split('\n');
    for (const line of [
      'Expected                            107.50',
      'Counted                             107.00',
      'SHORT                                -0.50',
      '  Pay-outs                           -5.00',
      '  Change given                       -7.50',
    ])
      expect(lines).toContain(line);
    await z.getByRole('button', { name: 'Print' }).waitFor();
    await looksRight('shift-z-report.1280x800');
    await z.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'No shift' }).waitFor();

    const { items } = await api<{ items: ApiShift[] }>(ownerToken, 'GET', `/api/v1/shifts?storeId=${storeId}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: 'closed',
      zNumber: 1,
      openingFloatMinor: 10_000,
      countedCashMinor: 10_700,
      expectedCashMinor: 10_750,
      overShortMinor: -50,
      denominations: [
        { valueMinor: 10_000, count: 1 },
        { valueMinor: 500, count: 1 },
        { valueMinor: 200, count: 1 },
      ],
    });
    const sales = await api<{ items: { shiftId: string | null }[] }>(ownerToken, 'GET', `/api/v1/sales?storeId=${storeId}`);
    expect(sales.items.map((sale) => sale.shiftId)).toEqual([items[0].id]);
  });

  it("lists the store's shifts in the back office with the short drawer highlighted, and opens its Z-report", async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const office = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
      const backOffice = await office.newPage();
      try {
        await signInThroughForm(backOffice, stack.web.baseUrl, account);
        await backOffice.goto(`${stack.web.baseUrl}/sales`);
        await backOffice.getByRole('button', { name: 'Cash shifts' }).click();
        await backOffice.waitForURL('**/sales/shifts');
        const row = backOffice.getByRole('row', { name: /^Z 1 / });
        await row.getByText('Short').waitFor();
        await row.getByText(/^-€?0[.,]50\s?€?$/).waitFor();
        await backOffice.screenshot({ path: path.join(SCREENS, `shifts-list.1440x900.${scheme}.png`) });
        expect(await accessibilityViolations(backOffice, ['serious', 'critical'])).toEqual([]);
        await row.click();
        const report = backOffice.getByRole('dialog', { name: 'Z-report 1' });
        await report.getByText(/SHORT +-0\.50/).waitFor();
        await backOffice.screenshot({ path: path.join(SCREENS, `shifts-report.1440x900.${scheme}.png`) });
        expect(await accessibilityViolations(backOffice, ['serious', 'critical'])).toEqual([]);
        await backOffice.keyboard.press('Escape');
        // The owner's cash rules: from now on the tills sell only with an open shift.
        await backOffice.getByRole('button', { name: 'Cash rules' }).click();
        const rules = backOffice.getByRole('dialog', { name: 'Cash rules' });
        const requireShift = rules.getByRole('switch', { name: 'Sell only with an open shift' });
        await requireShift.setChecked(scheme === 'light');
        await backOffice.screenshot({ path: path.join(SCREENS, `shifts-rules.1440x900.${scheme}.png`) });
        expect(await accessibilityViolations(backOffice, ['serious', 'critical'])).toEqual([]);
        await rules.getByRole('button', { name: 'Save' }).click();
        await rules.waitFor({ state: 'detached' });
        expect(await api(ownerToken, 'GET', '/api/v1/shift-settings')).toMatchObject({ requireOpenShift: scheme === 'light', blindCount: true });
        if (scheme === 'light') {
          // The next cashier at the till, with no shift open, is greeted by the opening screen.
          await page.getByRole('button', { name: /Switch cashier/ }).click();
          await page.getByRole('button', { name: new RegExp(`^${cashier.name}`) }).click();
          await page.getByLabel(`PIN for ${cashier.name}`).fill(CASHIER_PIN);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.getByRole('dialog', { name: 'Open a shift' }).waitFor();
          await page.keyboard.press('Escape');
        }
      } finally {
        await office.close();
      }
    }
  });
});
