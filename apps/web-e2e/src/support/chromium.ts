import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
export const CHROMIUM_EXECUTABLE = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Where the browser suites' shared Chromium listens (set by the project's globalSetup). */
export const CHROMIUM_ENDPOINT_VARIABLE = 'KASSA_TEST_CHROMIUM_WS';

/**
 * Debian's Chromium (no browser downloads on these machines; `.ci/run` installs it when missing):
 * the one the browser suites share, or a browser of its own when a suite runs outside that setup.
 * Closing what this returns disconnects from the shared browser without stopping it.
 */
export function launchChromium(): Promise<Browser> {
  const endpoint = process.env[CHROMIUM_ENDPOINT_VARIABLE];
  return endpoint ? chromium.connect(endpoint) : chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
}

/** A browser with a real profile on disk: Chromium refuses to install apps from incognito contexts. */
export function launchChromiumWithProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
}

/**
 * A browser of its own whose camera plays `videoFile` (Y4M, looping) and whose camera prompt is
 * answered yes: the shared browser has no camera.
 */
export function launchChromiumWithCamera(videoFile: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${videoFile}`],
  });
}
