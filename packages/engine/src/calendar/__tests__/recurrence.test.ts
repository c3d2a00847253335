import { describe, expect, it } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import { expandSeries, normaliseRecurrence, seriesEnd } from '../recurrence-rules.js';

const PARIS = 'Europe/Paris';
const range = (from: string, to: string) => ({ start: Date.parse(from), end: Date.parse(to) });
const iso = (ms: number) => new Date(ms).toISOString();

describe('recurrence expansion with rrule in the organisation zone', () => {
  it('keeps a weekly 09:00 Paris booking at 09:00 local across the March DST change', async () => {
    const weekly = {
      start: '2026-03-16T08:00:00Z',
      end: '2026-03-16T10:00:00Z',
      recurrence: 'FREQ=WEEKLY;COUNT=4',
    };
    const found = await expandSeries(weekly, range('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'), PARIS);
    expect(found.map((o) => [iso(o.start), iso(o.end)])).toEqual([
      ['2026-03-16T08:00:00.000Z', '2026-03-16T10:00:00.000Z'],
      ['2026-03-23T08:00:00.000Z', '2026-03-23T10:00:00.000Z'],
      ['2026-03-30T07:00:00.000Z', '2026-03-30T09:00:00.000Z'],
      ['2026-04-06T07:00:00.000Z', '2026-04-06T09:00:00.000Z'],
    ]);
  });

  it('returns only the occurrences that overlap the asked range, including one that started before it', async () => {
    const daily = { start: '2026-05-04T20:00:00Z', end: '2026-05-05T04:00:00Z', recurrence: 'FREQ=DAILY' };
    const found = await expandSeries(daily, range('2026-05-10T00:00:00Z', '2026-05-11T00:00:00Z'), 'UTC');
    expect(found.map((o) => iso(o.start))).toEqual(['2026-05-09T20:00:00.000Z', '2026-05-10T20:00:00.000Z']);
  });

  it('treats a single event as one occurrence, present only when it overlaps', async () => {
    const once = { start: '2026-05-04T08:00:00Z', end: '2026-05-04T09:00:00Z', recurrence: null };
    expect(
      await expandSeries(once, range('2026-05-04T08:59:00Z', '2026-05-05T00:00:00Z'), PARIS),
    ).toHaveLength(1);
    expect(
      await expandSeries(once, range('2026-05-04T09:00:00Z', '2026-05-05T00:00:00Z'), PARIS),
    ).toHaveLength(0);
  });

  it('reads UNTIL as an instant and finds where a finite series ends', async () => {
    const series = {
      start: '2026-10-19T07:00:00Z',
      end: '2026-10-19T08:00:00Z',
      recurrence: 'FREQ=WEEKLY;UNTIL=20261026T080000Z',
    };
    expect(await seriesEnd(series, PARIS)).toBe('2026-10-26T09:00:00.000Z');
    expect(await seriesEnd({ ...series, recurrence: 'FREQ=DAILY;COUNT=3' }, 'UTC')).toBe(
      '2026-10-21T08:00:00.000Z',
    );
    expect(await seriesEnd({ ...series, recurrence: 'FREQ=MONTHLY' }, PARIS)).toBeNull();
  });

  it('normalises a rule and refuses rules it cannot honour', async () => {
    expect(await normaliseRecurrence('rrule:freq=weekly;byday=mo,we;count=10')).toBe(
      'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10',
    );
    for (const bad of [
      'FREQ=HOURLY',
      'FREQ=SOMETIMES',
      'hello',
      'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY',
    ]) {
      await expect(normaliseRecurrence(bad)).rejects.toThrow(EngineError);
    }
  });

  it('refuses, without iterating to the year 9999, rules that could never match or that it does not support', async () => {
    const never = [
      'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      'FREQ=MONTHLY;BYDAY=5MO',
    ];
    const unsupported = [
      'FREQ=MONTHLY;BYSETPOS=10;BYDAY=MO',
      'FREQ=YEARLY;BYWEEKNO=53',
      'FREQ=DAILY;BYHOUR=9',
      'FREQ=WEEKLY;BYDAY=2MO',
    ];
    for (const rule of [...never, ...unsupported]) {
      await expect(normaliseRecurrence(rule), rule).rejects.toThrow(EngineError);
    }
    for (const rule of [
      'FREQ=MONTHLY;BYDAY=-1FR',
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
      'FREQ=DAILY;BYDAY=MO,TU;BYMONTH=7,8',
    ]) {
      expect(await normaliseRecurrence(rule), rule).toMatch(/^FREQ=/);
    }
  });

  it('refuses a finite series too long to store', async () => {
    const series = {
      start: '2026-01-01T08:00:00Z',
      end: '2026-01-01T09:00:00Z',
      recurrence: 'FREQ=DAILY;COUNT=9000',
    };
    await expect(seriesEnd(series, 'UTC')).rejects.toThrow(/at most 5000/);
  });
});
