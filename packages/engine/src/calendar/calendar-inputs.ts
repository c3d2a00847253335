import * as z from 'zod/mini';
import { idString, longText, revNumber, shortText } from '../domain/schemas.js';
import { CALENDAR_EVENT_KINDS, type CalendarEventKind } from './calendar-event.js';

/**
 * Calendar times lie in [2000-01-01, 2100-01-01) UTC, which keeps every expansion cheap.
 *
 * @example
 * ```ts
 * Date.parse('2026-03-30T07:00:00Z') < CALENDAR_SPAN.end; // true
 * ```
 */
export const CALENDAR_SPAN = { start: Date.UTC(2000, 0, 1), end: Date.UTC(2100, 0, 1) };

/**
 * An instant as callers give it: ISO-8601 with `Z` or an offset, or a wall time without one
 * (`2026-03-30T09:00`) read in the organisation's time zone.
 *
 * @example
 * ```ts
 * const input = z.object({ start: instantText });
 * ```
 */
export const instantText = z.string().check(z.minLength(16), z.maxLength(40));

const kind = z.enum(CALENDAR_EVENT_KINDS as unknown as [CalendarEventKind, ...CalendarEventKind[]]);
const optionalId = z.optional(z.nullable(idString));
const recurrenceText = z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(500))));

/**
 * Input of `calendar.create` and `calendar.checkConflicts`.
 *
 * @example
 * ```ts
 * parseInput(createEventInput, { kind: 'time_off', title: 'Off', start: '2026-03-30T14:00', end: '2026-03-30T18:00', technicianId: 'u-2' }, 'calendar.create');
 * ```
 */
export const createEventInput = z.strictObject({
  kind,
  title: shortText,
  start: instantText,
  end: instantText,
  technicianId: optionalId,
  bayId: optionalId,
  taskId: optionalId,
  recurrence: recurrenceText,
  notes: z.optional(z.nullable(longText)),
  override: z.optional(z.boolean()),
});

/**
 * Input of `calendar.checkConflicts`: a booking as `calendar.create` takes it, and optionally the
 * `eventId` of the event this booking would move (its own occurrences then do not count against
 * it, and its cancelled occurrences stay cancelled, as `calendar.reschedule` checks it).
 *
 * @example
 * ```ts
 * parseInput(checkConflictsInput, { eventId: 'e1', kind: 'appointment', title: 'Drop-off',
 *   start: '2026-03-31T09:00', end: '2026-03-31T10:00', technicianId: 'u-2' }, 'calendar.checkConflicts');
 * ```
 */
export const checkConflictsInput = z.extend(createEventInput, { eventId: z.optional(idString) });

/**
 * Input of `calendar.cancelOccurrence`: the event and the start of the one occurrence to cancel
 * (an instant, or a wall time in the organisation's zone).
 *
 * @example
 * ```ts
 * parseInput(cancelOccurrenceInput, { id: 'e1', occurrenceStart: '2026-04-06T09:00' }, 'calendar.cancelOccurrence');
 * ```
 */
export const cancelOccurrenceInput = z.strictObject({
  id: idString,
  rev: z.optional(revNumber),
  occurrenceStart: instantText,
});

/**
 * Input of `calendar.reschedule`: new times, holders or rule; what is left out stays.
 *
 * @example
 * ```ts
 * parseInput(rescheduleEventInput, { id: 'e1', start: '2026-03-31T09:00', end: '2026-03-31T11:00' }, 'calendar.reschedule');
 * ```
 */
export const rescheduleEventInput = z.strictObject({
  id: idString,
  rev: z.optional(revNumber),
  start: z.optional(instantText),
  end: z.optional(instantText),
  technicianId: optionalId,
  bayId: optionalId,
  recurrence: recurrenceText,
  override: z.optional(z.boolean()),
});

/**
 * Input of `calendar.update`: the descriptive fields.
 *
 * @example
 * ```ts
 * parseInput(updateEventInput, { id: 'e1', notes: 'Second key in the glovebox' }, 'calendar.update');
 * ```
 */
export const updateEventInput = z.strictObject({
  id: idString,
  rev: z.optional(revNumber),
  title: z.optional(shortText),
  notes: z.optional(z.nullable(longText)),
  taskId: optionalId,
});

/**
 * Input of `calendar.cancel`.
 *
 * @example
 * ```ts
 * parseInput(cancelEventInput, { id: 'e1', reason: 'Customer postponed' }, 'calendar.cancel');
 * ```
 */
export const cancelEventInput = z.strictObject({
  id: idString,
  rev: z.optional(revNumber),
  reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
});

/**
 * Input of `calendar.delete` and `calendar.get`.
 *
 * @example
 * ```ts
 * parseInput(eventRefInput, { id: 'e1', rev: 2 }, 'calendar.delete');
 * ```
 */
export const eventRefInput = z.strictObject({ id: idString, rev: z.optional(revNumber) });

/**
 * The fields an input sets, for the policy's field-limited grants: `override` counts only when
 * it is true (asking for no override changes nothing).
 *
 * @example
 * ```ts
 * changedFields({ id: 'e1', start: '…', override: false }); // ['start']
 * ```
 */
export function changedFields(input: Record<string, unknown>): string[] {
  return Object.entries(input)
    .filter(([key, value]) => key !== 'id' && key !== 'rev' && value !== undefined)
    .filter(([key, value]) => key !== 'override' || value === true)
    .map(([key]) => key);
}
