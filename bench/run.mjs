// `npm run bench [filter]`: runs every *.bench.ts (or those whose path contains `filter`) in its own
// Node process (clean heap, source imports), gathers their rows into bench/results.json and prints
// which rows meet their targets.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];
const dirs = [
  join(root, 'bench'),
  ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'bench')),
];
const files = dirs
  .filter((d) => existsSync(d))
  .flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => join(d, f)),
  )
  .filter((f) => !only || f.includes(only));

const work = mkdtempSync(join(tmpdir(), 'rpma-bench-'));
const rows = [];
let failedFiles = 0;
for (const [i, file] of files.entries()) {
  const out = join(work, `${i}.json`);
  console.log(`\n▶ ${relative(root, file)}`);
  const run = spawnSync(process.execPath, ['--conditions=source', '--expose-gc', '--import', 'tsx', file], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, RPMA_BENCH_OUT: out },
  });
  if (run.status !== 0 || !existsSync(out)) {
    failedFiles++;
    console.error(`✗ ${relative(root, file)} exited with ${run.status}`);
    continue;
  }
  rows.push(...JSON.parse(readFileSync(out, 'utf8')));
}

// A filtered run replaces only the rows it measured (in place); the other rows stay as last measured.
const resultsFile = join(root, 'bench', 'results.json');
const previous = only && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
const measured = new Map(rows.map((r) => [r.name, r]));
const merged = previous.map((r) => measured.get(r.name) ?? r);
const known = new Set(previous.map((r) => r.name));
writeFileSync(
  resultsFile,
  `${JSON.stringify([...merged, ...rows.filter((r) => !known.has(r.name))], null, 2)}\n`,
);
let misses = 0;
console.log(
  '\nname'.padEnd(36),
  'ours'.padStart(10),
  'peer'.padStart(10),
  'ratio'.padStart(8),
  'target'.padStart(8),
  ' unit',
);
for (const r of rows) {
  const value = r.ratio ?? r.ours;
  const ok = r.target == null || value <= r.target;
  if (!ok) misses++;
  console.log(
    `${ok ? '✓' : '✗'} ${r.name}`.padEnd(36),
    String(r.ours).padStart(10),
    String(r.peer ?? '-').padStart(10),
    String(r.ratio ?? '-').padStart(8),
    String(r.target ?? '-').padStart(8),
    ` ${r.unit}${r.peerName ? ` vs ${r.peerName}` : ''}`,
  );
}
console.log(`\n${rows.length} rows, ${misses} over target, ${failedFiles} files failed → bench/results.json`);
process.exit(failedFiles ? 1 : 0);
