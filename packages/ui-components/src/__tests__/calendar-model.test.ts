import type { Occurrence } from '@rpma/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridHours, layoutLanes, moveTimes, segmentsByDay } from '../elements/calendar-layout.js';
import {
  addDays,
  addMonths,
  agendaLength,
  isoWeekday,
  isPlainDate,
  localWall,
  shownView,
  slotLength,
  stepDate,
  viewDays,
  wallMinutes,
  wallText,
} from '../elements/calendar-model.js';

const occurrence = (id: string, localStart: string, localEnd: string): Occurrence => ({
  eventId: id,
  kind: 'appointment',
  title: id,
  start: `${localStart}:00.000Z`,
  end: `${localEnd}:00.000Z`,
  localStart,
  localEnd,
  timeZone: 'Europe/Paris',
  technicianId: null,
  bayId: null,
  taskId: null,
  recurring: false,
  recurrence: null,
  rev: 1,
  status: 'booked',
});

describe('calendar dates on the shop’s wall clock', () => {
  it('steps days, months and weeks without meeting DST or the browser’s zone', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(wallText(wallMinutes('2026-03-29T01:30') + 60)).toBe('2026-03-29T02:30');
    expect(isPlainDate('2026-02-29')).toBe(false);
    expect(isPlainDate('2028-02-29')).toBe(true);
    expect(isPlainDate('yesterday')).toBe(false);
  });

  it('reads the view, the agenda length and the slot length from attributes, within bounds', () => {
    expect(shownView('month')).toBe('month');
    expect(shownView('year')).toBe('week');
    expect([agendaLength(7.4), agendaLength(0), agendaLength(Number.NaN), agendaLength(1000)]).toEqual([
      7, 14, 14, 366,
    ]);
    expect([slotLength(15), slotLength(2), slotLength(Number.NaN), slotLength(500)]).toEqual([
      15, 5, 30, 120,
    ]);
  });

  it('writes an instant as the wall time of a zone, across a DST change', () => {
    expect(localWall('2026-03-27T08:00:00.000Z', 'Europe/Paris')).toBe('2026-03-27T09:00');
    expect(localWall('2026-03-30T07:00:00.000Z', 'Europe/Paris')).toBe('2026-03-30T09:00');
    expect(localWall('2026-03-30T07:00:00.000Z', 'UTC')).toBe('2026-03-30T07:00');
  });

  it('shows whole Monday-first weeks: a month, a week, a day, an agenda', () => {
    const march = viewDays('month', '2026-03-17', 14);
    expect([march.from, march.to, march.days.length]).toEqual(['2026-02-23', '2026-04-06', 42]);
    const feb = viewDays('month', '2027-02-10', 14); // 1 Feb 2027 is a Monday: four weeks
    expect([feb.from, feb.to]).toEqual(['2027-02-01', '2027-03-01']);
    expect(viewDays('week', '2026-04-05', 14)).toMatchObject({ from: '2026-03-30', to: '2026-04-06' });
    expect(viewDays('day', '2026-04-05', 14).days).toEqual(['2026-04-05']);
    expect(viewDays('agenda', '2026-04-05', 3).days).toEqual(['2026-04-05', '2026-04-06', '2026-04-07']);
    expect(stepDate('month', '2026-03-31', 1, 14)).toBe('2026-04-30');
    expect(stepDate('week', '2026-03-31', -1, 14)).toBe('2026-03-24');
    expect(stepDate('agenda', '2026-03-31', 1, 10)).toBe('2026-04-10');
  });

  it('cuts an overnight booking into one segment per day', () => {
    const night = occurrence('n', '2026-03-30T16:00', '2026-04-01T10:00');
    const byDay = segmentsByDay([night], '2026-03-30', '2026-04-06');
    expect(
      [...byDay.entries()].map(([d, [s]]) => [d, s!.startMinute, s!.endMinute, s!.first, s!.last]),
    ).toEqual([
      ['2026-03-30', 960, 1440, true, false],
      ['2026-03-31', 0, 1440, false, false],
      ['2026-04-01', 0, 600, false, true],
    ]);
    // clipped to the range, and an event ending at midnight does not spill into the next day
    const clipped = segmentsByDay(
      [night, occurrence('m', '2026-04-05T20:00', '2026-04-06T00:00')],
      '2026-03-31',
      '2026-04-06',
    );
    expect([...clipped.keys()]).toEqual(['2026-03-31', '2026-04-01', '2026-04-05']);
  });

  it('moves an occurrence and its series by the same wall-clock shift', () => {
    const o = occurrence('w', '2026-04-06T09:00', '2026-04-06T11:00');
    expect(
      moveTimes(o, '2026-04-07T10:00', { localStart: '2026-03-23T09:00', localEnd: '2026-03-23T11:00' }),
    ).toEqual({
      start: '2026-04-07T10:00',
      end: '2026-04-07T12:00',
      seriesStart: '2026-03-24T10:00',
      seriesEnd: '2026-03-24T12:00',
    });
    expect(moveTimes(o, '2026-04-06T23:30').end).toBe('2026-04-07T01:30');
  });

  it('widens the time grid to hold early and late events', () => {
    const early = segmentsByDay(
      [occurrence('e', '2026-03-30T06:45', '2026-03-30T07:15')],
      '2026-03-30',
      '2026-03-31',
    );
    expect(gridHours({ open: '08:00', close: '18:00' }, [])).toEqual({ first: 480, last: 1080 });
    expect(gridHours({ open: '08:30', close: '17:10' }, early.get('2026-03-30')!)).toEqual({
      first: 360,
      last: 1080,
    });
    const overnight = segmentsByDay(
      [occurrence('n', '2026-03-30T16:00', '2026-04-01T10:00')],
      '2026-03-30',
      '2026-04-02',
    );
    const all = [...overnight.values()].flat();
    expect(gridHours({ open: '08:00', close: '18:00' }, all)).toEqual({ first: 480, last: 1080 });
  });

  it('lays overlapping segments side by side, never two overlapping ones in one lane (random days)', () => {
    const slot = fc
      .record({ start: fc.integer({ min: 0, max: 1400 }), length: fc.integer({ min: 1, max: 300 }) })
      .map(({ start, length }) => ({ start, end: Math.min(start + length, 1440) }));
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 30 }), (slots) => {
        const occurrences = slots.map((s, i) =>
          occurrence(
            `e${i}`,
            wallText(wallMinutes('2026-03-30') + s.start),
            wallText(wallMinutes('2026-03-30') + s.end),
          ),
        );
        const segments = segmentsByDay(occurrences, '2026-03-30', '2026-03-31').get('2026-03-30') ?? [];
        expect(segments).toHaveLength(slots.length);
        const lanes = layoutLanes(segments);
        const overlaps = (a: (typeof segments)[0], b: (typeof segments)[0]) =>
          a.startMinute < b.endMinute && b.startMinute < a.endMinute;
        for (const a of segments) {
          const la = lanes.get(a)!;
          expect(la.lane).toBeLessThan(la.lanes);
          for (const b of segments) {
            if (a === b || !overlaps(a, b)) continue;
            const lb = lanes.get(b)!;
            expect(la.lane).not.toBe(lb.lane);
            expect(la.lanes).toBe(lb.lanes); // one group, one width
          }
        }
      }),
    );
  });
});
