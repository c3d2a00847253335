// `npm run bench ui`: figures of the web components and the shop app, measured in Debian's
// Chromium through Playwright — ui.task-list-10k, ui.task-list-10k.dom-rows, ui.bundle.engine,
// ui.bundle.ui-components, ui.shop-app-first-load.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright';
import { createServer, preview, build as viteBuild } from 'vite';
import { absolute, type BenchRow, percentile, report } from '../../../bench/lib.js';

const root = new URL('../../../', import.meta.url).pathname;
const TASKS = 10_000;

/** min+gz KB of a package's entry bundled by esbuild, its peer and optional dependencies left out. */
async function bundleKb(pkgDir: string, entry: string): Promise<number> {
  const pkg = JSON.parse(readFileSync(`${root}${pkgDir}/package.json`, 'utf8'));
  const external = [
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ];
  const result = await esbuild({
    entryPoints: [`${root}${pkgDir}/${entry}`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    external: [...external, ...external.map((name) => `${name}/*`)],
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles.reduce(
    (sum, file) => sum + gzipSync(file.contents, { level: 9 }).length,
    0,
  );
  return bytes / 1024;
}

const launch = () =>
  chromium.launch({
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

const rows: BenchRow[] = [
  absolute('ui.bundle.engine', await bundleKb('packages/engine', 'src/index.ts'), 40, 'KB min+gz'),
  absolute(
    'ui.bundle.ui-components',
    await bundleKb('packages/ui-components', 'src/index.ts'),
    40,
    'KB min+gz',
  ),
  ...(await taskList()),
  await shopAppFirstLoad(),
];
report(rows);
