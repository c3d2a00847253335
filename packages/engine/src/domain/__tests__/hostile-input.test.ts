import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError, type EngineErrorCode } from '../../kernel/engine-error.js';
import type { AnyOperation } from '../command.js';
import { CommandRunner } from '../command-runner.js';
import type { Principal } from '../principal.js';
import { dumpStore, type TestShop, testShop } from './test-engine.js';

/** Codes that tell the caller what was wrong with their request (never INTERNAL or STORAGE). */
const USEFUL: readonly EngineErrorCode[] = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION',
  'INVALID_TRANSITION',
];

const hostileString = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE clients; --",
    '" OR 1=1 --',
    'x\') UNION SELECT * FROM "doc:auditEvents" --',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '\u0000',
    '\uD800',
    '\u202Eevil',
    'a\u200Bb',
    '🚗💥'.repeat(50),
    'Ŀéå Ḿàřťîñ',
    '__proto__',
    'constructor',
    '   ',
    '',
    '*',
    'NEAR/3',
    '"unterminated',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 10_001, max: 40_000 }).map((n) => '<b>'.repeat(Math.ceil(n / 3))),
);

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { minLength: 1, maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
  fc.bigInt().map((b) => b),
);

interface Case {
  operation: AnyOperation;
  base: Record<string, unknown>;
  /** Fields that hold ids of documents. */
  ids: string[];
  /** How many of the 200 inputs at least must be refused (the rest being ordinary data). */
  minRefused?: number;
}

let t: TestShop;
let cases: Case[];
let foreignIds: string[];
const admin: Principal = { userId: 'admin-hostile', role: 'admin' };

beforeAll(async () => {
  t = await testShop();
  const s = t.supervisor;
  const lea = await s.clients.create({ name: 'Léa Martin', phone: '+33 6 12 34 56 78' });
  const marc = await s.clients.create({ name: 'Marc Dupont' });
  const gone = await s.clients.create({ name: 'Gone' });
  await s.clients.delete({ id: gone.id });
  const carA = await s.vehicles.create({
    clientId: lea.id,
    make: 'Porsche',
    model: '911',
    plate: 'AB-123-CD',
  });
  const carB = await s.vehicles.create({ clientId: marc.id, make: 'BMW', model: 'M3' });
  const task = await s.tasks.create({
    clientId: lea.id,
    vehicleId: carA.id,
    service: 'ppf',
    title: 'Full front',
    technicianId: 'tech-1',
    scheduledStart: '2026-03-03T08:00:00Z',
  });
  const outbox = await t.admin.outbox.pending({ limit: 2 });
  foreignIds = [
    lea.id,
    marc.id,
    gone.id,
    carA.id,
    carB.id,
    task.id,
    'settings',
    '00000000-0000-7000-8000-000000000000',
  ];
  const ops = Object.fromEntries(t.engine.operations().map((op) => [op.name, op]));
  const op = (name: string): AnyOperation => {
    const found = ops[name];
    if (!found) throw new Error(`no operation ${name}`);
    return found;
  };
  cases = [
    { operation: op('clients.create'), base: { name: 'New', email: 'new@example.fr' }, ids: [] },
    { operation: op('clients.update'), base: { id: lea.id, rev: 1, notes: 'n' }, ids: ['id'] },
    { operation: op('clients.delete'), base: { id: marc.id }, ids: ['id'] },
    {
      operation: op('vehicles.create'),
      base: { clientId: lea.id, make: 'Audi', model: 'RS6' },
      ids: ['clientId'],
    },
    {
      operation: op('vehicles.update'),
      base: { id: carA.id, rev: carA.rev, colour: 'Red' },
      ids: ['id', 'clientId'],
    },
    { operation: op('vehicles.delete'), base: { id: carA.id }, ids: ['id'] },
    {
      operation: op('tasks.create'),
      base: { clientId: lea.id, vehicleId: carA.id, service: 'ppf', title: 'Hood' },
      ids: ['clientId', 'vehicleId'],
    },
    {
      operation: op('tasks.update'),
      base: { id: task.id, rev: task.rev, notes: 'x' },
      ids: ['id', 'vehicleId'],
    },
    {
      operation: op('tasks.changeStatus'),
      base: { id: task.id, rev: task.rev, to: 'in_progress' },
      ids: ['id'],
    },
    {
      operation: op('tasks.delay'),
      base: { id: task.id, rev: task.rev, reason: 'Parts', scheduledStart: '2026-03-09T08:00:00Z' },
      ids: ['id'],
    },
    { operation: op('tasks.delete'), base: { id: task.id, rev: task.rev }, ids: ['id'] },
    { operation: op('trash.restore'), base: { collection: 'clients', id: gone.id }, ids: ['id'] },
    { operation: op('trash.purge'), base: { collection: 'clients', id: gone.id }, ids: ['id'] },
    { operation: op('settings.update'), base: { rev: 0, currency: 'EUR' }, ids: [] },
    // acknowledging unknown or already acknowledged ids is an accepted no-op, so fewer refusals
    { operation: op('outbox.ack'), base: { ids: outbox.items.map((r) => r.id) }, ids: [], minRefused: 50 },
  ];
});

