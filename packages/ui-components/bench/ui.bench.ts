// `npm run bench ui.bench`: figures of the web components and the shop app, measured in Debian's
// Chromium through Playwright — ui.task-list-10k, ui.task-list-10k.dom-rows,
// ui.shop-app-first-load. The bundle weights are in bundle-size.bench.ts.
import { chromium } from 'playwright';
import { createServer, preview, build as viteBuild } from 'vite';
import { absolute, type BenchRow, percentile, report } from '../../../bench/lib.js';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../chromium-launch.js';

const root = new URL('../../../', import.meta.url).pathname;
const TASKS = 10_000;

const launch = () => chromium.launch(CHROMIUM_LAUNCH_OPTIONS);

async function taskList(): Promise<BenchRow[]> {
  const server = await createServer({
    root: new URL('./task-list-page/', import.meta.url).pathname,
    logLevel: 'warn',
    resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
    server: { host: '127.0.0.1', port: 0, fs: { allow: [root] } },
  });
  await server.listen();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.resolvedUrls!.local[0]!);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 120_000 });
    const seedStart = Date.now();
    await page.evaluate(
      (n) => (window as never as { rpmaBench: { seed(n: number): Promise<void> } }).rpmaBench.seed(n),
      TASKS,
    );
    console.log(`  seeded ${TASKS} tasks through shop.tasks.create in ${Date.now() - seedStart} ms`);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      times.push(
        await page.evaluate(() =>
          (window as never as { rpmaBench: { firstRender(): Promise<number> } }).rpmaBench.firstRender(),
        ),
      );
    }
    const rows = await page.evaluate(
      (n) =>
        (
          window as never as {
            rpmaBench: { domRowsAfterScrolling(n: number): Promise<{ loaded: number; domRows: number }> };
          }
        ).rpmaBench.domRowsAfterScrolling(n),
      TASKS,
    );
    console.log(
      `  first render samples (ms): ${times.map((t) => t.toFixed(1)).join(', ')}; ${rows.loaded} rows loaded, ${rows.domRows} in the DOM`,
    );
    return [
      absolute('ui.task-list-10k', percentile(times.slice(2), 50), 100, 'ms first render'),
      absolute('ui.task-list-10k.dom-rows', rows.domRows, 200, 'rows in DOM'),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

async function shopAppFirstLoad(): Promise<BenchRow> {
  const appRoot = `${root}examples/shop-app`;
  await viteBuild({ root: appRoot, logLevel: 'error' });
  const server = await preview({ root: appRoot, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
  const browser = await launch();
  try {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(server.resolvedUrls!.local[0]!);
      await page.locator('rpma-sign-in').getByRole('button').first().waitFor({ timeout: 180_000 });
      samples.push(Date.now() - start);
      await context.close();
    }
    console.log(
      `  first load samples (ms, fresh profile: empty cache and empty store, seeding included): ${samples.join(', ')}`,
    );
    return absolute(
      'ui.shop-app-first-load',
      percentile(samples, 50),
      null,
      'ms to interactive (cold, first start)',
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

const rows: BenchRow[] = [...(await taskList()), await shopAppFirstLoad()];
report(rows);
