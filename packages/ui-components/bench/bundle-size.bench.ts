// `npm run bench bundle-size`: what a browser page downloads for each package, min+gz, peer and
// optional dependencies left out — ui.bundle.engine / ui.bundle.ui-components (the entry chunk and
// every chunk it imports statically: what `import '@rpma/engine'` fetches before any code runs)
// and their `.lazy` rows (every chunk only reached through a dynamic `import()`: fetched on first
// use, never at start). The entry is split by esbuild the way a host's bundler would split it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild, type Metafile, type Plugin } from 'esbuild';
import { absolute, type BenchRow, report } from '../../../bench/lib.js';
import { minifyTemplates } from '../build/minify-templates.js';

const root = new URL('../../../', import.meta.url).pathname;

/** KB min+gz of the chunks fetched at start (`eager`) and of those fetched on demand (`lazy`). */
interface BundleSize {
  eager: number;
  lazy: number;
  eagerChunks: number;
  lazyChunks: number;
}

/** The output files reached from `entry` through static imports only (the entry included). */
function staticClosure(outputs: Metafile['outputs'], entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of outputs[file]?.imports ?? []) {
      if (edge.kind === 'import-statement' && !edge.external) queue.push(edge.path);
    }
  }
  return seen;
}

/**
 * Bundles a package's entry with code splitting and weighs the eager and the lazy chunks apart;
 * `plugins` are those of the package's own build (its tsup.config.ts), so the weight is the dist's.
 */
async function bundleSize(pkgDir: string, entry: string, plugins: Plugin[]): Promise<BundleSize> {
  const pkg = JSON.parse(readFileSync(join(root, pkgDir, 'package.json'), 'utf8'));
  const external = [
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ];
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: [join(root, pkgDir, entry)],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    external: [...external, ...external.map((name) => `${name}/*`)],
    outdir: join(root, 'node_modules/.cache/bundle-size', pkgDir),
    metafile: true,
    plugins,
    write: false,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const gzipped = new Map(
    result.outputFiles.map((file) => [
      file.path.slice(root.length),
      gzipSync(file.contents, { level: 9 }).length,
    ]),
  );
  // Every chunk a dynamic import() starts has an entryPoint too: the package's entry is the one of `entry`.
  const entryFile = Object.keys(outputs).find((file) => outputs[file]?.entryPoint === join(pkgDir, entry));
  if (entryFile === undefined) throw new Error(`esbuild produced no entry chunk for ${pkgDir}/${entry}`);
  const eager = staticClosure(outputs, entryFile);
  const size: BundleSize = { eager: 0, lazy: 0, eagerChunks: 0, lazyChunks: 0 };
  for (const [file, bytes] of gzipped) {
    if (!file.endsWith('.js')) continue;
    if (eager.has(file)) {
      size.eager += bytes / 1024;
      size.eagerChunks++;
    } else {
      size.lazy += bytes / 1024;
      size.lazyChunks++;
    }
  }
  return size;
}

/** The two rows of one package: its start weight (the target) and its on-demand weight. */
async function bundleRows(
  name: string,
  pkgDir: string,
  targets: { eager: number; lazy: number },
  plugins: Plugin[] = [],
): Promise<BenchRow[]> {
  const size = await bundleSize(pkgDir, 'src/index.ts', plugins);
  console.log(
    `  ${name}: ${size.eager.toFixed(1)} KB in ${size.eagerChunks} chunk(s) at start, ` +
      `${size.lazy.toFixed(1)} KB in ${size.lazyChunks} chunk(s) loaded on first use`,
  );
  return [
    absolute(name, size.eager, targets.eager, 'KB min+gz fetched at start'),
    absolute(`${name}.lazy`, size.lazy, targets.lazy, 'KB min+gz of chunks loaded on first use'),
  ];
}

// Targets: 40 KB at start (the figure); the lazy rows bound what moving code behind
// import() may add up to, so that a split cannot hide growth (engine: its lazy libraries,
// ~45 KB today, plus rrule's ~14 KB once recurrence loads on demand).
report([
  ...(await bundleRows('ui.bundle.engine', 'packages/engine', { eager: 40, lazy: 60 })),
  ...(await bundleRows('ui.bundle.ui-components', 'packages/ui-components', { eager: 40, lazy: 40 }, [
    minifyTemplates(join(root, 'packages/ui-components/src')),
  ])),
]);
