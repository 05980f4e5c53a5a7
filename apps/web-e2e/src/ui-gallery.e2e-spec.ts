import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, startBuiltWeb } from '@kassa/testing';
import { accessibilityViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { startWebStack, WebStack } from './support/web-stack';

// Produced by every run for people to look at; tmp/ is not committed.
const SCREENS = path.resolve(__dirname, '../../../tmp/screens/web-e2e');
const SECTIONS = [
  'Buttons',
  'Fields',
  'Checkboxes, switches, radios',
  'Dates',
  'Dialogs and drawers',
  'Tabs, badges, pagination, toolbar',
  'Empty, loading and failed',
  'DataTable',
  'Form',
];
const BACKGROUND = { light: 'rgb(246, 247, 249)', dark: 'rgb(15, 18, 23)' };
const TABLET = { width: 820, height: 1180 };

async function openGallery(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/ui`);
  await page.getByRole('heading', { level: 1, name: 'Kassa UI' }).waitFor();
  await page
    .getByRole('grid', { name: /Demo items/ })
    .getByRole('row', { name: /Alpine Apple/ })
    .waitFor();
}

describe('the /ui component gallery in Chromium', () => {
  let stack: WebStack;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    stack = await startWebStack({}, { KASSA_UI_GALLERY: 'on' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async () => {
    await context?.close();
  });

  it.each(['light', 'dark'] as const)(
    'shows every component in %s mode with no serious or critical axe violations, open overlays included',
    async (colorScheme) => {
      context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await openGallery(page, stack.web.baseUrl);
      for (const section of SECTIONS) await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BACKGROUND[colorScheme]);
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `ui.desktop.${colorScheme}.png`), fullPage: true });

      await page.getByRole('button', { name: 'Delete shop' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Delete Corner Shop?' });
      await confirm.waitFor();
      expect(await confirm.getByRole('button', { name: 'Delete shop' }).isDisabled()).toBe(true);
      await confirm.getByLabel('Type corner-shop to confirm').fill('corner-shop');
      expect(await confirm.getByRole('button', { name: 'Delete shop' }).isEnabled()).toBe(true);
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `ui-confirm.desktop.${colorScheme}.png`) });
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'hidden' });

      await page.getByRole('combobox', { name: 'Product' }).fill('honey');
      await page.getByRole('option', { name: /Alpine Honey/ }).waitFor();
      expect(await accessibilityViolations(page, ['serious', 'critical'])).toEqual([]);
      await page.keyboard.press('Enter');
      await page.getByText('Chosen: Alpine Honey').waitFor();

      context.setDefaultTimeout(30_000);
      await page.setViewportSize(TABLET);
      await page.screenshot({ path: path.join(SCREENS, `ui.tablet.${colorScheme}.png`), fullPage: true });
    },
  );

  it('gives every control a target at least 44 px tall on a tablet', async () => {
    context = await browser.newContext({ viewport: TABLET });
    const page = await context.newPage();
    await openGallery(page, stack.web.baseUrl);
    const tooSmall = await page.evaluate(() => {
      const targets = document.querySelectorAll<HTMLElement>(
        'main button:not([role=switch]), main select, main input:not([type=checkbox]):not([type=radio]), main [role=tab], main label:has(input[type=checkbox]), main label:has(input[type=radio]), main label:has([role=switch])',
      );
      return Array.from(targets)
        .filter((element) => element.getClientRects().length > 0 && !element.closest('dialog:not([open]), [hidden]'))
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 43.5 || box.width < 43.5)
        .map(
          ({ element, box }) =>
            `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    });
    expect(tooSmall).toEqual([]);
  });

  it('asks the server for the sort, filters and cursor the DataTable is set to', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await openGallery(page, stack.web.baseUrl);
    const table = page.getByRole('grid', { name: /Demo items/ });
    const nextRequest = (matches: (params: URLSearchParams) => boolean) =>
      page.waitForRequest((request) => {
        const url = new URL(request.url());
        return url.pathname === '/ui/rows' && matches(url.searchParams);
      });

    let request = nextRequest((params) => params.get('sort') === 'name');
    await table.getByRole('button', { name: 'Name' }).click();
    await request;
    expect(await table.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');

    request = nextRequest((params) => params.get('sort') === '-name');
    await table.getByRole('button', { name: 'Name' }).click();
    await request;

    request = nextRequest((params) => params.get('q') === 'honey' && params.get('sort') === '-name' && !params.has('cursor'));
    await page.getByRole('searchbox', { name: 'Search items' }).fill('honey');
    await request;
    await table.getByRole('row', { name: /Lemon Honey/ }).waitFor();
    // The previous page stays on screen until the filtered one has rendered: wait for that, not for one row.
    const onlyHoney = (grid: Element) => {
      const names = Array.from(grid.querySelectorAll('tbody tr td:nth-child(2)'), (cell) => cell.textContent ?? '');
      return names.length > 0 && names.every((name) => name.includes('Honey'));
    };
    await page.waitForFunction(onlyHoney, await table.elementHandle(), { timeout: 10_000 });

    request = nextRequest((params) => params.get('q') === 'honey' && params.get('status') === 'archived');
    await page.getByRole('combobox', { name: 'Status' }).first().selectOption('archived');
    await request;

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    request = nextRequest((params) => params.get('cursor') === '50' && params.get('sort') === '-name' && !params.has('q'));
    await page.getByRole('navigation', { name: 'Demo items pages' }).getByRole('button', { name: 'Next' }).click();
    await request;
    await page.getByRole('navigation', { name: 'Demo items pages' }).getByText('Page 2').waitFor();
  });

  it('renders only the rows in view of a long page, and End still reaches the last one', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await openGallery(page, stack.web.baseUrl);
    const table = page.getByRole('grid', { name: /Demo items/ });
    await page.getByLabel('Rows per page').selectOption('200');
    await page.locator('table[aria-rowcount="201"]').waitFor();
    expect(await table.locator('tbody tr[data-index]').count()).toBeLessThan(60);
    await table.locator('tbody tr[data-index="0"]').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-index') === '199');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('201');
  });

  it('remembers the columns a person hid after a reload', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await openGallery(page, stack.web.baseUrl);
    const table = page.getByRole('grid', { name: /Demo items/ });
    await page.getByRole('button', { name: 'Columns' }).first().click();
    await page.getByRole('group', { name: 'Visible columns' }).first().getByLabel('SKU').uncheck();
    await table.getByRole('columnheader', { name: 'SKU' }).waitFor({ state: 'detached' });
    await page.reload();
    await openGallery(page, stack.web.baseUrl);
    expect(await table.getByRole('columnheader').allInnerTexts()).not.toContain('SKU');
  });

  it('reads money as the shop locale types it: 12.50 in en-US and 12,50 in de-DE are 1250 minor units', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await openGallery(page, stack.web.baseUrl);
    const price = page.getByRole('textbox', { name: 'Price (USD)' }).first();
    await page.getByLabel('Shop locale').selectOption('en-US');
    await price.fill('12.50');
    await page.getByTestId('money-minor').filter({ hasText: 'Minor units: 1250 USD' }).waitFor();

    await page.getByLabel('Shop locale').selectOption('de-DE');
    const euroPrice = page.getByRole('textbox', { name: 'Price (EUR)' }).first();
    await euroPrice.fill('7,25');
    await page.getByTestId('money-minor').filter({ hasText: 'Minor units: 725 EUR' }).waitFor();
    await euroPrice.fill('12,50');
    await page.getByTestId('money-minor').filter({ hasText: 'Minor units: 1250 EUR' }).waitFor();
  });

  it('is not there for shops: a web server started without KASSA_UI_GALLERY answers 404', async () => {
    const production = await startBuiltWeb(await freePort(), { KASSA_API_URL: stack.api.baseUrl });
    try {
      expect((await fetch(`${production.baseUrl}/ui`)).status).toBe(404);
      expect((await fetch(`${production.baseUrl}/ui/rows`)).status).toBe(404);
    } finally {
      await production.stop();
    }
  });
});
