import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../../chromium-launch.js';

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [new URL('./fixtures/multi-tab-page.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['source'],
    external: ['node:fs', 'node:crypto'],
    logLevel: 'error',
  });
  const script = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  const html = '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>';
  server = createServer((req, res) => {
    const isScript = req.url === '/page.js';
    res.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html' });
    res.end(isScript ? script : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

async function openTab(context: Awaited<ReturnType<Browser['newContext']>>, store: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err));
  await page.goto(`${origin}/?store=${store}`);
  await page.waitForFunction(() => 'tabReady' in window);
  await page.evaluate(() => window.tabReady);
  return page;
}

it('two tabs on one IndexedDB store write in turn, never fork, and see each other', {
  timeout: 120_000,
}, async () => {
  const context = await browser.newContext();
  const [tabA, tabB] = [await openTab(context, 'shop'), await openTab(context, 'shop')];

  await Promise.all([
    tabA.evaluate(() => Promise.all(Array.from({ length: 15 }, (_, i) => window.tab.insert(`a-${i}`)))),
    tabB.evaluate(() => Promise.all(Array.from({ length: 15 }, (_, i) => window.tab.insert(`b-${i}`)))),
    tabA.evaluate(async () => {
      for (let i = 0; i < 10; i++) await window.tab.increment();
    }),
    tabB.evaluate(async () => {
      for (let i = 0; i < 10; i++) await window.tab.increment();
    }),
  ]);

  const expected = [
    ...Array.from({ length: 15 }, (_, i) => `a-${i}`),
    ...Array.from({ length: 15 }, (_, i) => `b-${i}`),
  ];
  const sees = (page: Page) => page.evaluate(() => window.tab.snapshot());
  await expect.poll(() => sees(tabA)).toEqual({ notes: expected.sort(), counter: 20, seq: 50 });
  await expect.poll(() => sees(tabB)).toEqual({ notes: expected.sort(), counter: 20, seq: 50 });
  expect(await tabA.evaluate(() => window.tab.externalChanges())).toBeGreaterThan(0);
  expect(await tabB.evaluate(() => window.tab.externalChanges())).toBeGreaterThan(0);

  const third = await openTab(context, 'shop');
  expect(await sees(third)).toEqual({ notes: expected.sort(), counter: 20, seq: 50 });
  await context.close();
});
