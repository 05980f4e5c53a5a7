import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';
import { tabIntoRows } from './support/keyboard';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');

interface Created {
  id: string;
}
interface StoredCustomer extends Created {
  name: string;
  email: string | null;
  tags: string[];
  marketingConsent: boolean;
  erased: boolean;
}

describe('the customer screens, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let account: ShopAccount;
  let token: string;
  let greta: Created;
  let sale: Created & { receiptNumber: number };

  const api = async <T>(method: string, path: string, body?: object): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  async function signedIn(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack();
    browser = await launchChromium();
    account = newShopAccount('Customer Shop');
    token = await createShop(stack.api.baseUrl, account);
    const store = await api<Created>('POST', '/api/v1/stores', { name: 'Mitte', code: 'MIT-1' });
    const tea = await api<Created>('POST', '/api/v1/products', { sku: 'TEA-1', name: 'Assam', priceMinor: 700, trackStock: false });
    greta = await api<Created>('POST', '/api/v1/customers', { name: 'Greta Lindqvist', email: 'greta@example.com', tags: ['regular'] });
    await api('POST', '/api/v1/customers', { name: 'Otto Berg', phone: '+49 30 1234' });
    sale = await api('POST', '/api/v1/sales', {
      storeId: store.id,
      customerId: greta.id,
      lines: [{ productId: tea.id, quantity: 2 }],
      tenders: [{ type: 'cash', amountMinor: 1400 }],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('finds a customer, opens them by keyboard, edits tags and consent, and shows their purchases', async () => {
    const page = await signedIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    const grid = page.getByRole('grid', { name: /Customers/ });
    await grid.getByRole('row', { name: /Otto Berg/ }).waitFor();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('lindq');
    await grid.getByRole('row', { name: /Otto Berg/ }).waitFor({ state: 'detached' });
    await tabIntoRows(page);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/customers/${greta.id}`);
    await page.getByRole('heading', { level: 1, name: 'Greta Lindqvist' }).waitFor();

    const purchases = page.getByRole('region', { name: 'Purchases' });
    expect(await purchases.innerText()).toMatch(/Sales\s+1/);
    expect(await purchases.innerText()).toMatch(/14[.,]00/);
    await page
      .getByRole('region', { name: 'Purchase history' })
      .getByRole('link', { name: `Receipt #${sale.receiptNumber}` })
      .waitFor();

    const details = page.getByRole('region', { name: 'Details' });
    await details.getByLabel('Tags').fill('regular, vip, VIP');
    await details.getByRole('checkbox', { name: 'Agreed to marketing messages' }).check();
    await page.screenshot({ path: path.join(SCREENS, 'customer-edit.desktop.light.png'), fullPage: true });
    await details.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Greta Lindqvist is saved.').waitFor();
    expect(await api<StoredCustomer>('GET', `/api/v1/customers/${greta.id}`)).toMatchObject({ tags: ['regular', 'vip'], marketingConsent: true });
    await page.screenshot({ path: path.join(SCREENS, 'customer.desktop.light.png'), fullPage: true });
  });

  it('adds a customer from the list and lands on their page, the API refusing a field shown on that field', async () => {
    const page = await signedIn();
    await page.goto(`${stack.web.baseUrl}/customers`);
    await page.getByRole('button', { name: 'Add customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a customer' });
    await dialog.getByLabel('Name').fill('Mara Klein');
    await dialog.getByLabel('Email').fill('mara@example.com');
    const phone = dialog.getByLabel('Phone');
    await phone.fill('12');
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    await dialog.getByText('phone must be 3-32 digits, spaces or + ( ) . / -').waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Email').getAttribute('aria-invalid')).toBeNull();
    expect(await phone.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent)).toMatch(
      /phone must be 3-32 digits/,
    );
    await page.screenshot({ path: path.join(SCREENS, 'customer-add-refused.desktop.light.png') });
    await phone.fill('+49 30 1234567');
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mara Klein' }).waitFor();
    await page.getByRole('region', { name: 'Purchase history' }).getByText('No purchases yet').waitFor();
  });

  it('finds a customer and a sale by receipt number from the Ctrl+K search', async () => {
    const page = await signedIn();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search Kassa' });
    await palette.getByRole('combobox').fill('otto');
    await palette.getByRole('option', { name: /Otto Berg/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Otto Berg' }).waitFor();

    await page.keyboard.press('Control+k');
    await palette.getByRole('combobox').fill(String(sale.receiptNumber));
    await palette.getByRole('option', { name: new RegExp(`Receipt #${sale.receiptNumber}\\b.*Greta Lindqvist`) }).click();
    await page.waitForURL(`**/sales/${sale.id}`);
  });

  it('erases a customer only after their name is typed, says what is kept, and the sale keeps its customer', async () => {
    const page = await signedIn();
    await page.goto(`${stack.web.baseUrl}/customers/${greta.id}`);
    await page.getByRole('button', { name: 'Erase' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Erase Greta Lindqvist?' });
    expect(await dialog.innerText()).toMatch(/Kept: the customer record without personal data/);
    const confirm = dialog.getByRole('button', { name: 'Erase personal data' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type Greta Lindqvist to confirm/).fill('Greta Lindqvist');
    await page.screenshot({ path: path.join(SCREENS, 'customer-erase.desktop.light.png'), fullPage: true });
    await confirm.click();
    await page.getByText('Erased', { exact: true }).first().waitFor();
    const erased = await api<StoredCustomer>('GET', `/api/v1/customers/${greta.id}`);
    expect(erased).toMatchObject({ erased: true, email: null, marketingConsent: false });
    expect((await api<{ customerId: string }>('GET', `/api/v1/sales/${sale.id}`)).customerId).toBe(greta.id);
    expect(await page.getByRole('region', { name: 'Details' }).getByRole('button', { name: 'Save' }).count()).toBe(0);
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical axe violations on the list, a customer and the add dialog in %s mode',
    async (colorScheme) => {
      const page = await signedIn(colorScheme);
      await page.goto(`${stack.web.baseUrl}/customers`);
      await page
        .getByRole('grid', { name: /Customers/ })
        .getByRole('row', { name: /Otto Berg/ })
        .waitFor();
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `customers.desktop.${colorScheme}.png`), fullPage: true });
      await page.getByRole('button', { name: 'Add customer' }).click();
      await page.getByRole('dialog', { name: 'Add a customer' }).waitFor();
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.goto(`${stack.web.baseUrl}/customers/${greta.id}`);
      await page.getByRole('region', { name: 'Purchase history' }).getByRole('list').waitFor();
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `customer.desktop.${colorScheme}.png`), fullPage: true });
    },
  );
});
