/**
 * `storage.commit-size` and `storage.open`: the sql.js adapter on a real file journal (temp
 * directories, real fsync).
 *
 * - commit-size: latency of one durable single-document commit (insert, journal append, fsync)
 *   on a ~100 MB store vs a ~1 MB store. Samples of both stores are interleaved so machine load
 *   drifts hit both alike; the row reports the medians and their ratio (target ≤ 1.3: a commit
 *   must not cost more on a bigger store, since snapshots are only written at compaction).
 * - open: opening a 100k-document store made of a snapshot plus 1,000 journal entries (lock,
 *   read, checksums, sql.js load of the snapshot, replay) — target ≤ 500 ms.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollectionSchema, StoreSchema } from '@rpma/engine';
import { absolute, compared, percentile, report } from '../../../bench/lib.js';
import { sqljsStorage } from '../src/index.js';
import { fileJournal } from '../src/node.js';

const clients: CollectionSchema = {
  name: 'clients',
  fields: { name: 'string', city: 'string', visits: 'number' },
  indexes: [['city', 'visits']],
};
const schema: StoreSchema = { collections: [clients] };
const cities = ['Lyon', 'Paris', 'Nantes', 'Lille', 'Bordeaux', 'Marseille'];
const at = '2026-11-26T00:00:00.000Z';

function client(i: number, notes: string) {
  return {
    id: `c${String(i).padStart(7, '0')}`,
    createdAt: at,
    updatedAt: at,
    name: `Client ${i}`,
    city: cities[i % cities.length],
    visits: i % 50,
    phone: `+33 6 ${String(i).padStart(8, '0')}`,
    notes,
  };
}

/** Creates a store of `count` clients with `notes` each, compacted into a snapshot; returns its size. */
async function buildStore(dir: string, count: number, notes: string): Promise<number> {
  const storage = sqljsStorage({ persistence: fileJournal(dir, { compactAfterEntries: 0 }) });
  await storage.open(schema);
  const batch = 20_000;
  for (let start = 0; start < count; start += batch) {
    await storage.write(async (tx) => {
      for (let i = start; i < Math.min(count, start + batch); i++)
        await tx.insert('clients', client(i, notes));
    });
  }
  await storage.close();
  return statSync(join(dir, 'snapshot')).size;
}

async function commitSize(work: string): Promise<ReturnType<typeof compared>> {
  const small = join(work, 'small.rpma');
  const large = join(work, 'large.rpma');
  const smallBytes = await buildStore(small, 1_000, 'n'.repeat(700));
  const largeBytes = await buildStore(large, 100_000, 'n'.repeat(700));
  console.log(
    `commit-size: stores of ${(smallBytes / 1e6).toFixed(1)} MB and ${(largeBytes / 1e6).toFixed(1)} MB`,
  );
  const stores = [small, large].map((dir) => sqljsStorage({ persistence: fileJournal(dir) }));
  for (const storage of stores) await storage.open(schema);
  const samples: number[][] = [[], []];
  let next = 1_000_000;
  const commit = (index: number) =>
    stores[index]!.write((tx) => tx.insert('clients', client(next++, 'a new client')));
  for (const index of [0, 1]) for (let i = 0; i < 5; i++) await commit(index);
  for (let round = 0; round < 60; round++) {
    for (const index of [0, 1]) {
      const start = performance.now();
      await commit(index);
      samples[index]!.push(performance.now() - start);
    }
  }
  for (const storage of stores) await storage.close();
  const [smallMs, largeMs] = samples.map((s) => percentile(s, 50)) as [number, number];
  return compared('storage.commit-size', largeMs, smallMs, 'same commit on a 1 MB store', 1.3);
}

async function openStore(work: string): Promise<ReturnType<typeof absolute>> {
  const dir = join(work, 'open.rpma');
  const bytes = await buildStore(dir, 100_000, 'prefers matte film; comes on Saturdays');
  const storage = sqljsStorage({ persistence: fileJournal(dir) });
  await storage.open(schema);
  await Promise.all(
    Array.from({ length: 1_000 }, (_, i) =>
      storage.write((tx) => tx.insert('clients', client(200_000 + i, 'added after the snapshot'))),
    ),
  );
  await storage.close();
  console.log(
    `open: snapshot ${(bytes / 1e6).toFixed(1)} MB + journal ${(statSync(join(dir, 'journal')).size / 1e3).toFixed(0)} kB`,
  );
  const times: number[] = [];
  for (let run = 0; run < 8; run++) {
    const start = performance.now();
    const opened = sqljsStorage({ persistence: fileJournal(dir) });
    await opened.open(schema);
    if (run > 0) times.push(performance.now() - start);
    const count = await opened.read((tx) => tx.count('clients'));
    if (count !== 101_000) throw new Error(`open: expected 101000 clients, found ${count}`);
    await opened.close();
  }
  const ms = percentile(times, 50);
  return absolute('storage.open', ms, 500);
}

const work = mkdtempSync(join(tmpdir(), 'rpma-durability-bench-'));
try {
  report([await commitSize(work), await openStore(work)]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
