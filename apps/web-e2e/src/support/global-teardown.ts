import { dropBigShopTemplate } from './big-shop-template';
import stopSharedChromium from './chromium-server-stop';

/** Jest's globalTeardown: stops the shared Chromium and drops the run's big-shop template. */
export default async function globalTeardown(): Promise<void> {
  await stopSharedChromium();
  await dropBigShopTemplate();
}
