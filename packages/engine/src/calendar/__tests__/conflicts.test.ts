import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Booking, findOverlaps, type Overlap } from '../conflicts.js';

const booking = (
  eventId: string,
  technicianId: string | null,
  bayId: string | null,
  start: number,
  end: number,
) => ({
  eventId,
  technicianId,
  bayId,
  start,
  end,
});

/** The obvious reference: every pair, every resource, plain interval arithmetic. */
function bruteForce(wanted: Booking[], existing: Booking[]): string[] {
  const keys: string[] = [];
  for (const w of wanted) {
    for (const e of existing) {
      if (wanted.some((x) => x.eventId === e.eventId)) continue;
      const overlap = Math.max(w.start, e.start) < Math.min(w.end, e.end);
      if (!overlap) continue;
      if (w.technicianId !== null && w.technicianId === e.technicianId) keys.push(key('technician', w, e));
      if (w.bayId !== null && w.bayId === e.bayId) keys.push(key('bay', w, e));
    }
  }
  return keys.sort();
}

const key = (resource: string, w: Booking, e: Booking) =>
  `${resource}|${w.eventId}@${w.start}-${w.end}|${e.eventId}@${e.start}-${e.end}`;
const keysOf = (overlaps: Overlap[]) => overlaps.map((o) => key(o.resource, o.wanted, o.existing)).sort();

describe('conflict detection', () => {
  it('finds a technician double-booked and a bay double-booked, naming both', () => {
    const wanted = [booking('new', 'u1', 'bay-1', 100, 200)];
    const existing = [booking('a', 'u1', 'bay-2', 150, 250), booking('b', 'u2', 'bay-1', 50, 101)];
    const found = findOverlaps(wanted, existing);
    expect(found.map((o) => [o.resource, o.resourceId, o.existing.eventId])).toEqual([
      ['technician', 'u1', 'a'],
      ['bay', 'bay-1', 'b'],
    ]);
  });

  it('lets back-to-back bookings and other resources through', () => {
    const wanted = [booking('new', 'u1', 'bay-1', 100, 200)];
    const existing = [
      booking('before', 'u1', 'bay-1', 0, 100),
      booking('after', 'u1', 'bay-1', 200, 300),
      booking('other', 'u2', 'bay-2', 100, 200),
    ];
    expect(findOverlaps(wanted, existing)).toEqual([]);
  });

  it('ignores the wanted event’s own stored occurrences when it is rescheduled', () => {
    const wanted = [booking('e1', 'u1', null, 100, 200)];
    expect(findOverlaps(wanted, [booking('e1', 'u1', null, 100, 200)])).toEqual([]);
  });

  it('agrees with a brute-force overlap reference on random sets of bookings', () => {
    const resource = (prefix: string) => fc.option(fc.constantFrom(`${prefix}1`, `${prefix}2`, `${prefix}3`));
    const slot = (id: fc.Arbitrary<string>) =>
      fc
        .record({
          eventId: id,
          technicianId: resource('u'),
          bayId: resource('bay'),
          start: fc.integer({ min: 0, max: 200 }),
          length: fc.integer({ min: 0, max: 60 }),
        })
        .map(({ length, ...b }) => ({ ...b, end: b.start + length }));
    const existingIds = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'w');
    fc.assert(
      fc.property(
        fc.array(slot(fc.constant('w')), { maxLength: 8 }),
        fc.array(slot(existingIds), { maxLength: 40 }),
        (wanted, existing) => {
          expect(keysOf(findOverlaps(wanted, existing))).toEqual(bruteForce(wanted, existing));
        },
      ),
      { numRuns: 500 },
    );
  });
});
