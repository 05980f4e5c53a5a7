import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_ENDPOINT_VARIABLE, CHROMIUM_EXECUTABLE } from './chromium';

/**
 * Jest's globalSetup for the browser suites: one Chromium for all of them, which each suite
 * connects to (`launchChromium`) instead of starting its own.
 */
export default async function startSharedChromium(): Promise<void> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  process.env[CHROMIUM_ENDPOINT_VARIABLE] = server.wsEndpoint();
  (globalThis as { sharedChromium?: BrowserServer }).sharedChromium = server;
}
