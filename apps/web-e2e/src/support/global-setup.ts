import { nameBigShopTemplate } from './big-shop-template';
import startSharedChromium from './chromium-server';

/** Jest's globalSetup for the browser suites: the shared Chromium, and the name of the run's big-shop template. */
export default async function globalSetup(): Promise<void> {
  nameBigShopTemplate();
  await startSharedChromium();
}
