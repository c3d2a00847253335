import type { LaunchOptions } from 'playwright';

/**
 * How every test and bench of the repository launches Chromium through Playwright: Debian's
 * Chromium (or `CHROMIUM_PATH`), no sandbox (containers), no GPU, and none of the background
 * traffic (updates, sync, first-run) that would disturb a measurement. The browser test project
 * in `vitest.config.ts`, the storage multi-tab test, the shop-app end-to-end test and the UI
 * bench all import it.
 *
 * @example
 * ```ts
 * import { chromium } from 'playwright';
 * import { CHROMIUM_LAUNCH_OPTIONS } from '../../../chromium-launch.js';
 * const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
 * ```
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
