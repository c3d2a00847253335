import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqljsStorage } from '../index.js';
import { fileJournal } from '../node.js';
import type { PersistedState, Persistence } from '../persistence/persistence.js';
import { crashSchema } from './fixtures/crash-schema.js';

/** Kills in total, spread over independent stores killed in parallel (the child spends most of its life waiting on fsync). */
const KILLS = 200;
const LANES = 2;
const repoRoot = new URL('../../../../', import.meta.url).pathname;
let work: string;
let childScript: string;
let SQL: SqlJsStatic;
/** Writers not yet exited, killed when the test ends early. */
const live = new Set<ChildProcess>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rpma-crash-'));
  childScript = join(work, 'crash-writer.cjs');
  await build({
    entryPoints: [new URL('./fixtures/crash-writer.ts', import.meta.url).pathname],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    conditions: ['source'],
    external: ['sql.js'],
    logLevel: 'error',
  });
  SQL = await initSqlJs();
});

afterAll(async () => {
  for (const child of live) child.kill('SIGKILL');
  await Promise.all([...live].map((child) => once(child, 'exit')));
  await rm(work, { recursive: true, force: true });
});

interface ChildRun {
  acked: string[];
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Killed between `compacting` and `compacted`. */
  compacting: boolean;
}

/** A started writer, warming up (sql.js loaded) until `go` lets it open the store. */
interface WarmChild {
  go: () => Promise<ChildRun>;
}

/**
 * Starts the writer for `run`. `go()` lets it open the store and SIGKILLs it at a random moment:
 * 0–25 ms after a random number (0–15) of acknowledged commits, so kills land anywhere in the
 * write and compaction cycle however loaded the machine is; one time in ten, a random moment
 * while it opens (and repairs) the store.
 */
function startChild(store: string, run: number): WarmChild {
  const child = spawn(process.execPath, [childScript, store, String(run)], {
    env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  child.on('exit', () => live.delete(child));
  const acked: string[] = [];
  let compacting = false;
  let pending = '';
  let stderr = '';
  let onWarm: () => void = () => undefined;
  const warm = new Promise<void>((resolve) => {
    onWarm = resolve;
  });
  const kill = () => child.kill('SIGKILL');
  const killAfterAcks = Math.floor(Math.random() * 16);
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'warm') onWarm();
      else if (line === 'compacting') compacting = true;
      else if (line === 'compacted') compacting = false;
      else if (line !== 'ready') acked.push(line);
      if (line === 'ready' || line.startsWith('w-')) {
        if (acked.length === killAfterAcks) setTimeout(kill, Math.random() * 25);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const closed = new Promise<ChildRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ acked, signal, stderr, compacting }));
  });
  return {
    async go() {
      await Promise.race([warm, closed]);
      child.stdin.write('go\n');
      if (Math.random() < 0.1) setTimeout(kill, Math.random() * 30);
      return closed;
    },
  };
}

function integrity(snapshot: Uint8Array): string {
  const db = new SQL.Database(snapshot);
  try {
    return String(db.exec('PRAGMA integrity_check')[0]?.values[0]?.[0]);
  } finally {
    db.close();
  }
}

/**
 * The file store as the adapter sees it, except that nothing more reaches the disk: appends are
 * dropped and a compaction only hands over the exported database. Lets the test run
 * integrity_check on the database the adapter rebuilt (snapshot + replay).
 */
function inspecting(store: string) {
  const inner = fileJournal(store);
  let onExport: (bytes: Uint8Array) => void = () => undefined;
  const exported = new Promise<Uint8Array>((resolve) => {
    onExport = resolve;
  });
  let onDisk: PersistedState | undefined;
  const persistence: Persistence = {
    kind: 'inspect',
    open: async () => {
      onDisk = await inner.open();
      return onDisk;
    },
    append: async () => undefined,
    shouldCompact: () => true,
    compact: async (bytes) => onExport(bytes),
    close: () => inner.close(),
  };
  return { persistence, exported, onDisk: () => onDisk };
}

/**
 * Opens the store after a kill: the snapshot on disk passes integrity_check, the adapter opens
 * it (snapshot + replay) and holds every acknowledged id, and the database it rebuilt passes
 * integrity_check too.
 */
async function verify(store: string, acked: Set<string>, run: number): Promise<void> {
  const inspect = inspecting(store);
  const storage = sqljsStorage({ persistence: inspect.persistence });
  await storage.open(crashSchema);
  const snapshot = inspect.onDisk()?.snapshot;
  if (snapshot) expect(integrity(snapshot)).toBe('ok');
  const present = new Set<string>();
  let after: string | undefined;
  do {
    const page = await storage.read((tx) => tx.find('writes', { limit: 1000, ...(after ? { after } : {}) }));
    for (const doc of page.items) present.add(doc.id);
    after = page.nextCursor ?? undefined;
  } while (after);
  const missing = [...acked].filter((id) => !present.has(id));
  expect(missing, `acknowledged commits lost after kill ${run}`).toEqual([]);
  const at = new Date().toISOString();
  await storage.write((tx) =>
    tx.insert('writes', { id: `probe-${run}`, createdAt: at, updatedAt: at, run, n: -1 }),
  );
  await storage.close();
  expect(integrity(await inspect.exported)).toBe('ok');
}

/** Kills one store `kills` times in a row; returns how many commits were acknowledged and how many kills hit a compaction. */
async function killLoop(
  store: string,
  lane: number,
  kills: number,
): Promise<{ acked: number; duringCompaction: number }> {
  const acked = new Set<string>();
  let duringCompaction = 0;
  let next = startChild(store, lane * 1000);
  for (let run = 0; run < kills; run++) {
    const result = await next.go();
    if (run + 1 < kills) next = startChild(store, lane * 1000 + run + 1);
    expect(result.signal, result.stderr).toBe('SIGKILL');
    for (const id of result.acked) acked.add(id);
    if (result.compacting) duringCompaction++;
    await verify(store, acked, lane * 1000 + run);
  }
  return { acked: acked.size, duringCompaction };
}

it(`every acknowledged commit survives ${KILLS} SIGKILLs, compaction included`, {
  timeout: 600_000,
}, async () => {
  const lanes = await Promise.all(
    Array.from({ length: LANES }, (_, lane) =>
      killLoop(join(work, `shop-${lane}.rpma`), lane, KILLS / LANES),
    ),
  );
  const acked = lanes.reduce((n, lane) => n + lane.acked, 0);
  const duringCompaction = lanes.reduce((n, lane) => n + lane.duringCompaction, 0);
  console.info(
    `crash test: ${KILLS} kills, ${acked} acknowledged commits, ${duringCompaction} kills mid-compaction`,
  );
  expect(acked).toBeGreaterThan(KILLS);
  expect(duringCompaction).toBeGreaterThan(0);
});
