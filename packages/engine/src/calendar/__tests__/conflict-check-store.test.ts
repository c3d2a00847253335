import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/create-engine.js';
import { expandSeries } from '../recurrence.js';
import { calendarEngine } from './calendar-engine.js';

let world: Awaited<ReturnType<typeof calendarEngine>>;
beforeAll(async () => {
  world = await calendarEngine();
});
afterAll(async () => {
  await (world.engine as Engine).close();
});

const PARIS = 'Europe/Paris';
const DAY = 86_400_000;
const BASE = Date.parse('2026-03-28T00:00:00Z');
const RULES = [
  null,
  'FREQ=DAILY;COUNT=4',
  'FREQ=WEEKLY',
  'FREQ=WEEKLY;BYDAY=MO,FR;COUNT=6',
  'FREQ=MONTHLY;COUNT=2',
];

/** A booking on the three days around the March DST change (Sat–Mon), at quarter-hour steps: dense enough to clash often. */
const booking = fc.record({
  day: fc.integer({ min: 0, max: 2 }),
  quarter: fc.integer({ min: 28, max: 64 }),
  quarters: fc.integer({ min: 2, max: 24 }),
  technician: fc.constantFrom('a', 'b', null),
  bay: fc.constantFrom('1', '2', null),
  rule: fc.constantFrom(...RULES),
  timeOff: fc.boolean(),
});

type Booking = typeof booking extends fc.Arbitrary<infer B> ? B : never;

function times(b: Booking) {
  const start = BASE + b.day * DAY + b.quarter * 900_000;
  return { start: new Date(start).toISOString(), end: new Date(start + b.quarters * 900_000).toISOString() };
}

describe('the stored conflict check', () => {
  it('names exactly the events a brute-force check over every expanded occurrence finds', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(booking, { minLength: 1, maxLength: 6 }),
        booking,
        async (existing, wanted) => {
          run++;
          const holder = (b: Booking) => ({
            technicianId:
              b.technician === null && b.bay === null ? `${run}-a` : b.technician && `${run}-${b.technician}`,
            bayId: b.bay && `${run}-${b.bay}`,
          });
          const stored = [];
          for (const b of existing) {
            const kind = b.timeOff ? ('time_off' as const) : ('appointment' as const);
            const input = { kind, title: 'x', ...times(b), ...holder(b), recurrence: b.rule, override: true };
            stored.push(await world.boss.calendar.create(input));
          }
          const candidate = {
            kind: 'appointment' as const,
            title: 'new',
            ...times(wanted),
            ...holder(wanted),
            recurrence: wanted.rule,
          };
          const report = await world.boss.calendar.checkConflicts(candidate);

          // the checker looks at an open-ended series' first 366 days
          const horizon = {
            start: Date.parse(candidate.start),
            end: Date.parse(candidate.start) + 366 * DAY,
          };
          const mine = await expandSeries(candidate, horizon, PARIS);
          const theirs = await Promise.all(stored.map((event) => expandSeries(event, horizon, PARIS)));
          const expected = stored.filter((event, i) => {
            const shares =
              (candidate.technicianId !== null && candidate.technicianId === event.technicianId) ||
              (candidate.bayId !== null && candidate.bayId === event.bayId);
            if (!shares) return false;
            return mine.some((m) =>
              (theirs[i] ?? []).some((o) => Math.max(m.start, o.start) < Math.min(m.end, o.end)),
            );
          });
          expect(new Set(report.conflicts.map((c) => c.eventId))).toEqual(new Set(expected.map((e) => e.id)));
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);
});
