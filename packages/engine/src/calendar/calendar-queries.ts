import * as z from 'zod/mini';
import { defineQuery } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { idString } from '../domain/schemas.js';
import { lazyModule } from '../kernel/lazy-module.js';
import { CALENDAR_EVENT_KINDS, type CalendarEventKind } from './calendar-event.js';
import { checkConflictsInput, eventRefInput, instantText } from './calendar-inputs.js';
import { wallTimeAt } from './time-zone.js';

const bodies = lazyModule('calendar operations', () => import('./calendar-bodies.js'));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A UTC instant as a wall-clock time in `zone`, to the minute: `2026-03-30T09:00`.
 *
 * @example
 * ```ts
 * localDateTime(Date.parse('2026-03-30T07:00:00Z'), 'Europe/Paris'); // '2026-03-30T09:00'
 * ```
 */
export function localDateTime(epochMs: number, zone: string): string {
  const w = wallTimeAt(epochMs, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const viewInput = z.strictObject({
  from: instantText,
  to: instantText,
  technicianId: z.optional(idString),
  bayId: z.optional(idString),
  taskId: z.optional(idString),
  kinds: z.optional(
    z
      .array(z.enum(CALENDAR_EVENT_KINDS as unknown as [CalendarEventKind, ...CalendarEventKind[]]))
      .check(z.minLength(1), z.maxLength(3)),
  ),
  includeCancelled: z.optional(z.boolean()),
});

/**
 * The input schemas of the operations of this file (their bodies, in `calendar-query-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof calendarQueryInputs.listCalendar> = parseInput(calendarQueryInputs.listCalendar, raw, 'calendar.list');
 * ```
 */
export const calendarQueryInputs = {
  listCalendar: viewInput,
  getEvent: eventRefInput,
  checkConflicts: checkConflictsInput,
};

/**
 * `calendar.list`: the occurrences in `[from, to)` — per technician, bay or task when asked,
 * of some kinds when asked — with recurring events expanded in the organisation's zone, first
 * first, each with its wall-clock times in that zone. Cancelled events only with
 * `includeCancelled`. A range wider than 400 days is refused.
 *
 * @example
 * ```ts
 * const week = await shop.calendar.list({ from: '2026-03-30T00:00', to: '2026-04-06T00:00', technicianId: 'u-2' });
 * ```
 */
export const listCalendar = defineQuery({
  name: 'calendar.list',
  input: calendarQueryInputs.listCalendar,
  run: lazyBody(bodies, 'listCalendar'),
});

/**
 * `calendar.get`: one event (not a deleted one).
 *
 * @example
 * ```ts
 * const event = await shop.calendar.get({ id });
 * ```
 */
export const getEvent = defineQuery({
  name: 'calendar.get',
  input: calendarQueryInputs.getEvent,
  run: lazyBody(bodies, 'getEvent'),
});

/**
 * `calendar.checkConflicts`: what booking this event would run into — double bookings and
 * times outside business hours — without booking it. With `eventId`, the booking is a move of
 * that event, checked as `calendar.reschedule` would check it: the event's own occurrences do
 * not count against it and its cancelled occurrences move with it and stay cancelled. Cancelled
 * occurrences of other events never conflict.
 *
 * @example
 * ```ts
 * const { conflicts, outsideHours } = await shop.calendar.checkConflicts({ kind: 'appointment', title: 'Drop-off',
 *   start: '2026-03-30T09:00', end: '2026-03-30T10:00', technicianId: 'u-2' });
 * ```
 */
export const checkConflicts = defineQuery({
  name: 'calendar.checkConflicts',
  input: calendarQueryInputs.checkConflicts,
  run: lazyBody(bodies, 'checkConflicts'),
});
