import * as z from 'zod/mini';
import { defineQuery } from '../domain/command.js';
import { idString } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import { readSettings } from '../settings/settings-service.js';
import type { Where } from '../storage/contract.js';
import {
  CALENDAR_EVENT_KINDS,
  type CalendarEvent,
  type CalendarEventKind,
  type Occurrence,
} from './calendar-event.js';
import {
  CALENDAR_SPAN,
  checkConflictsInput,
  checkHolders,
  eventRefInput,
  instantText,
  resolveTimes,
} from './calendar-inputs.js';
import { expandSeries, movedExdates } from './recurrence.js';
import { eventsOverlapping, inspectSchedule, type ScheduleReport } from './schedule-check.js';
import { parseInstant, wallTimeAt } from './time-zone.js';

/** The widest range one view may ask for: 400 days. */
const MAX_VIEW_MS = 400 * 86_400_000;

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
 * `calendar.list`: the occurrences in `[from, to)` — per technician, bay or task when asked,
 * of some kinds when asked — with recurring events expanded in the organisation's zone, first
 * first, each with its wall-clock times in that zone. Cancelled events only with
 * `includeCancelled`. A range wider than {@link MAX_VIEW_MS} is refused.
 *
 * @example
 * ```ts
 * const week = await shop.calendar.list({ from: '2026-03-30T00:00', to: '2026-04-06T00:00', technicianId: 'u-2' });
 * ```
 */
export const listCalendar = defineQuery({
  name: 'calendar.list',
  input: viewInput,
  run: async (ctx, input): Promise<Occurrence[]> => {
    const { timeZone } = await readSettings(ctx.tx);
    const range = viewRange(input.from, input.to, timeZone);
    const where: Where = {};
    if (input.technicianId !== undefined) where.technicianId = input.technicianId;
    if (input.bayId !== undefined) where.bayId = input.bayId;
    if (input.taskId !== undefined) where.taskId = input.taskId;
    if (input.kinds !== undefined) where.kind = { in: input.kinds };
    const events = await eventsOverlapping(ctx.tx, range, where, input.includeCancelled ?? false);
    const expanded = await Promise.all(events.map((event) => expandSeries(event, range, timeZone)));
    const occurrences = events.flatMap((event, i) =>
      (expanded[i] ?? []).map((o) => occurrenceOf(event, o, timeZone)),
    );
    return occurrences.sort((a, b) => a.start.localeCompare(b.start) || a.eventId.localeCompare(b.eventId));
  },
});

function viewRange(from: string, to: string, zone: string): { start: number; end: number } {
  const start = parseInstant(from, zone) ?? Number.NaN;
  const end = parseInstant(to, zone) ?? Number.NaN;
  const inSpan = start >= CALENDAR_SPAN.start && end <= CALENDAR_SPAN.end;
  if (!inSpan || !(end > start) || end - start > MAX_VIEW_MS) {
    throw new EngineError(
      'VALIDATION',
      'invalid calendar range: from < to, at most 400 days apart, in 2000–2099',
      {
        details: {
          issues: [
            { path: 'to', message: 'from < to, at most 400 days apart, in 2000–2099', code: 'custom' },
          ],
        },
      },
    );
  }
  return { start, end };
}

function occurrenceOf(
  event: CalendarEvent & { id: string; rev: number },
  o: { start: number; end: number },
  zone: string,
): Occurrence {
  return {
    eventId: event.id,
    kind: event.kind,
    title: event.title,
    start: new Date(o.start).toISOString(),
    end: new Date(o.end).toISOString(),
    localStart: localDateTime(o.start, zone),
    localEnd: localDateTime(o.end, zone),
    timeZone: zone,
    technicianId: event.technicianId,
    bayId: event.bayId,
    taskId: event.taskId,
    recurring: event.recurrence !== null,
    recurrence: event.recurrence,
    rev: event.rev,
    status: event.status,
  };
}

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
  input: eventRefInput,
  run: (ctx, input) => ctx.load<CalendarEvent>('calendarEvents', input.id),
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
  input: checkConflictsInput,
  run: async (ctx, input): Promise<ScheduleReport> => {
    const settings = await readSettings(ctx.tx);
    const times = resolveTimes(input.start, input.end, settings.timeZone);
    const technicianId = input.technicianId ?? null;
    const bayId = input.bayId ?? null;
    const recurrence = await checkHolders(input.kind, technicianId, bayId, input.recurrence ?? null);
    const draft = { kind: input.kind, ...times, technicianId, bayId, recurrence };
    if (input.eventId === undefined) return inspectSchedule(ctx.tx, draft, settings);
    const moved = await ctx.load<CalendarEvent>('calendarEvents', input.eventId);
    const exdates = recurrence === null ? [] : movedExdates(moved, times.start, settings.timeZone);
    return inspectSchedule(ctx.tx, { ...draft, eventId: moved.id, exdates }, settings);
  },
});
