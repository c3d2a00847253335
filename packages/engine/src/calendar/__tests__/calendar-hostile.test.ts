import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpStore, type TestShop, testShop } from '../../domain/__tests__/test-engine.js';
import type { AnyOperation } from '../../domain/command.js';
import { CommandRunner } from '../../domain/command-runner.js';
import type { Principal } from '../../domain/principal.js';
import { EngineError, type EngineErrorCode } from '../../kernel/engine-error.js';

const USEFUL: readonly EngineErrorCode[] = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION',
  'INVALID_TRANSITION',
];

/** Times a calendar must refuse or read correctly: impossible dates, far years, bad offsets, DST gaps. */
const hostileTime = fc.oneof(
  fc.constantFrom(
    '2026-02-30T09:00',
    '2026-03-29T02:30',
    '2026-03-30T25:00',
    '9999-12-31T23:59:59Z',
    '1999-12-31T23:00:00Z',
    '2026-03-30T09:00:00+99:00',
    '2026-03-30',
    'now',
    '',
  ),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
);

/** Rules a calendar must refuse or expand cheaply. */
const hostileRule = fc.oneof(
  fc.constantFrom(
    'FREQ=DAILY;COUNT=999999',
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=SECONDLY',
    'FREQ=DAILY;INTERVAL=0',
    'FREQ=WEEKLY;UNTIL=19700101T000000Z',
    'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY',
    'FREQ=MONTHLY;BYDAY=5MO',
    `FREQ=WEEKLY;BYDAY=${'MO,'.repeat(150)}MO`,
  ),
  fc.string({ maxLength: 60 }),
);

const hostileText = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE calendarEvents; --",
    '<script>alert(1)</script>',
    '\u0000',
    '\uD800',
    '__proto__',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 10_001, max: 30_000 }).map((n) => 'x'.repeat(n)),
);

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { minLength: 1, maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

interface Case {
  operation: AnyOperation;
  base: Record<string, unknown>;
  ids: string[];
}

let t: TestShop;
let cases: Case[];
let foreignIds: string[];
const admin: Principal = { userId: 'admin-hostile', role: 'admin' };

beforeAll(async () => {
  t = await testShop();
  const s = t.supervisor;
  const client = await s.clients.create({ name: 'Léa Martin' });
  const task = await s.tasks.create({ clientId: client.id, service: 'ppf', title: 'Full front' });
  const booking = { kind: 'appointment' as const, title: 'Drop-off', technicianId: 'tech-1', bayId: 'bay-1' };
  const event = await s.calendar.create({ ...booking, start: '2026-03-03T09:00', end: '2026-03-03T10:00' });
  const other = await s.calendar.create({ ...booking, start: '2026-03-04T09:00', end: '2026-03-04T10:00' });
  foreignIds = [client.id, task.id, other.id, 'settings', '00000000-0000-7000-8000-000000000000'];
  const op = (name: string): AnyOperation => {
    const found = t.engine.operations().find((o) => o.name === name);
    if (!found) throw new Error(`no operation ${name}`);
    return found;
  };
  const slot = { start: '2026-03-05T09:00', end: '2026-03-05T10:00' };
  cases = [
    {
      operation: op('calendar.create'),
      base: { ...booking, ...slot, recurrence: 'FREQ=WEEKLY;COUNT=3' },
      ids: ['taskId'],
    },
    { operation: op('calendar.reschedule'), base: { id: event.id, rev: event.rev, ...slot }, ids: ['id'] },
    {
      operation: op('calendar.update'),
      base: { id: event.id, title: 'Renamed', taskId: task.id },
      ids: ['id', 'taskId'],
    },
    { operation: op('calendar.cancel'), base: { id: event.id, reason: 'Postponed' }, ids: ['id'] },
    { operation: op('calendar.delete'), base: { id: event.id, rev: event.rev }, ids: ['id'] },
    {
      operation: op('calendar.scheduleTask'),
      base: { taskId: task.id, technicianId: 'tech-2', start: '2026-03-06T09:00', end: '2026-03-06T12:00' },
      ids: ['taskId'],
    },
  ];
});

afterAll(async () => {
  await t.engine.close();
});

function hostile(c: Case): fc.Arbitrary<unknown> {
  const fields = Object.keys(c.base);
  const field = fc.constantFrom(...fields, 'rev', 'id');
  const set = (key: string, value: unknown) => ({ ...c.base, [key]: value });
  const timeFields = fields.filter((f) => f === 'start' || f === 'end');
  const variants: fc.Arbitrary<unknown>[] = [
    fc.tuple(field, wrongType).map(([k, v]) => set(k, v)),
    fc.tuple(field, hostileText).map(([k, v]) => set(k, v)),
    hostileRule.map((rule) => set('recurrence', rule)),
    fc.constantFrom('__proto__', 'constructor', 'deletedAt', 'seriesEnd', 'status').map((k) => set(k, 'x')),
    fc
      .oneof(fc.integer({ min: 1000, max: 1_000_000 }), fc.constantFrom(-1, 0.5, '1'))
      .map((rev) => set('rev', rev)),
    fc.tuple(fc.constantFrom(...c.ids), fc.constantFrom(...foreignIds)).map(([k, id]) => set(k, id)),
    fc.anything(),
  ];
  if (timeFields.length > 0)
    variants.push(fc.tuple(fc.constantFrom(...timeFields), hostileTime).map(([k, v]) => set(k, v)));
  return fc.oneof(...variants);
}

describe('hostile input to every calendar command', () => {
  it('is refused with a useful EngineError and leaves the store unchanged, or accepted as ordinary data', async () => {
    const runner = t.engine.container.get(CommandRunner);
    const refused: Record<string, number> = {};
    let before = await dumpStore(t.engine);
    for (const c of cases) {
      refused[c.operation.name] = 0;
      await fc.assert(
        fc.asyncProperty(hostile(c), async (input) => {
          const outcome = await runner.execute(admin, c.operation, input).then(
            () => null,
            (error: unknown) => error,
          );
          if (outcome === null) {
            before = await dumpStore(t.engine);
            return;
          }
          refused[c.operation.name]!++;
          expect(outcome).toBeInstanceOf(EngineError);
          expect(USEFUL).toContain((outcome as EngineError).code);
          expect(await dumpStore(t.engine)).toEqual(before);
        }),
        { numRuns: 200 },
      );
    }
    for (const [name, count] of Object.entries(refused)) expect(count, name).toBeGreaterThanOrEqual(120);
  }, 300_000);
});
