import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bigShopDatabase, bigShopOwner } from './support/big-shop';
import { launchChromium } from './support/chromium';
import { accessTokenFor, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';
import { tabIntoRows, typeInOneTask } from './support/keyboard';

interface StoredProduct {
  id: string;
  name: string;
  priceMinor: number;
  active: boolean;
  version: number;
}

// In the shop of 100,000 products (support/big-shop.ts), whose names all begin with a quality word from Classic on:
// the products a test makes are named so as to lead the list where the test reads it in order.
describe('the catalog screens, built from the kit, in Chromium', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let bigShopToken: string;

  const api = async <T>(token: string, method: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const addProduct = (token: string, sku: string, name: string) => api<StoredProduct>(token, 'POST', '/api/v1/products', { sku, name, priceMinor: 495 });
  const productOf = (token: string, id: string) => api<StoredProduct>(token, 'GET', `/api/v1/products/${id}`);

  /** The big shop with `names` added, under SKUs of `label`'s own. */
  async function shopWithProducts(label: string, names: string[]): Promise<{ account: ShopAccount; token: string; products: StoredProduct[] }> {
    const prefix = label.toUpperCase().replace(/[^A-Z0-9]+/g, '-');
    const products: StoredProduct[] = [];
    for (const [index, name] of names.entries()) products.push(await addProduct(bigShopToken, `${prefix}-${index + 1}`, name));
    return { account: bigShopOwner, token: bigShopToken, products };
  }

  async function signedIn(account: ShopAccount): Promise<Page> {
    context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

  const focusedRowText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');

  // Long enough for the first suite of a run to build the big shop (support/big-shop.ts) or wait for it.
  beforeAll(async () => {
    stack = await startWebStack({}, {}, bigShopDatabase);
    browser = await launchChromium();
    bigShopToken = await accessTokenFor(stack.api.baseUrl, bigShopOwner);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('moves through products with arrows, opens one with Enter, selects two with Space and deactivates them', async () => {
    const { account, token, products } = await shopWithProducts('Keyboard Shop', ['Anise Cookies', 'Bergamot Tea', 'Cocoa Nibs']);
    const [anise, bergamot, cocoa] = products;
    const page = await signedIn(account);
    await page.goto(`${stack.web.baseUrl}/products`);
    const grid = page.getByRole('grid', { name: /Products/ });
    await grid.getByRole('row', { name: /Bergamot Tea/ }).waitFor();

    await tabIntoRows(page);
    expect(await focusedRowText(page)).toContain('Anise Cookies');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRowText(page)).toContain('Bergamot Tea');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/products/${bergamot.id}`);
    await page.getByRole('heading', { level: 1, name: 'Bergamot Tea' }).waitFor();

    await page.goBack();
    await grid.getByRole('row', { name: /Bergamot Tea/ }).waitFor();
    await tabIntoRows(page);
    await page.keyboard.press(' ');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await page.getByRole('region', { name: 'Bulk actions' }).getByText('2 selected').waitFor();
    expect(await grid.locator('tr[aria-selected="true"]').count()).toBe(2);

    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('Shift+Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Deactivate') break;
    }
    await page.keyboard.press('Enter');
    await page.getByText('2 products deactivated.').waitFor();
    expect((await productOf(token, anise.id)).active).toBe(false);
    expect((await productOf(token, bergamot.id)).active).toBe(false);
    expect((await productOf(token, cocoa.id)).active).toBe(true);
    await grid.getByRole('row', { name: /Anise Cookies.*Inactive/ }).waitFor();
  });

  it('sends what is typed in the search filter to the API, once typing pauses', async () => {
    const { account } = await shopWithProducts('Search Shop', ['Darjeeling Tea', 'Earl Grey Tea', 'Fennel Seeds']);
    const page = await signedIn(account);
    await page.goto(`${stack.web.baseUrl}/products`);
    const grid = page.getByRole('grid', { name: /Products/ });
    await grid.locator('tbody tr[data-index]').first().waitFor();
    const searches: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v1/products' && url.searchParams.has('q')) searches.push(url.searchParams.get('q') ?? '');
    });
    // Six changes in a row, then the pause: one search. (Playwright's own keys left gaps longer than the pause under load.)
    await typeInOneTask(page.getByRole('searchbox', { name: 'Search products' }), 'fennel');
    // Found among the 100,003 as the first row.
    await grid
      .locator('tbody tr[data-index="0"]', { hasText: 'Fennel Seeds' })
      .waitFor()
      .catch(async (error: Error) => {
        const shown = await grid.locator('tbody tr[data-index]').evaluateAll((rows) => rows.slice(0, 3).map((row) => (row as HTMLElement).innerText));
        const typed = await page.getByRole('searchbox', { name: 'Search products' }).inputValue();
        throw new Error(`${error.message}\nsearches sent: ${JSON.stringify(searches)}; search box: "${typed}"; first rows: ${JSON.stringify(shown)}`);
      });
    expect(searches).toEqual(['fennel']);
  });

  it("puts the API's field messages under the right fields and its detail above the form", async () => {
    const { account, products } = await shopWithProducts('Errors Shop', ['Ginger Biscuits']);
    const page = await signedIn(account);
    await page.goto(`${stack.web.baseUrl}/products/${products[0].id}`);
    const sku = page.getByRole('textbox', { name: 'SKU' });
    await sku.fill('not a sku!');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').filter({ hasText: 'The request has invalid fields.' }).waitFor();
    expect(await sku.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await sku.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      describedBy,
    );
    expect(description).toContain('sku must be 1-64 letters');
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the conflict dialog on a 412: Reload brings their version, Overwrite saves mine', async () => {
    const { account, token, products } = await shopWithProducts('Conflict Shop', ['Hibiscus Tea']);
    const [hibiscus] = products;
    const page = await signedIn(account);
    await page.goto(`${stack.web.baseUrl}/products/${hibiscus.id}`);
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('Hibiscus Tea (mine)');
    await api(token, 'PATCH', `/api/v1/products/${hibiscus.id}`, { name: 'Hibiscus Tea (theirs)' }, { 'if-match': '"1"' });
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('alertdialog', { name: 'Changed by someone else' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await conflict.waitFor({ state: 'hidden' });
    expect(await name.inputValue()).toBe('Hibiscus Tea (theirs)');

    await name.fill('Hibiscus Tea (mine again)');
    await api(token, 'PATCH', `/api/v1/products/${hibiscus.id}`, { priceMinor: 600 }, { 'if-match': '"2"' });
    await page.getByRole('button', { name: 'Save' }).click();
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
    await page.getByText('Hibiscus Tea (mine again) saved.').waitFor();
    expect(await productOf(token, hibiscus.id)).toMatchObject({ name: 'Hibiscus Tea (mine again)', version: 4 });
  });

  it('asks before leaving with unsaved changes, and saves with Ctrl+S', async () => {
    const { account, token, products } = await shopWithProducts('Unsaved Shop', ['Jasmine Tea']);
    const [jasmine] = products;
    const page = await signedIn(account);
    await page.goto(`${stack.web.baseUrl}/products/${jasmine.id}`);
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    const productsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Products/ });
    const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });

    await name.fill('Jasmine Pearls');
    await productsLink.click();
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/products/${jasmine.id}`);
    expect(await name.inputValue()).toBe('Jasmine Pearls');

    // Shortcuts to other areas ask too (from outside a field, where Ctrl+digit is left to typing).
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+2');
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Stay on this page' }).click();

    await name.focus();
    await page.keyboard.press('Control+s');
    await page.getByText('Jasmine Pearls saved.').waitFor();
    expect((await productOf(token, jasmine.id)).name).toBe('Jasmine Pearls');
    await productsLink.click();
    await page.waitForURL('**/products');

    await page.goBack();
    await name.fill('Jasmine Dragon');
    await productsLink.click();
    await leave.getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForURL('**/products');
    expect((await productOf(token, jasmine.id)).name).toBe('Jasmine Pearls');
  });

  it.each([
    ['de-DE', '12,50'],
    ['en-US', '12.50'],
  ])('saves a price typed in a %s shop as %s as 1250 minor units', async (locale, typed) => {
    const { account, token, products } = await shopWithProducts(`Money ${locale}`, ['Kukicha Tea']);
    await api(token, 'PATCH', '/api/v1/tenant', { locale });
    const page = await signedIn(account);
    await page.goto(`${stack.web.baseUrl}/products/${products[0].id}`);
    const price = page.getByRole('textbox', { name: /^Price/ });
    expect(await price.inputValue()).toBe(locale === 'de-DE' ? '4,95' : '4.95');
    await price.fill(typed);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Kukicha Tea saved.').waitFor();
    expect((await productOf(token, products[0].id)).priceMinor).toBe(1250);
  });

  it('shows the not-found state for /products/not-a-uuid without asking the API', async () => {
    const { account } = await shopWithProducts('Missing Shop', []);
    const page = await signedIn(account);
    const asked: string[] = [];
    page.on('request', (request) => request.url().includes('not-a-uuid') && request.url().includes('/api/') && asked.push(request.url()));
    await page.goto(`${stack.web.baseUrl}/products/not-a-uuid`);
    await page.getByRole('heading', { name: 'This product was not found' }).waitFor();
    await page.goto(`${stack.web.baseUrl}/products/0192f0c4-0000-7000-8000-000000000000`);
    await page.getByRole('heading', { name: 'This product was not found' }).waitFor();
    expect(asked).toEqual([]);
  });
});
