/**
 * The domain's command path and queries against the raw sql.js adapter and hand-written SQL.
 *
 * - tasks.create: `shop.tasks.create` (policy, zod parse, numbering counter, client and vehicle
 *   checks, task + audit + outbox rows, client stats, event) vs one `tx.insert` of the same task
 *   document per write transaction on an adapter opened with the same schema. Both journal to
 *   memoryPersistence, as a durable store would. Each pair below is measured alternately.
 * - tasks.page: 100k tasks (seeded straight through the adapter); status ∈ {scheduled,
 *   in_progress} + technician + a 3-month scheduled-start range, sorted by start, 50 per page,
 *   through `shop.tasks.page` vs one prepared SELECT on a copy of the same database (the
 *   adapter's exported snapshot: same tables and indexes), both returning parsed documents.
 * - clients.search: 50k clients, `shop.clients.search` with 3-letter prefixes, latency
 *   percentiles over every prefix.
 */
import { memoryPersistence, sqljsStorage } from '@rpma/storage-sqljs';
import initSqlJs from 'sql.js';
import { absolute, compared, measurePair, percentile, report } from '../../../bench/lib.js';
import { type Client, clientSearchText } from '../src/clients/client-model.js';
import type { CollectionSchema, Doc, NewDoc } from '../src/index.js';
import { createEngine, FakeClock, TOKENS, uuidv7Generator } from '../src/index.js';
import type { Task } from '../src/tasks/task-model.js';

const clock = new FakeClock('2026-03-02T09:00:00Z');

const principal = { userId: 'bench-supervisor', role: 'supervisor' as const };

// ---------- tasks.create ----------
const BATCH = 100;
const engine = await createEngine({ storage: sqljsStorage({ persistence: memoryPersistence() }), clock });
const shop = engine.as(principal);
const client = await shop.clients.create({ name: 'Léa Martin', phone: '+33 6 12 34 56 78' });
const car = await shop.vehicles.create({
  clientId: client.id,
  make: 'Porsche',
  model: '911',
  plate: 'AB-123-CD',
});
const createInput = {
  clientId: client.id,
  vehicleId: car.id,
  service: 'ppf',
  title: 'Full front PPF',
  coverage: ['hood', 'front_bumper', 'fenders'],
  technicianId: 'tech-1',
  scheduledStart: '2026-03-03T08:00:00Z',
  estimate: { minutes: 480, amount: 1800 },
};
const template = await shop.tasks.create(createInput);
const createOurs = async () => {
  for (let i = 0; i < BATCH; i++) await shop.tasks.create(createInput);
};

const schema = engine.container.getAll<CollectionSchema>(TOKENS.Collections);
const raw = sqljsStorage({ persistence: memoryPersistence() });
await raw.open({ collections: schema });
const rawIds = uuidv7Generator(clock);
const { rev: _rev, overdue: _overdue, ...taskFields } = template;
const createRaw = async () => {
  for (let i = 0; i < BATCH; i++) {
    await raw.write((tx) => tx.insert('tasks', { ...taskFields, id: rawIds.next(), number: rawIds.next() }));
  }
};
const [createBatch, rawBatch] = await measurePair(createOurs, createRaw, { runs: 9, warmup: 2 });
const createMs = createBatch / BATCH;
const rawMs = rawBatch / BATCH;
await raw.close();
await engine.close();

// ---------- tasks.page ----------
const TASKS = 100_000;
const statuses = [
  'draft',
  'scheduled',
  'in_progress',
  'on_hold',
  'completed',
  'cancelled',
  'archived',
] as const;
const persistence = memoryPersistence({ compactAfter: 1 });
const seeding = await createEngine({ storage: sqljsStorage({ persistence }), clock });
const base = Date.UTC(2026, 0, 1);
await seeding.storage.write(async (tx) => {
  const at = new Date(clock.now()).toISOString();
  for (let i = 0; i < TASKS; i++) {
    const start = new Date(base + ((i * 7919) % TASKS) * 5 * 60_000).toISOString();
    const status = statuses[i % statuses.length] ?? 'draft';
    const doc: NewDoc<Task> = {
      ...taskFields,
      id: `t${String(i).padStart(6, '0')}`,
      createdAt: at,
      updatedAt: at,
      number: `T-2026-${String(i).padStart(6, '0')}`,
      status,
      technicianId: `tech-${i % 20}`,
      scheduledStart: start,
      clientId: `c${i % 5000}`,
      statusHistory: [],
    };
    await tx.insert('tasks', doc);
  }
});
await seeding.close();
const snapshot = persistence.state.snapshot;
if (snapshot === null) throw new Error('the adapter did not compact: no snapshot to share');