afterAll(async () => {
  await t.engine.close();
});

/** A hostile variation of a valid input: one field of the wrong type, too long, hostile, an extra key, another entity's id, a stale rev, or nothing like an input at all. */
function hostile(c: Case): fc.Arbitrary<unknown> {
  const fields = Object.keys(c.base);
  const field = fc.constantFrom(...fields, 'rev', 'id');
  const set = (key: string, value: unknown) => ({ ...c.base, [key]: value });
  const variants: fc.Arbitrary<unknown>[] = [
    fc.tuple(field, wrongType).map(([k, v]) => set(k, v)),
    fc.tuple(field, hostileString).map(([k, v]) => set(k, v)),
    fc
      .constantFrom('__proto__', 'constructor', 'deletedAt', 'createdBy', 'stats', 'number', 'rev2')
      .filter((k) => !fields.includes(k))
      .map((k) => JSON.parse(JSON.stringify({ ...c.base }).replace(/^\{/, `{"${k}":1,`))),
    fc
      .oneof(fc.integer({ min: 1000, max: 1_000_000 }), fc.constantFrom(-1, 0.5, '1'))
      .map((rev) => set('rev', rev)),
    fc.anything(),
  ];
  if (c.ids.length > 0) {
    variants.push(
      fc
        .tuple(fc.constantFrom(...c.ids), fc.constantFrom(...foreignIds))
        .filter(([k, id]) => c.base[k] !== id)
        .map(([k, id]) => set(k, id)),
    );
  }
  return fc.oneof(...variants);
}

describe('hostile input to every domain command', () => {
  it('is refused with a useful EngineError and leaves the store unchanged, or accepted as ordinary data', async () => {
    const runner = t.engine.container.get(CommandRunner);
    const report: Record<string, { refused: number; accepted: number; min: number }> = {};
    // the dump before a run is the dump after the previous refused one (checked equal), so only
    // an accepted input costs a new dump
    let before = await dumpStore(t.engine);
    for (const c of cases) {
      const counts = { refused: 0, accepted: 0, min: c.minRefused ?? 150 };
      report[c.operation.name] = counts;
      await fc.assert(
        fc.asyncProperty(hostile(c), async (input) => {
          const outcome = await runner.execute(admin, c.operation, input).then(
            () => null,
            (error: unknown) => error,
          );
          if (outcome === null) {
            counts.accepted++;
            before = await dumpStore(t.engine);
            return;
          }
          counts.refused++;
          expect(outcome).toBeInstanceOf(EngineError);
          expect(USEFUL).toContain((outcome as EngineError).code);
          expect((outcome as EngineError).message.length).toBeGreaterThan(10);
          expect(await dumpStore(t.engine)).toEqual(before);
        }),
        { numRuns: 200 },
      );
    }
    for (const [name, counts] of Object.entries(report)) {
      expect(counts.refused + counts.accepted, name).toBe(200);
      expect(counts.refused, `${name} refused only ${counts.refused} of 200`).toBeGreaterThanOrEqual(
        counts.min,
      );
    }
  }, 300_000);
});
