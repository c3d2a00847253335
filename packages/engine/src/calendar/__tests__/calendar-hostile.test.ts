import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  expectHostileInputHandled,
  type HostileCase,
  type HostileValues,
  hostileInput,
} from '../../domain/__tests__/hostile-kit.js';
import { type TestShop, testShop } from '../../domain/__tests__/test-engine.js';
import type { AnyOperation } from '../../domain/command.js';
import type { Principal } from '../../domain/principal.js';

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

let t: TestShop;
let cases: HostileCase[];
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

/** Calendar variants beside the kit's: hostile recurrence rules, and hostile times in `start` and `end`. */
function calendarVariants(c: HostileCase): fc.Arbitrary<unknown>[] {
  const set = (key: string, value: unknown) => ({ ...c.base, [key]: value });
  const timeFields = Object.keys(c.base).filter((f) => f === 'start' || f === 'end');
  const variants = [hostileRule.map((rule) => set('recurrence', rule))];
  if (timeFields.length > 0)
    variants.push(fc.tuple(fc.constantFrom(...timeFields), hostileTime).map(([k, v]) => set(k, v)));
  return variants;
}

describe('hostile input to every calendar command', () => {
  it('is refused with a useful EngineError and leaves the store unchanged, or accepted as ordinary data', async () => {
    const values: HostileValues = {
      text: hostileText,
      foreignIds,
      extraKeys: ['deletedAt', 'seriesEnd', 'status'],
      more: calendarVariants,
    };
    await expectHostileInputHandled(t.engine, admin, cases, (c) => hostileInput(c, values), {
      minRefused: 120,
    });
  }, 300_000);
});
