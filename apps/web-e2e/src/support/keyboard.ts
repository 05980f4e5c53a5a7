import type { Locator, Page } from 'playwright-core';

/** Tabs from wherever focus is until a row of a grid has it, as a keyboard user would. */
export async function tabIntoRows(page: Page): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.tagName === 'TR')) return;
  }
  throw new Error('Tab never reached a row');
}

/**
 * Types `text` into an input letter by letter within one task of the page, as a fast typist's keys would arrive if the
 * machine kept up: each letter is an `input` event React sees, and no timer can run between them. Playwright's own
 * keys are a round trip each, which on a loaded machine leaves gaps longer than a search box's pause.
 */
export async function typeInOneTask(input: Locator, text: string): Promise<void> {
  await input.evaluate((element: HTMLInputElement, letters: string) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!setValue) throw new Error('no value setter on HTMLInputElement');
    element.focus();
    for (let end = 1; end <= letters.length; end++) {
      // The prototype's setter, not `element.value =`: React tracks the latter and would see no change.
      setValue.call(element, letters.slice(0, end));
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, text);
}
