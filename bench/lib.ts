/**
 * Shared helpers for the benchmarks that `npm run bench` runs, one file per area
 * (`packages/<name>/bench/*.bench.ts` and `bench/*.bench.ts`). Each file calls `report()` once.
 */
import { writeFileSync } from 'node:fs';

/** One row of bench/results.json. Costs are ms per operation (lower is better) unless `unit` says otherwise. */
export interface BenchRow {
  name: string;
  ours: number;
  peer: number | null;
  peerName: string | null;
  ratio: number | null;
  unit: string;
  /** Largest acceptable ratio, or, for a row without a peer, the largest acceptable `ours`. Null: reported only. */
  target: number | null;
}

/** Runs `fn` `warmup` times, then `runs` times, and returns the median ms per call. */
export async function measure(
  fn: () => unknown,
  options: { runs?: number; warmup?: number } = {},
): Promise<number> {
  const runs = options.runs ?? 15;
  const warmup = options.warmup ?? 3;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

/**
 * Median ms per call of `ours` and of `peer`, measured alternately (one run of each per round)
 * so that a change of machine load between the two sides does not skew their ratio.
 */
export async function measurePair(
  ours: () => unknown,
  peer: () => unknown,
  options: { runs?: number; warmup?: number } = {},
): Promise<[number, number]> {
  const runs = options.runs ?? 15;
  for (let i = 0; i < (options.warmup ?? 3); i++) {
    await ours();
    await peer();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await ours();
    a.push(performance.now() - start);
    start = performance.now();
    await peer();
    b.push(performance.now() - start);
  }
  return [percentile(a, 50), percentile(b, 50)];
}

/** The p-th percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** A row comparing ours with a peer measured in the same run. */
export function compared(
  name: string,
  ours: number,
  peer: number,
  peerName: string,
  target: number | null,
  unit = 'ms/op',
): BenchRow {
  return { name, ours: round(ours), peer: round(peer), peerName, ratio: round(ours / peer), unit, target };
}

/** A row with no peer: `target` bounds `ours` itself. */
export function absolute(name: string, ours: number, target: number | null, unit = 'ms/op'): BenchRow {
  return { name, ours: round(ours), peer: null, peerName: null, ratio: null, unit, target };
}

/** Hands this file's rows to the runner (through the file it names), or prints them when run alone. */
export function report(rows: BenchRow[]): void {
  const out = process.env.RPMA_BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify(rows));
  else console.table(rows);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
