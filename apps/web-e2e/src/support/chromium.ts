import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const EXECUTABLE = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Debian's Chromium (no browser downloads on these machines); `.ci/run` installs it when missing. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
}

/** A browser with a real profile on disk: Chromium refuses to install apps from incognito contexts. */
export function launchChromiumWithProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: EXECUTABLE, args: ARGS });
}
