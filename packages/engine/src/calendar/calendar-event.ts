import type { CollectionSchema, Doc } from '../storage/contract.js';

/**
 * What a calendar event is: a customer appointment, a bay booking, or time off.
 *
 * @example
 * ```ts
 * const kind: CalendarEventKind = 'bay_booking';
 * ```
 */
export type CalendarEventKind = 'appointment' | 'bay_booking' | 'time_off';

/**
 * Every kind, in a stable order.
 *
 * @example
 * ```ts
 * CALENDAR_EVENT_KINDS.includes('time_off'); // true
 * ```
 */
export const CALENDAR_EVENT_KINDS: readonly CalendarEventKind[] = ['appointment', 'bay_booking', 'time_off'];

/**
 * What a booking was allowed past, with `override: true`: the events it double-books and
 * whether it lies outside business hours. Stored on the event, so the audit diff records it.
 *
 * @example
 * ```ts
 * const o: ScheduleOverride = { conflicts: ['0197…'], outsideHours: false, by: 'u-1', at: '2026-03-02T09:00:00.000Z' };
 * ```
 */
export interface ScheduleOverride {
  conflicts: string[];
  outsideHours: boolean;
  by: string;
  at: string;
}

/**
 * One calendar event. Times are UTC ISO-8601; a recurring event carries an RFC 5545 RRULE
 * (without DTSTART: the event's start is it), expanded in the organisation's time zone.
 * `exdates` are the starts (UTC ISO) of occurrences cancelled one by one
 * (`calendar.cancelOccurrence`, RFC 5545's EXDATE): views and conflict checks skip them.
 * `seriesEnd` is the end of the last occurrence (null for an open-ended series): the calendar
 * indexes it so a range query finds every series that can overlap the range.
 *
 * @example
 * ```ts
 * const event: CalendarEvent = {
 *   kind: 'bay_booking', title: 'Full front PPF — Tesla Model 3', start: '2026-03-30T07:00:00.000Z',
 *   end: '2026-03-30T16:00:00.000Z', technicianId: 'u-2', bayId: 'bay-1', taskId: 't-1',
 *   recurrence: null, exdates: [], seriesEnd: '2026-03-30T16:00:00.000Z', notes: null, status: 'booked',
 *   cancelReason: null, override: null,
 * };
 * ```
 */
export interface CalendarEvent {
  kind: CalendarEventKind;
  title: string;
  start: string;
  end: string;
  technicianId: string | null;
  bayId: string | null;
  taskId: string | null;
  recurrence: string | null;
  /**
   * Starts of cancelled occurrences of a recurring event (empty for a single event). Documents
   * stored before the field existed lack it: read it as `exdates ?? []`.
   */
  exdates: string[];
  seriesEnd: string | null;
  notes: string | null;
  status: 'booked' | 'cancelled';
  cancelReason: string | null;
  override: ScheduleOverride | null;
}

/**
 * A stored calendar event.
 *
 * @example
 * ```ts
 * const event: CalendarEventDoc = await shop.calendar.get({ id });
 * ```
 */
export type CalendarEventDoc = Doc<CalendarEvent>;

/**
 * One occurrence of an event as the views return it: the UTC interval, the same interval as
 * wall-clock times in the organisation's zone (`2026-03-30T09:00`), and the event's fields —
 * its `rev` (pass it back to `calendar.reschedule` so a stale view gets `CONFLICT`) and its
 * rule (`recurrence`, null for a single event).
 *
 * @example
 * ```ts
 * const o: Occurrence = { eventId: 'e1', start: '2026-03-30T07:00:00.000Z', localStart: '2026-03-30T09:00', … };
 * ```
 */
export interface Occurrence {
  eventId: string;
  kind: CalendarEventKind;
  title: string;
  start: string;
  end: string;
  localStart: string;
  localEnd: string;
  timeZone: string;
  technicianId: string | null;
  bayId: string | null;
  taskId: string | null;
  recurring: boolean;
  recurrence: string | null;
  rev: number;
  status: CalendarEvent['status'];
}

/**
 * The `calendarEvents` collection: indexed by technician, bay and task with the start, and by
 * the start and series end for range views.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(calendarCollection);
 * ```
 */
export const calendarCollection: CollectionSchema = {
  name: 'calendarEvents',
  fields: {
    kind: 'string',
    status: 'string',
    technicianId: 'string',
    bayId: 'string',
    taskId: 'string',
    start: 'date',
    seriesEnd: 'date',
  },
  indexes: [
    ['technicianId', 'start'],
    ['bayId', 'start'],
    ['taskId', 'start'],
    ['start', 'seriesEnd'],
  ],
};
