import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromFloating, isTimeZone, parseInstant, toFloating, wallTimeAt } from '../time-zone.js';

const PARIS = 'Europe/Paris';
const at = (iso: string) => Date.parse(iso);

describe('time-zone math on the platform Intl', () => {
  it('reads Paris wall time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(wallTimeAt(at('2026-01-15T07:00:00Z'), PARIS)).toMatchObject({ hour: 8, weekday: 4 });
    expect(wallTimeAt(at('2026-07-15T07:00:00Z'), PARIS)).toMatchObject({ hour: 9, weekday: 3 });
  });

  it('maps a Paris wall time to the right instant on both sides of the March change', () => {
    expect(parseInstant('2026-03-28T09:00', PARIS)).toBe(at('2026-03-28T08:00:00Z'));
    expect(parseInstant('2026-03-30T09:00', PARIS)).toBe(at('2026-03-30T07:00:00Z'));
  });

  it('moves a wall time skipped by the spring-forward gap forward by the gap', () => {
    expect(parseInstant('2026-03-29T02:30', PARIS)).toBe(at('2026-03-29T01:30:00Z'));
    expect(new Date(at('2026-03-29T01:30:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTimeAt(at('2026-03-29T01:30:00Z'), PARIS)).toMatchObject({ hour: 3, minute: 30 });
  });

  it('takes the earlier instant for a wall time the October change repeats', () => {
    expect(parseInstant('2026-10-25T02:30', PARIS)).toBe(at('2026-10-25T00:30:00Z'));
  });

  it('keeps absolute instants absolute and refuses what is not a date-time', () => {
    expect(parseInstant('2026-03-30T09:00:00+02:00', 'UTC')).toBe(at('2026-03-30T07:00:00Z'));
    expect(parseInstant('2026-03-30T07:00:00.250Z', PARIS)).toBe(at('2026-03-30T07:00:00.250Z'));
    expect(parseInstant('2026-02-30T09:00', PARIS)).toBeUndefined();
    expect(parseInstant('next tuesday', PARIS)).toBeUndefined();
    expect(parseInstant('2026-03-30', PARIS)).toBeUndefined();
  });

  it('knows real zones from made-up ones', () => {
    expect(isTimeZone(PARIS)).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('round-trips every instant through its floating wall time (outside the repeated hour)', () => {
    const zones = fc.constantFrom(PARIS, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC');
    const instants = fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-01-01T00:00:00Z') });
    fc.assert(
      fc.property(zones, instants, (zone, ms) => {
        const floating = toFloating(ms, zone);
        const back = fromFloating(floating, zone);
        // In a repeated autumn hour two instants share one wall time; the earlier is chosen.
        expect(back === ms || (back < ms && toFloating(back, zone) === floating)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
