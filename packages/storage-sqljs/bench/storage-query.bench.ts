/**
 * `storage.find` and `storage.insert`: the sql.js adapter against hand-written SQL on sql.js.
 *
 * - find: filter (status in two values, priority ≥ 3) + sort (scheduledAt desc) + limit 50 over
 *   100k tasks, through `tx.find` vs one prepared SELECT on a copy of the same database (the
 *   adapter's exported snapshot: same tables, same indexes), both returning parsed documents.
 * - insert: 100k tasks in one write transaction through the adapter (journaling to
 *   memoryPersistence, as a durable store would) vs raw prepared INSERTs in one transaction into
 *   an equivalent table (same columns and indexes; JSON.stringify per document too).
 * Both sides use the adapter's SQLite pragmas, and runs alternate between them (the machine's
 * load may change during the run).
 */
import type { CollectionSchema, Doc, NewDoc } from '@rpma/engine';
import initSqlJs from 'sql.js';
import { compared, percentile, report } from '../../../bench/lib.js';
import { memoryPersistence, sqljsStorage } from '../src/index.js';
import { SQLITE_PRAGMAS } from '../src/sqljs-storage-adapter.js';

const N = 100_000;
const statuses = ['draft', 'scheduled', 'in_progress', 'completed', 'cancelled'];

const tasks: CollectionSchema = {
  name: 'tasks',
  fields: {
    status: 'string',
    priority: 'number',
    scheduledAt: 'date',
    technicianId: 'string',
    total: 'number',
  },
  indexes: [['status', 'scheduledAt']],
};

function makeDocs(): NewDoc[] {
  const base = Date.UTC(2026, 0, 1);
  return Array.from({ length: N }, (_, i) => {
    const at = new Date(base + ((i * 7919) % N) * 60_000).toISOString();
    return {
      id: `t${String(i).padStart(6, '0')}`,
      createdAt: at,
      updatedAt: at,
      number: `T-2026-${String(i).padStart(6, '0')}`,
      status: statuses[i % statuses.length],
      priority: (i % 5) + 1,
      scheduledAt: at,
      technicianId: `u${i % 20}`,
      total: (i % 1000) * 1.5,
      vehicle: { make: 'Tesla', model: 'Model 3', plate: `AB-${i % 1000}-CD` },
      notes: 'full front PPF, ceramic on wheels',
    };
  });
}

const docs = makeDocs();
const SQL = await initSqlJs();

async function adapterInsert(): Promise<void> {
  const storage = sqljsStorage({ persistence: memoryPersistence() });
  await storage.open({ collections: [tasks] });
  await storage.write(async (tx) => {
    for (const doc of docs) await tx.insert('tasks', doc);
  });
  await storage.close();
}

function rawInsert(): void {
  const db = new SQL.Database();
  db.run(SQLITE_PRAGMAS);
  db.run(
    'CREATE TABLE t (id TEXT PRIMARY KEY NOT NULL, rev INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT, doc TEXT NOT NULL, status TEXT, priority NUMERIC, scheduled_at TEXT, technician_id TEXT, total NUMERIC)',
  );
  for (const column of ['status', 'priority', 'scheduled_at', 'technician_id', 'total']) {
    db.run(`CREATE INDEX ix_${column} ON t (${column})`);
  }
  db.run('CREATE INDEX ix_status_at ON t (status, scheduled_at)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.run('BEGIN');
  for (const doc of docs) {
    const d = doc as NewDoc & {
      status: string;
      priority: number;
      scheduledAt: string;
      technicianId: string;
      total: number;
    };
    const stored = { ...d, rev: 1, deletedAt: null };
    insert.run([
      d.id,
      1,
      d.createdAt,
      d.updatedAt,
      null,
      JSON.stringify(stored),
      d.status,
      d.priority,
      d.scheduledAt,
      d.technicianId,
      d.total,
    ]);
  }
  db.run('COMMIT');
  insert.free();
  db.close();
}

/**
 * Median ms per call of `ours` and `peer`, measured alternately (one call of each per round),
 * so a change of machine load during the run weighs on both sides alike.
 */
async function interleaved(
  ours: () => unknown,
  peer: () => unknown,
  rounds: number,
  warmup: number,
): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [side, fn] of [ours, peer].entries()) {
      const start = performance.now();
      await fn();
      if (round >= warmup) times[side as 0 | 1].push(performance.now() - start);
    }
  }
  return [percentile(times[0], 50), percentile(times[1], 50)];
}

const [insertOurs, insertRaw] = await interleaved(adapterInsert, rawInsert, 5, 1);

const persistence = memoryPersistence({ compactAfter: 1 });
const loader = sqljsStorage({ persistence });
await loader.open({ collections: [tasks] });
await loader.write(async (tx) => {
  for (const doc of docs) await tx.insert('tasks', doc);
});
await loader.close();
const snapshot = persistence.state.snapshot;
if (snapshot === null) throw new Error('the adapter did not compact: no snapshot to share');

const storage = sqljsStorage({ persistence });
await storage.open({ collections: [tasks] });
const query = {
  where: { status: { in: ['scheduled', 'in_progress'] }, priority: { gte: 3 } },
  orderBy: [{ field: 'scheduledAt', direction: 'desc' as const }],
  limit: 50,
};
const ours = async (): Promise<Doc[]> => (await storage.read((tx) => tx.find('tasks', query))).items;

const raw = new SQL.Database(snapshot);
raw.run(SQLITE_PRAGMAS);
const select = raw.prepare(
  'SELECT doc FROM "doc:tasks" WHERE deleted_at IS NULL AND "f.status" IN (?, ?) AND "f.priority" >= ? ORDER BY "f.scheduledAt" DESC, id ASC LIMIT 50',
);
const handWritten = (): Doc[] => {
  select.bind(['scheduled', 'in_progress', 3]);
  const out: Doc[] = [];
  while (select.step()) out.push(JSON.parse(select.get()[0] as string) as Doc);
  select.reset();
  return out;
};

const same =
  JSON.stringify((await ours()).map((d) => d.id)) === JSON.stringify(handWritten().map((d) => d.id));
if (!same) throw new Error('the adapter and the hand-written query disagree');
const [findOurs, findRaw] = await interleaved(ours, handWritten, 100, 10);
await storage.close();

report([
  compared('storage.find', findOurs, findRaw, 'hand-written SQL (sql.js)', 1.5),
  compared('storage.insert', insertOurs, insertRaw, 'raw prepared INSERTs (sql.js)', 2),
]);
