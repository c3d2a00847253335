import { defineCommand, type Ownership } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { lazyModule } from '../kernel/lazy-module.js';
import type { ReadTransaction } from '../storage/contract.js';
import { type CalendarEvent, calendarCollection } from './calendar-event.js';
import {
  cancelEventInput,
  cancelOccurrenceInput,
  changedFields,
  createEventInput,
  eventRefInput,
  rescheduleEventInput,
  updateEventInput,
} from './calendar-inputs.js';

const bodies = lazyModule('calendar operations', () => import('./calendar-bodies.js'));

const COLLECTION = calendarCollection.name;

/** A technician's grant on an existing event: the one whose technician they are. */
function ownEvent<I extends { id: string }>(): Ownership<I> {
  return {
    assignee: async (tx: ReadTransaction, input: I) =>
      (await tx.get<CalendarEvent>(COLLECTION, input.id))?.technicianId ?? null,
    fields: (input) => changedFields(input as Record<string, unknown>),
  };
}

/**
 * The input schemas of the operations of this file (their bodies, in `calendar-command-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof calendarCommandInputs.createEvent> = parseInput(calendarCommandInputs.createEvent, raw, 'calendar.create');
 * ```
 */
export const calendarCommandInputs = {
  createEvent: createEventInput,
  rescheduleEvent: rescheduleEventInput,
  cancelOccurrence: cancelOccurrenceInput,
  updateEvent: updateEventInput,
  cancelEvent: cancelEventInput,
  deleteEvent: eventRefInput,
};

/**
 * `calendar.create`: books an appointment, a bay booking or time off. Times with an offset are
 * instants; times without one are wall-clock times in the organisation's zone. A double booking
 * of the technician or the bay (recurring occurrences and time off included) is refused with
 * `CONFLICT` naming the events; a time outside business hours with `PRECONDITION`; either is
 * allowed with `override: true`, which the event (and so its audit row) records.
 *
 * @example
 * ```ts
 * await shop.calendar.create({ kind: 'time_off', title: 'Dentist', start: '2026-03-30T14:00',
 *   end: '2026-03-30T16:00', technicianId: 'u-2' });
 * ```
 */
export const createEvent = defineCommand({
  name: 'calendar.create',
  input: calendarCommandInputs.createEvent,
  ownership: {
    assignee: async (_tx, input) => input.technicianId ?? null,
    fields: (input) => changedFields(input),
  },
  run: lazyBody(bodies, 'createEvent'),
});

/**
 * `calendar.reschedule`: moves an event (times, technician, bay, or recurrence rule), checked
 * like a new booking against every other event; `override: true` books past the problems.
 * The occurrences of a series cancelled one by one move with its start (see `movedExdates`)
 * and stay cancelled; a series made a single event drops them.
 *
 * @example
 * ```ts
 * await shop.calendar.reschedule({ id: event.id, start: '2026-03-31T09:00', end: '2026-03-31T11:00' });
 * ```
 */
export const rescheduleEvent = defineCommand({
  name: 'calendar.reschedule',
  input: calendarCommandInputs.rescheduleEvent,
  ownership: ownEvent(),
  run: lazyBody(bodies, 'rescheduleEvent'),
});

/**
 * `calendar.cancelOccurrence`: cancels ONE occurrence of a recurring event — the one starting at
 * `occurrenceStart` (an instant, or a wall time in the organisation's zone) — by adding its start
 * to the event's `exdates` (RFC 5545 EXDATE). Views and conflict checks skip it from then on, so
 * its slot is free; the rest of the series stays booked. Refused with `PRECONDITION` for a single
 * event (cancel it with `calendar.cancel`), a cancelled event, an occurrence already cancelled or
 * a series with 1 000 cancelled occurrences (end the series instead), and with `NOT_FOUND` when
 * the series has no occurrence starting then. Audited like any change; publishes
 * `calendar.changed` with `change: 'occurrence_cancelled'`.
 *
 * @example
 * ```ts
 * await shop.calendar.cancelOccurrence({ id: weekly.id, occurrenceStart: '2026-04-06T09:00' });
 * ```
 */
export const cancelOccurrence = defineCommand({
  name: 'calendar.cancelOccurrence',
  input: calendarCommandInputs.cancelOccurrence,
  ownership: ownEvent(),
  run: lazyBody(bodies, 'cancelOccurrence'),
});

/**
 * `calendar.update`: changes an event's title, notes or task, not its time.
 *
 * @example
 * ```ts
 * await shop.calendar.update({ id: event.id, notes: 'Customer brings the second key' });
 * ```
 */
export const updateEvent = defineCommand({
  name: 'calendar.update',
  input: calendarCommandInputs.updateEvent,
  ownership: ownEvent(),
  run: lazyBody(bodies, 'updateEvent'),
});

/**
 * `calendar.cancel`: marks an event cancelled (it stays visible in views that ask for cancelled
 * events, and no longer blocks anyone's time).
 *
 * @example
 * ```ts
 * await shop.calendar.cancel({ id: event.id, reason: 'Customer postponed' });
 * ```
 */
export const cancelEvent = defineCommand({
  name: 'calendar.cancel',
  input: calendarCommandInputs.cancelEvent,
  ownership: ownEvent(),
  run: lazyBody(bodies, 'cancelEvent'),
});

/**
 * `calendar.delete`: moves an event to the trash (restorable through `trash.restore`).
 *
 * @example
 * ```ts
 * await shop.calendar.delete({ id: event.id });
 * ```
 */
export const deleteEvent = defineCommand({
  name: 'calendar.delete',
  input: calendarCommandInputs.deleteEvent,
  ownership: ownEvent(),
  run: lazyBody(bodies, 'deleteEvent'),
});
