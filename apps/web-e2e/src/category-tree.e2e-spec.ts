import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { eventually } from '@kassa/testing';
import { BIG_SHOP_STORE, bigShopDatabase, bigShopOwner } from './support/big-shop';
import { accessTokenFor, createShop, newShopAccount, signInThroughForm, type ShopAccount } from './support/shop-accounts';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const DESKTOP = { width: 1440, height: 900 };
const TABLET = { width: 820, height: 1180 };

interface Category {
  id: string;
  name: string;
  parentId: string | null;
}
interface Product {
  id: string;
  name: string;
}

// The tree is edited in a small shop of its own; the products list is filtered and sorted in the shop of 100,000
// products (support/big-shop.ts), whose one store holds every product above its reorder point.
describe('the category tree and the product filters, in Chromium against the real API', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let owner: ShopAccount;
  let token: string;
  let bigShopToken: string;
  let cashier: ShopAccount;

  const api = async <T>(method: string, path: string, body?: object, as = token): Promise<T> => {
    const response = await fetch(`${stack.api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${as}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const category = (name: string, parentId?: string) => api<Category>('POST', '/api/v1/categories', { name, ...(parentId ? { parentId } : {}) });
  const tree = async () => (await api<{ items: Category[] }>('GET', '/api/v1/categories')).items;
  const parentOf = async (id: string) => (await tree()).find((entry) => entry.id === id)?.parentId;

  async function signedIn(account: ShopAccount, colorScheme: 'light' | 'dark' = 'light', viewport = DESKTOP): Promise<Page> {
    context = await browser.newContext({ colorScheme, viewport });
    const page = await context.newPage();
    await signInThroughForm(page, stack.web.baseUrl, account);
    return page;
  }

  async function looked(page: Page, name: string) {
    expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
  }

  /** Waits until the listed names (as `read` gives them) are `expected`. */
  const rowsBecome = async (read: () => Promise<string[]>, expected: string[], timeoutMs = 30_000) =>
    expect(await eventually(read, (names) => JSON.stringify(names) === JSON.stringify(expected), timeoutMs)).toEqual(expected);
  // A stock state that few products are in is found by walking all 100,000 in batches (inventory's levelsWithZero).
  const CATALOG_WALK_MS = 90_000;

  /** The row of one category (its own line, not its subcategories'). */
  const rowOf = (page: Page, name: string): Locator =>
    page
      .getByRole('list', { name: 'Category tree' })
      .locator('div[draggable]')
      .filter({ has: page.getByText(name, { exact: true }) });

  // Long enough for the first suite of a run to build the big shop (support/big-shop.ts) or wait for it.
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack({}, {}, bigShopDatabase);
    browser = await launchChromium();
    owner = newShopAccount('Tree Shop');
    token = await createShop(stack.api.baseUrl, owner);
    bigShopToken = await accessTokenFor(stack.api.baseUrl, bigShopOwner);
    // Another shop with a category and a product of the same names: neither may show here.
    const other = newShopAccount('Other Tree Shop');
    const otherToken = await createShop(stack.api.baseUrl, other);
    await api('POST', '/api/v1/categories', { name: 'Drinks' }, otherToken);
    await api('POST', '/api/v1/products', { sku: 'OTHER-1', name: 'Assam Tea', priceMinor: 1 }, otherToken);
    cashier = { ...owner, email: `cashier-${owner.slug}@example.com`, ownerName: 'Tree Cashier' };
    const invited = await api<{ invite: { token: string } }>('POST', '/api/v1/users', { name: 'Tree Cashier', email: cashier.email, role: 'cashier' });
    const set = await fetch(`${stack.api.baseUrl}/api/v1/auth/set-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invited.invite.token, password: cashier.password }),
    });
    if (set.status !== 204) throw new Error(`set-password answered ${set.status}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('moves a category by dragging it onto another and onto the top, and shows why dragging a parent into its child is refused', async () => {
    const drinks = await category('Drinks');
    const tea = await category('Tea', drinks.id);
    const green = await category('Green tea', tea.id);
    const food = await category('Food');
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/products/categories`);
    await rowOf(page, 'Green tea').waitFor();
    expect(await page.getByRole('list', { name: 'Category tree' }).locator('div[draggable]').count()).toBe(4);
    // The first dragover, arriving before React has rendered the drag's start, already accepts the drop (a browser
    // offers the drop only where a dragover was accepted; a slow tablet, or Chromium under load, sends few of them).
    const firstDragOverAccepted = await page.evaluate(
      ([from, to]) => {
        const row = (name: string) =>
          Array.from(document.querySelectorAll<HTMLElement>('div[draggable]')).find((candidate) => candidate.querySelector('span')?.textContent === name);
        const source = row(from);
        const target = row(to);
        if (!source || !target) throw new Error('rows not found');
        const dataTransfer = new DataTransfer();
        source.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer }));
        const accepted = !target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }));
        source.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer }));
        return accepted;
      },
      ['Tea', 'Food'],
    );
    expect(firstDragOverAccepted).toBe(true);

    await rowOf(page, 'Tea').dragTo(rowOf(page, 'Food'));
    await page.getByText('Tea is now under Food.').waitFor();
    expect(await parentOf(tea.id)).toBe(food.id);
    // Its subcategory went with it, and the tree shows it under Food.
    expect(await parentOf(green.id)).toBe(tea.id);
    const foodItem = page.getByRole('listitem').filter({ has: page.locator('div[draggable]', { has: page.getByText('Food', { exact: true }) }) });
    await foodItem.locator('div[draggable]', { has: page.getByText('Green tea', { exact: true }) }).waitFor();

    await rowOf(page, 'Food').dragTo(rowOf(page, 'Green tea'));
    await page.getByRole('alert').getByText('Food was not moved: A category cannot sit inside itself.').waitFor();
    expect(await parentOf(food.id)).toBeNull();

    await rowOf(page, 'Green tea').dragTo(page.getByText('Drop a category here to move it to the top'));
    await page.getByText('Green tea is now at the top.').waitFor();
    expect(await parentOf(green.id)).toBeNull();
    await looked(page, 'category-tree-light');
  });

  it('moves a category from the keyboard with Move to…, and keeps the dialog open with the API’s message on a cycle', async () => {
    const household = await category('Household');
    const cleaning = await category('Cleaning', household.id);
    const garden = await category('Garden');
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/products/categories`);
    await rowOf(page, 'Cleaning').waitFor();

    await page.getByRole('button', { name: 'Move Cleaning to…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Move Cleaning' });
    await dialog.getByRole('combobox', { name: 'New place' }).selectOption({ label: 'Garden' });
    await dialog.getByRole('button', { name: 'Move' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Cleaning is now under Garden.').waitFor();
    expect(await parentOf(cleaning.id)).toBe(garden.id);

    await page.getByRole('button', { name: 'Move Garden to…' }).focus();
    await page.keyboard.press('Enter');
    const cycle = page.getByRole('dialog', { name: 'Move Garden' });
    await cycle.getByRole('combobox', { name: 'New place' }).selectOption({ label: 'Garden > Cleaning' });
    await cycle.getByRole('button', { name: 'Move' }).click();
    await cycle.getByText('A category cannot sit inside itself.').waitFor();
    await page.getByRole('alert').getByText('Garden was not moved: A category cannot sit inside itself.').waitFor();
    expect(await parentOf(garden.id)).toBeNull();
    await looked(page, 'category-move-dialog-light');
    await page.keyboard.press('Escape');
    expect(await parentOf(household.id)).toBeNull();
  });

  it('creates, renames and deletes a category, and says why a category with subcategories cannot go', async () => {
    const page = await signedIn(owner);
    await page.goto(`${stack.web.baseUrl}/products/categories`);
    await page.getByRole('button', { name: 'New category' }).click();
    await page.getByRole('dialog', { name: 'New category' }).getByRole('textbox', { name: 'Name' }).fill('Toys');
    await page.getByRole('dialog', { name: 'New category' }).getByRole('button', { name: 'Create' }).click();
    await rowOf(page, 'Toys').waitFor();
    await page.getByRole('button', { name: 'Add subcategory to Toys' }).click();
    await page.getByRole('dialog', { name: 'New subcategory of Toys' }).getByRole('textbox', { name: 'Name' }).fill('Puzzles');
    await page.getByRole('dialog', { name: 'New subcategory of Toys' }).getByRole('button', { name: 'Create' }).click();
    await rowOf(page, 'Puzzles').waitFor();
    const puzzles = (await tree()).find((entry) => entry.name === 'Puzzles');
    expect(await parentOf(puzzles?.id ?? '')).toBe((await tree()).find((entry) => entry.name === 'Toys')?.id);

    await page.getByRole('button', { name: 'Rename Puzzles' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename Puzzles' }).getByRole('textbox', { name: 'Name' });
    await rename.fill('Jigsaws');
    await rename.press('Enter');
    await rowOf(page, 'Jigsaws').waitFor();

    await page.getByRole('button', { name: 'Delete Toys' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('alert')
      .getByText(/Toys was not deleted: The category still has 1 subcategories/)
      .waitFor();
    await page.getByRole('button', { name: 'Delete Jigsaws' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await rowOf(page, 'Jigsaws').waitFor({ state: 'detached' });
    expect((await tree()).some((entry) => entry.name === 'Jigsaws')).toBe(false);
  });

  it('filters 100,000 products by category and by stock state in a store, and sorts them by price either way', async () => {
    const big = <T>(method: string, path: string, body?: object) => api<T>(method, path, body, bigShopToken);
    const teas = await big<Category>('POST', '/api/v1/categories', { name: 'Teas' });
    const storeId = (await big<{ items: { id: string; name: string }[] }>('GET', '/api/v1/stores')).items.find((store) => store.name === BIG_SHOP_STORE)?.id;
    const made: Product[] = [];
    // Priced below and above every seeded product (0.39 to 19.99), so a sort puts them first.
    for (const [sku, name, priceMinor, categoryId, reorderPoint] of [
      ['T-1', 'Assam Tea', 35, teas.id, 5],
      ['T-2', 'Darjeeling Tea', 90_000, teas.id, 5],
      ['B-1', 'Butter Biscuits', 30, undefined, undefined],
      ['C-1', 'Cocoa Powder', 65_000, undefined, 2],
    ] as const) {
      made.push(await big<Product>('POST', '/api/v1/products', { sku, name, priceMinor, categoryId, reorderPoint }));
    }
    const [assam, darjeeling, biscuits] = made;
    await big('POST', '/api/v1/inventory/adjustments', { storeId, productId: assam.id, delta: 3, reason: 'receipt' });
    await big('POST', '/api/v1/inventory/adjustments', { storeId, productId: darjeeling.id, delta: 40, reason: 'receipt' });
    await big('POST', '/api/v1/inventory/adjustments', { storeId, productId: biscuits.id, delta: 12, reason: 'receipt' });

    const page = await signedIn(bigShopOwner);
    await page.goto(`${stack.web.baseUrl}/products`);
    const grid = page.getByRole('grid', { name: /Products/ });
    const names = async () => (await grid.locator('tbody tr[data-index] td:nth-child(2)').allInnerTexts()).map((text) => text.trim());
    const firstTwo = async () => (await names()).slice(0, 2);
    // The selection column comes with the signed-in user's rights, a render after the rows: wait for the names in place.
    await rowsBecome(firstTwo, ['Assam Tea', 'Butter Biscuits']);

    await grid.getByRole('button', { name: 'Price' }).click();
    await rowsBecome(firstTwo, ['Butter Biscuits', 'Assam Tea']);
    expect(await grid.getByRole('columnheader', { name: 'Price' }).getAttribute('aria-sort')).toBe('ascending');
    await grid.getByRole('button', { name: 'Price' }).click();
    await rowsBecome(firstTwo, ['Darjeeling Tea', 'Cocoa Powder']);

    await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Teas' });
    await rowsBecome(names, ['Darjeeling Tea', 'Assam Tea']);
    await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Any category' });

    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname + new URL(request.url()).search));
    // Of the store's 100,004 products, one is out and one low: every seeded one is stocked above its reorder point.
    await page.getByRole('combobox', { name: 'Stock', exact: true }).selectOption({ label: 'Out of stock' });
    await rowsBecome(names, ['Cocoa Powder'], CATALOG_WALK_MS);
    await grid.getByRole('row', { name: /Cocoa Powder.*0/ }).waitFor();
    await page.getByRole('combobox', { name: 'Stock', exact: true }).selectOption({ label: 'Low stock' });
    await rowsBecome(names, ['Assam Tea'], CATALOG_WALK_MS);
    await page.getByRole('combobox', { name: 'Stock', exact: true }).selectOption({ label: 'In stock' });
    const inStock = await eventually(names, (shown) => shown.length > 10 && !shown.includes('Assam Tea'), 30_000);
    expect(inStock.filter((name) => name === 'Cocoa Powder' || name === 'Assam Tea')).toEqual([]);
    await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Teas' });
    await rowsBecome(names, ['Darjeeling Tea']);
    // The stock state is inventory's read; catalog is only asked for the products it chose.
    expect(requests.some((url) => url.startsWith('/api/v1/inventory/levels?') && url.includes('state=in') && url.includes(`categoryId=${teas.id}`))).toBe(true);
    expect(requests.some((url) => url.startsWith('/api/v1/products?') && url.includes('ids='))).toBe(true);
    await looked(page, 'products-filtered-light');
  }, 300_000);

  it('shows the tree and the products in light and dark, on a desktop and a tablet, without serious accessibility problems', async () => {
    for (const [scheme, viewport, size] of [
      ['light', DESKTOP, 'desktop'],
      ['dark', DESKTOP, 'desktop'],
      ['light', TABLET, 'tablet'],
      ['dark', TABLET, 'tablet'],
    ] as const) {
      const page = await signedIn(bigShopOwner, scheme, viewport);
      await page.goto(`${stack.web.baseUrl}/products/categories`);
      await rowOf(page, 'Drinks').waitFor();
      await looked(page, `category-tree-${size}-${scheme}`);
      await page.goto(`${stack.web.baseUrl}/products`);
      await page
        .getByRole('grid', { name: /Products/ })
        .getByRole('row', { name: /Assam Tea/ })
        .waitFor();
      await looked(page, `products-${size}-${scheme}`);
      await context.close();
    }
  });

  it('shows a cashier the tree without a control to change it, and the API refuses a move anyway', async () => {
    const page = await signedIn(cashier);
    await page.goto(`${stack.web.baseUrl}/products/categories`);
    await rowOf(page, 'Drinks').waitFor();
    expect(await page.getByRole('button', { name: /^(New category|Rename|Move|Delete|Add subcategory)/ }).count()).toBe(0);
    expect(await page.getByText('Drop a category here').count()).toBe(0);
    expect(await rowOf(page, 'Drinks').getAttribute('draggable')).toBe('false');
    const drinks = (await tree()).find((entry) => entry.name === 'Drinks');
    const refused = await fetch(`${stack.api.baseUrl}/api/v1/categories/${drinks?.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await accessTokenFor(stack.api.baseUrl, cashier)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed by a cashier' }),
    });
    expect(refused.status).toBe(403);
  });
});