const reading = await createEngine({ storage: sqljsStorage({ persistence }), clock });
const board = reading.as(principal);
const pageQuery = {
  status: ['scheduled' as const, 'in_progress' as const],
  technicianId: 'tech-3',
  from: '2026-03-01T00:00:00Z',
  to: '2026-06-01T00:00:00Z',
  limit: 50,
};
const pageOurs = async (): Promise<Doc[]> => (await board.tasks.page(pageQuery)).items;

const SQL = await initSqlJs();
const db = new SQL.Database(snapshot);
const select = db.prepare(
  'SELECT doc FROM "doc:tasks" WHERE deleted_at IS NULL AND "f.status" IN (?, ?) AND "f.technicianId" = ? ' +
    'AND "f.scheduledStart" >= ? AND "f.scheduledStart" < ? ORDER BY "f.scheduledStart" ASC, id ASC LIMIT 50',
);
const pageRaw = (): Doc[] => {
  select.bind(['scheduled', 'in_progress', 'tech-3', '2026-03-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z']);
  const out: Doc[] = [];
  while (select.step()) out.push(JSON.parse(select.get()[0] as string) as Doc);
  select.reset();
  return out;
};
const oursIds = (await pageOurs()).map((d) => d.id);
if (oursIds.length !== 50 || JSON.stringify(oursIds) !== JSON.stringify(pageRaw().map((d) => d.id))) {
  throw new Error('tasks.page and the hand-written query disagree');
}
const [pageMs, pageRawMs] = await measurePair(pageOurs, pageRaw, { runs: 60, warmup: 10 });
select.free();
db.close();
await reading.close();

// ---------- clients.search ----------
const CLIENTS = 50_000;
const first = [
  'Léa',
  'Marc',
  'Julien',
  'Camille',
  'Hugo',
  'Chloé',
  'Louis',
  'Emma',
  'Nathan',
  'Inès',
  'Mathis',
  'Zoé',
];
const last = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
];
const searching = await createEngine({ storage: sqljsStorage(), clock });
await searching.storage.write(async (tx) => {
  const at = new Date(clock.now()).toISOString();
  for (let i = 0; i < CLIENTS; i++) {
    const name = `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]} ${i}`;
    const fields = {
      name,
      contactName: null,
      email: `client${i}@example.fr`,
      phone: `+33 6 ${String(i)
        .padStart(8, '0')
        .replace(/(\d\d)(?=\d)/g, '$1 ')}`,
      taxId: null,
      tags: [],
      plates: [`AB-${i % 1000}-CD`],
    };
    const doc: NewDoc<Client> = {
      ...fields,
      id: `c${String(i).padStart(6, '0')}`,
      createdAt: at,
      updatedAt: at,
      kind: 'individual',
      address: null,
      notes: '',
      stats: { tasks: 0, completed: 0, totalBilled: 0, lastVisitAt: null },
      searchText: clientSearchText(fields),
    };
    await tx.insert('clients', doc);
  }
});
const counter = searching.as(principal);
const prefixes = [...new Set([...first, ...last].map((w) => w.slice(0, 3).toLowerCase()))];
for (const text of prefixes) await counter.clients.search({ text });
const timings: number[] = [];
for (let round = 0; round < 10; round++) {
  for (const text of prefixes) {
    const start = performance.now();
    await counter.clients.search({ text });
    timings.push(performance.now() - start);
  }
}
await searching.close();

report([
  compared('tasks.create', createMs, rawMs, 'raw adapter insert (sql.js)', 3),
  compared('tasks.page', pageMs, pageRawMs, 'hand-written SQL (sql.js)', 1.5),
  absolute('clients.search.p50', percentile(timings, 50), 5, 'ms'),
  absolute('clients.search.p95', percentile(timings, 95), null, 'ms'),
]);
