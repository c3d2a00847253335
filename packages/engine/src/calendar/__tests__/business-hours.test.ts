import { describe, expect, it } from 'vitest';
import { outsideBusinessHours } from '../business-hours.js';

const WEEKDAYS = { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' };
const PARIS = 'Europe/Paris';
const slot = (start: string, end: string) => ({ start: Date.parse(start), end: Date.parse(end) });

describe('business hours in the organisation zone', () => {
  it('accepts 08:00–18:00 Paris time in winter and in summer (different UTC hours)', () => {
    const winter = slot('2026-03-27T07:00:00Z', '2026-03-27T17:00:00Z');
    const summer = slot('2026-03-30T06:00:00Z', '2026-03-30T16:00:00Z');
    expect(outsideBusinessHours([winter, summer], WEEKDAYS, PARIS)).toEqual([]);
  });

  it('refuses the winter UTC hours once Paris is on summer time', () => {
    const found = outsideBusinessHours(
      [slot('2026-03-30T07:00:00Z', '2026-03-30T17:00:00Z')],
      WEEKDAYS,
      PARIS,
    );
    expect(found.map((v) => v.reason)).toEqual(['ends at 19:00, after closing at 18:00']);
  });

  it('names early starts, closed days and late ends', () => {
    const found = outsideBusinessHours(
      [
        slot('2026-03-30T05:30:00Z', '2026-03-30T08:00:00Z'),
        slot('2026-03-28T09:00:00Z', '2026-03-28T10:00:00Z'),
        slot('2026-03-30T15:00:00Z', '2026-03-31T06:00:00Z'),
      ],
      WEEKDAYS,
      PARIS,
    );
    expect(found.map((v) => v.reason)).toEqual([
      'starts at 07:30, before opening at 08:00',
      'starts on a closed day',
      'ends at 08:00, at or before opening at 08:00',
    ]);
  });

  it('lets a multi-day bay booking stay in overnight when it starts and ends within hours', () => {
    const threeDays = slot('2026-04-01T07:00:00Z', '2026-04-03T14:00:00Z');
    expect(outsideBusinessHours([threeDays], WEEKDAYS, PARIS)).toEqual([]);
  });
});
