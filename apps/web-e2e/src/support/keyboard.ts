import type { Page } from 'playwright-core';

/** Tabs from wherever focus is until a row of a grid has it, as a keyboard user would. */
export async function tabIntoRows(page: Page): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.tagName === 'TR')) return;
  }
  throw new Error('Tab never reached a row');
}
