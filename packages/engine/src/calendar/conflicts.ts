/**
 * One occurrence of a calendar event as the conflict checker sees it: who and which bay it
 * holds, over the half-open UTC interval `[start, end)` in epoch milliseconds. Time off holds its
 * technician (or bay) like any booking.
 *
 * @example
 * ```ts
 * const slot: Booking = { eventId: 'e1', technicianId: 'u1', bayId: 'bay-2', start: 0, end: 3_600_000 };
 * ```
 */
export interface Booking {
  eventId: string;
  technicianId: string | null;
  bayId: string | null;
  start: number;
  end: number;
}

/**
 * What a double booking is about: the same technician, or the same bay.
 *
 * @example
 * ```ts
 * const resource: ConflictResource = 'bay';
 * ```
 */
export type ConflictResource = 'technician' | 'bay';

/**
 * An existing occurrence that overlaps a wanted one on the same technician or bay.
 *
 * @example
 * ```ts
 * const clash: Overlap = { resource: 'bay', resourceId: 'bay-2', wanted: slotA, existing: slotB };
 * ```
 */
export interface Overlap {
  resource: ConflictResource;
  resourceId: string;
  wanted: Booking;
  existing: Booking;
}

const RESOURCES: ReadonlyArray<[ConflictResource, 'technicianId' | 'bayId']> = [
  ['technician', 'technicianId'],
  ['bay', 'bayId'],
];

function byResource(bookings: readonly Booking[], field: 'technicianId' | 'bayId'): Map<string, Booking[]> {
  const groups = new Map<string, Booking[]>();
  for (const booking of bookings) {
    const key = booking[field];
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(booking);
    else groups.set(key, [booking]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.start - b.start || a.end - b.end);
  return groups;
}

/**
 * Every pair (wanted occurrence, existing occurrence) that holds the same technician or the
 * same bay over overlapping time. Intervals are half-open: one booking ending at 10:00 and the
 * next starting at 10:00 do not conflict. Existing occurrences of the wanted event itself (a
 * reschedule) are ignored. A sweep over start-sorted occurrences per resource, so a busy month
 * costs n log n rather than every pair.
 *
 * @example
 * ```ts
 * findOverlaps(
 *   [{ eventId: 'new', technicianId: 'u1', bayId: null, start: 0, end: 60 }],
 *   [{ eventId: 'e1', technicianId: 'u1', bayId: 'b1', start: 30, end: 90 }],
 * ); // [{ resource: 'technician', resourceId: 'u1', wanted: …, existing: … }]
 * ```
 */
export function findOverlaps(wanted: readonly Booking[], existing: readonly Booking[]): Overlap[] {
  const wantedIds = new Set(wanted.map((b) => b.eventId));
  const others = existing.filter((b) => !wantedIds.has(b.eventId) && b.end > b.start);
  const overlaps: Overlap[] = [];
  for (const [resource, field] of RESOURCES) {
    const held = byResource(others, field);
    for (const [resourceId, candidates] of byResource(wanted, field)) {
      const booked = held.get(resourceId);
      if (!booked) continue;
      let next = 0;
      let active: Booking[] = [];
      for (const slot of candidates) {
        while (next < booked.length && booked[next]!.start < slot.end) active.push(booked[next++]!);
        active = active.filter((b) => b.end > slot.start);
        for (const other of active) {
          if (other.start < slot.end && slot.end > slot.start) {
            overlaps.push({ resource, resourceId, wanted: slot, existing: other });
          }
        }
      }
    }
  }
  return overlaps;
}
