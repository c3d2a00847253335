import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// End to end: the BUILT shop app, served on 127.0.0.1 by Vite's preview server (what
// `npm run demo` serves), driven with Playwright in Debian's Chromium.

const root = new URL('../..', import.meta.url).pathname;
const artifacts = new URL('../../../../test-artifacts/shop-app/', import.meta.url).pathname;

let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  await build({ root, logLevel: 'warn' });
  server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
  url = server.resolvedUrls?.local[0] ?? '';
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(artifacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page that fails the test on any console error, page error or CSP violation. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, problems };
}

describe('the built shop app', () => {
  it('is served with a CSP without unsafe-eval, signs a technician in, and switches to French', async () => {
    const { page, problems } = await openPage();
    const response = await page.goto(url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");

    const lea = page.locator('rpma-sign-in').getByRole('button', { name: /Léa Martin/ });
    await lea.waitFor();
    await page.screenshot({ path: `${artifacts}sign-in.png` });
    await lea.click();
    await page.locator('rpma-sign-in').getByText('Signed in as Léa Martin').waitFor();

    await page.getByLabel('Language').selectOption('fr');
    await page.locator('rpma-sign-in').getByText('Connecté en tant que Léa Martin').waitFor();
    await page.screenshot({ path: `${artifacts}signed-in-fr.png` });
    expect(problems).toEqual([]);
  }, 60_000);
});
