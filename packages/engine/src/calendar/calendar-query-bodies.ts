import type * as z from 'zod/mini';
import type { QueryContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { readSettings } from '../settings/settings-service.js';
import type { Where } from '../storage/contract.js';
import { checkHolders, resolveTimes } from './book-event.js';
import type { CalendarEvent, Occurrence } from './calendar-event.js';
import { CALENDAR_SPAN } from './calendar-inputs.js';
import { type calendarQueryInputs, localDateTime } from './calendar-queries.js';
import { expandSeries, movedExdates } from './recurrence-rules.js';
import { eventsOverlapping, inspectSchedule, type ScheduleReport } from './schedule-check.js';
import { parseInstant } from './time-zone.js';

/** The widest range one view may ask for: 400 days. */
const MAX_VIEW_MS = 400 * 86_400_000;

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
 * The body of `calendar.list` ({@link listCalendar} in `calendar-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./calendar-query-bodies.js')).listCalendar(ctx, input);
 * ```
 */
export async function listCalendar(
  ctx: QueryContext,
  input: z.output<typeof calendarQueryInputs.listCalendar>,
): Promise<Occurrence[]> {
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
}

/**
 * The body of `calendar.get` ({@link getEvent} in `calendar-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./calendar-query-bodies.js')).getEvent(ctx, input);
 * ```
 */
export async function getEvent(ctx: QueryContext, input: z.output<typeof calendarQueryInputs.getEvent>) {
  return ctx.load<CalendarEvent>('calendarEvents', input.id);
}

/**
 * The body of `calendar.checkConflicts` ({@link checkConflicts} in `calendar-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./calendar-query-bodies.js')).checkConflicts(ctx, input);
 * ```
 */
export async function checkConflicts(
  ctx: QueryContext,
  input: z.output<typeof calendarQueryInputs.checkConflicts>,
): Promise<ScheduleReport> {
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
}
