import fc from 'fast-check';
import * as rruleModule from 'rrule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../../testing/refusal.js';
import { expandSeries, type Interval } from '../recurrence.js';
import { fromFloating, toFloating } from '../time-zone.js';
import { allDocs, calendarEngine, calendarEngineEachTest } from './calendar-engine.js';

const rrule: typeof rruleModule = (rruleModule as { default?: typeof rruleModule }).default ?? rruleModule;

const PARIS = 'Europe/Paris';
const DAY = 86_400_000;

/** Weekly Monday 09:00–11:00 Paris bay booking, four weeks across the March DST change. */
const weekly = {
  kind: 'bay_booking' as const,
  title: 'Weekly detailing slot',
  start: '2026-03-23T09:00',
  end: '2026-03-23T11:00',
  technicianId: 'tech-1',
  bayId: 'bay-1',
  recurrence: 'FREQ=WEEKLY;COUNT=4',
};
const april = { from: '2026-03-01T00:00', to: '2026-05-01T00:00' };

describe('calendar.cancelOccurrence (EXDATE)', () => {
  const setup = calendarEngineEachTest();

  it('cancels one occurrence: list skips it, its slot is free, the rest of the series stays booked', async () => {
    const { boss, engine } = await setup();
    const changes: string[] = [];
    engine.events.on('calendar.changed', (e) => changes.push(e.change));
    const series = await boss.calendar.create(weekly);
    // 6 April, after the change to summer time: 09:00 Paris is 07:00Z
    const saved = await boss.calendar.cancelOccurrence({
      id: series.id,
      occurrenceStart: '2026-04-06T09:00',
    });
    expect(saved).toMatchObject({ exdates: ['2026-04-06T07:00:00.000Z'], status: 'booked', rev: 2 });
    const shown = await boss.calendar.list(april);
    expect(shown.map((o) => o.localStart)).toEqual([
      '2026-03-23T09:00',
      '2026-03-30T09:00',
      '2026-04-13T09:00',
    ]);
    expect(shown[0]).toMatchObject({ recurring: true, recurrence: 'FREQ=WEEKLY;COUNT=4', rev: 2 });

    const there = { kind: 'appointment' as const, title: 'Walk-in', technicianId: 'tech-1', bayId: 'bay-1' };
    const free = await boss.calendar.checkConflicts({
      ...there,
      start: '2026-04-06T09:30',
      end: '2026-04-06T10:30',
    });
    expect(free.conflicts).toEqual([]);
    const taken = await boss.calendar.checkConflicts({
      ...there,
      start: '2026-04-13T09:30',
      end: '2026-04-13T10:30',
    });
    expect(taken.conflicts.map((c) => [c.eventId, c.start])).toEqual([
      [series.id, '2026-04-13T07:00:00.000Z'],
      [series.id, '2026-04-13T07:00:00.000Z'],
    ]);
    await boss.calendar.create({ ...there, start: '2026-04-06T09:30', end: '2026-04-06T10:30' });

    const audit = await boss.audit.query({ entity: 'calendarEvents', entityId: series.id });
    expect(audit.items[0]).toMatchObject({
      command: 'calendar.cancelOccurrence',
      operation: 'update',
      diff: { exdates: { before: [], after: ['2026-04-06T07:00:00.000Z'] } },
    });
    expect(changes).toEqual(['created', 'occurrence_cancelled', 'created']);
  });

  it('takes the occurrence as an instant too, and refuses what is not a cancellable occurrence', async () => {
    const { boss, engine } = await setup();
    const series = await boss.calendar.create(weekly);
    const single = await boss.calendar.create({
      ...weekly,
      recurrence: null,
      start: '2026-03-24T09:00',
      end: '2026-03-24T10:00',
    });
    await boss.calendar.cancelOccurrence({ id: series.id, occurrenceStart: '2026-03-30T07:00:00Z' });
    const before = await allDocs(engine, 'calendarEvents');

    const again = await refusal(
      boss.calendar.cancelOccurrence({ id: series.id, occurrenceStart: '2026-03-30T09:00+02:00' }),
    );
    expect(again.code).toBe('PRECONDITION');
    expect(again.message).toContain('already cancelled');
    const notOne = await refusal(
      boss.calendar.cancelOccurrence({ id: series.id, occurrenceStart: '2026-03-31T09:00' }),
    );
    expect(notOne.code).toBe('NOT_FOUND');
    const pastEnd = await refusal(
      boss.calendar.cancelOccurrence({ id: series.id, occurrenceStart: '2026-04-20T09:00' }),
    );
    expect(pastEnd.code).toBe('NOT_FOUND');
    const once = await refusal(
      boss.calendar.cancelOccurrence({ id: single.id, occurrenceStart: '2026-03-24T09:00' }),
    );
    expect(once.code).toBe('PRECONDITION');
    expect(once.message).toContain('calendar.cancel');
    const garbage = await refusal(
      boss.calendar.cancelOccurrence({ id: series.id, occurrenceStart: 'next monday!' }),
    );
    expect(garbage.code).toBe('VALIDATION');
    const stale = await refusal(
      boss.calendar.cancelOccurrence({ id: series.id, rev: 1, occurrenceStart: '2026-04-06T09:00' }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await allDocs(engine, 'calendarEvents')).toEqual(before);

    await boss.calendar.cancel({ id: series.id });
    const cancelled = await refusal(
      boss.calendar.cancelOccurrence({ id: series.id, occurrenceStart: '2026-04-06T09:00' }),
    );
    expect(cancelled.code).toBe('PRECONDITION');
  });

  it('lets a technician cancel an occurrence of their own event only, and viewers none', async () => {
    const { boss, tech, as } = await setup();
    const mine = await boss.calendar.create(weekly);
    const theirs = await boss.calendar.create({ ...weekly, technicianId: 'tech-2', bayId: 'bay-2' });
    await tech.calendar.cancelOccurrence({ id: mine.id, occurrenceStart: '2026-03-30T09:00' });
    const other = await refusal(
      tech.calendar.cancelOccurrence({ id: theirs.id, occurrenceStart: '2026-03-30T09:00' }),
    );
    expect(other.code).toBe('FORBIDDEN');
    const viewer = await refusal(
      as('viewer').calendar.cancelOccurrence({ id: mine.id, occurrenceStart: '2026-04-06T09:00' }),
    );
    expect(viewer.code).toBe('FORBIDDEN');
  });

  it('moves cancelled occurrences with the series when it is rescheduled, and drops them when it stops recurring', async () => {
    const { boss } = await setup();
    const series = await boss.calendar.create(weekly);
    await boss.calendar.cancelOccurrence({ id: series.id, occurrenceStart: '2026-03-30T09:00' });
    // one day and one hour later, on the Paris clock
    const moved = await boss.calendar.reschedule({
      id: series.id,
      start: '2026-03-24T10:00',
      end: '2026-03-24T12:00',
    });
    expect(moved.exdates).toEqual(['2026-03-31T08:00:00.000Z']);
    const shown = await boss.calendar.list(april);
    expect(shown.map((o) => o.localStart)).toEqual([
      '2026-03-24T10:00',
      '2026-04-07T10:00',
      '2026-04-14T10:00',
    ]);
    const single = await boss.calendar.reschedule({ id: series.id, recurrence: null });
    expect(single.exdates).toEqual([]);
  });

  it('checkConflicts with eventId checks a move as reschedule does: the event does not clash with itself', async () => {
    const { boss } = await setup();
    const series = await boss.calendar.create(weekly);
    await boss.calendar.cancelOccurrence({ id: series.id, occurrenceStart: '2026-03-30T09:00' });
    const blocker = await boss.calendar.create({
      kind: 'appointment',
      title: 'Blocker',
      start: '2026-03-31T10:30',
      end: '2026-03-31T11:30',
      technicianId: 'tech-1',
    });
    const move = { ...weekly, start: '2026-03-24T10:00', end: '2026-03-24T12:00' };
    // moved to Tuesdays 10:00, the series meets the blocker only on 31 March — the occurrence that
    // moves from the cancelled 30 March, so stays cancelled: no clash for the move, one for a new series
    const asMove = await boss.calendar.checkConflicts({ ...move, eventId: series.id });
    expect(asMove.conflicts).toEqual([]);
    const asNew = await boss.calendar.checkConflicts(move);
    expect(asNew.conflicts.map((c) => c.eventId)).toContain(blocker.id);
    const overlapSelf = { ...weekly, start: '2026-03-23T10:00', end: '2026-03-23T12:00' };
    expect((await boss.calendar.checkConflicts({ ...overlapSelf, eventId: series.id })).conflicts).toEqual(
      [],
    );
    expect((await boss.calendar.checkConflicts(overlapSelf)).conflicts.map((c) => c.eventId)).toContain(
      series.id,
    );
    await boss.calendar.reschedule({ id: series.id, start: move.start, end: move.end });
    await boss.calendar.cancel({ id: blocker.id });
    const missing = await refusal(boss.calendar.checkConflicts({ ...move, eventId: 'no-such-event' }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('cancelled occurrences against a brute-force expansion', () => {
  let world: Awaited<ReturnType<typeof calendarEngine>>;
  beforeAll(async () => {
    world = await calendarEngine();
  });
  afterAll(async () => {
    await world.engine.close();
  });

  const BASE = Date.parse('2026-03-23T00:00:00Z');
  const RULES = [
    'FREQ=DAILY;COUNT=10',
    'FREQ=WEEKLY',
    'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8',
    'FREQ=DAILY;INTERVAL=2',
  ];
  const VIEW = { start: BASE, end: BASE + 28 * DAY };

  /** The reference: rrule's own RRuleSet with EXDATEs, in floating time, mapped back through the zone. */
  function reference(start: number, end: number, rule: string, exdates: number[]): Interval[] {
    const set = new rrule.RRuleSet();
    const options = rrule.RRule.parseString(rule);
    set.rrule(new rrule.RRule({ ...options, dtstart: new Date(toFloating(start, PARIS)) }));
    for (const ex of exdates) set.exdate(new Date(toFloating(ex, PARIS)));
    const length = toFloating(end, PARIS) - toFloating(start, PARIS);
    return set
      .between(
        new Date(toFloating(VIEW.start, PARIS) - 2 * DAY),
        new Date(toFloating(VIEW.end, PARIS) + DAY),
        true,
      )
      .map((d) => ({
        start: fromFloating(d.getTime(), PARIS),
        end: fromFloating(d.getTime() + length, PARIS),
      }))
      .filter((o) => o.start < VIEW.end && o.end > VIEW.start);
  }

  const series = fc.record({
    day: fc.integer({ min: 0, max: 6 }),
    quarter: fc.integer({ min: 32, max: 60 }),
    quarters: fc.integer({ min: 2, max: 12 }),
    rule: fc.constantFrom(...RULES),
    technician: fc.constantFrom('a', 'b'),
    /** Which of the first 12 occurrences to cancel. */
    cancel: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 5 }),
  });
  type SeriesCase = typeof series extends fc.Arbitrary<infer S> ? S : never;

  it('calendar.list and calendar.checkConflicts agree with RRuleSet + EXDATE and a brute-force overlap check', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(series, { minLength: 1, maxLength: 4 }),
        fc.record({ day: fc.integer({ min: 0, max: 27 }), quarter: fc.integer({ min: 32, max: 64 }) }),
        async (cases: SeriesCase[], probe) => {
          run++;
          const stored: {
            id: string;
            start: number;
            end: number;
            rule: string;
            tech: string;
            ex: number[];
          }[] = [];
          for (const c of cases) {
            const start = BASE + c.day * DAY + c.quarter * 900_000;
            const end = start + c.quarters * 900_000;
            const tech = `${run}-${c.technician}`;
            const event = await world.boss.calendar.create({
              kind: 'appointment',
              title: 'series',
              start: new Date(start).toISOString(),
              end: new Date(end).toISOString(),
              technicianId: tech,
              recurrence: c.rule,
              override: true,
            });
            const all = await expandSeries(event, { start, end: start + 40 * DAY }, PARIS);
            const ex: number[] = [];
            for (const index of c.cancel) {
              const target = all[index];
              if (!target) continue;
              await world.boss.calendar.cancelOccurrence({
                id: event.id,
                occurrenceStart: new Date(target.start).toISOString(),
              });
              ex.push(target.start);
            }
            stored.push({ id: event.id, start, end, rule: c.rule, tech, ex });
          }

          const listed = await world.boss.calendar.list({
            from: new Date(VIEW.start).toISOString(),
            to: new Date(VIEW.end).toISOString(),
            technicianId: `${run}-a`,
          });
          const expected = stored
            .filter((s) => s.tech === `${run}-a`)
            .flatMap((s) =>
              reference(s.start, s.end, s.rule, s.ex).map((o) => `${s.id}@${o.start}-${o.end}`),
            );
          const got = listed.map((o) => `${o.eventId}@${Date.parse(o.start)}-${Date.parse(o.end)}`);
          expect(got.sort()).toEqual(expected.sort());

          const probeStart = BASE + probe.day * DAY + probe.quarter * 900_000;
          const probeEnd = probeStart + 3_600_000;
          const report = await world.boss.calendar.checkConflicts({
            kind: 'time_off',
            title: 'probe',
            start: new Date(probeStart).toISOString(),
            end: new Date(probeEnd).toISOString(),
            technicianId: `${run}-a`,
          });
          const clashes = stored
            .filter((s) => s.tech === `${run}-a`)
            .filter((s) =>
              reference(s.start, s.end, s.rule, s.ex).some(
                (o) => Math.max(o.start, probeStart) < Math.min(o.end, probeEnd),
              ),
            )
            .map((s) => s.id);
          expect(new Set(report.conflicts.map((c) => c.eventId))).toEqual(new Set(clashes));
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);
});
