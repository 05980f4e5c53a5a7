import type { BrowserServer } from 'playwright-core';

/** Jest's globalTeardown: stops the Chromium that `chromium-server.ts` started. */
export default async function stopSharedChromium(): Promise<void> {
  await (globalThis as { sharedChromium?: BrowserServer }).sharedChromium?.close();
}
