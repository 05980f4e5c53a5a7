import type { Locator, Page } from 'playwright-core';

/** From the page's next load on, sums its layout shifts that no input caused (as CLS counts them). */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    Object.assign(window, { kassaShifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shift recorded since the page loaded (`recordLayoutShifts` first). */
export const layoutShiftSoFar = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { kassaShifts: number[] }).kassaShifts.reduce((sum, value) => sum + value, 0));

/** Holds every request to `url` (a glob) back `ms` before it goes on: the page as a slow answer leaves it meanwhile. */
export async function holdBack(page: Page, url: string, ms: number): Promise<void> {
  await page.route(url, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

/** Where `anchor` is when it first shows, and again once `late` has shown: equal when `late` moved nothing. */
export async function boxesBeforeAndAfter(anchor: Locator, late: Locator): Promise<[Box | null, Box | null]> {
  await anchor.waitFor();
  const before = await anchor.boundingBox();
  await late.waitFor();
  return [before, await anchor.boundingBox()];
}

type Box = Awaited<ReturnType<Locator['boundingBox']>>;
