import type * as z from 'zod/mini';
import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { readSettings } from '../settings/settings-service.js';
import { bookEvent, checkHolders, resolveTimes } from './book-event.js';
import { emitChanged } from './calendar-changed.js';
import type { calendarCommandInputs } from './calendar-commands.js';
import { type CalendarEvent, type CalendarEventDoc, calendarCollection } from './calendar-event.js';
import { expandSeries, movedExdates, seriesEnd } from './recurrence-rules.js';
import { enforceSchedule, inspectSchedule } from './schedule-check.js';
import { parseInstant } from './time-zone.js';

const COLLECTION = calendarCollection.name;

/** Most occurrences of one series that can be cancelled one by one. */
const MAX_EXDATES = 1000;

async function loadLive(
  ctx: Parameters<typeof bookEvent>[0],
  id: string,
  rev?: number,
): Promise<CalendarEventDoc> {
  return ctx.load<CalendarEvent>(COLLECTION, id, rev === undefined ? {} : { rev });
}

function refuseCancelled(event: CalendarEventDoc): void {
  if (event.status === 'cancelled') {
    throw new EngineError('PRECONDITION', `calendar event ${event.id} is cancelled`, {
      details: { id: event.id },
    });
  }
}

/**
 * The body of `calendar.create` ({@link createEvent} in `calendar-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./calendar-command-bodies.js')).createEvent(ctx, input);
 * ```
 */
export async function createEvent(
  ctx: CommandContext,
  input: z.output<typeof calendarCommandInputs.createEvent>,
) {
  const settings = await readSettings(ctx.tx);
  const { override, ...fields } = input;
  return bookEvent(
    ctx,
    settings,
    {
      ...fields,
      technicianId: fields.technicianId ?? null,
      bayId: fields.bayId ?? null,
      taskId: fields.taskId ?? null,
      recurrence: fields.recurrence ?? null,
      notes: fields.notes ?? null,
    },
    override ?? false,
  );
}

/**
 * The body of `calendar.reschedule` ({@link rescheduleEvent} in `calendar-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./calendar-command-bodies.js')).rescheduleEvent(ctx, input);
 * ```
 */
export async function rescheduleEvent(
  ctx: CommandContext,
  input: z.output<typeof calendarCommandInputs.rescheduleEvent>,
) {
  const event = await loadLive(ctx, input.id, input.rev);
  refuseCancelled(event);
  const settings = await readSettings(ctx.tx);
  const times = resolveTimes(input.start ?? event.start, input.end ?? event.end, settings.timeZone);
  const technicianId = input.technicianId === undefined ? event.technicianId : input.technicianId;
  const bayId = input.bayId === undefined ? event.bayId : input.bayId;
  const rule = input.recurrence === undefined ? event.recurrence : input.recurrence;
  const recurrence = await checkHolders(event.kind, technicianId, bayId, rule);
  const exdates = recurrence === null ? [] : movedExdates(event, times.start, settings.timeZone);
  const draft = { eventId: event.id, kind: event.kind, ...times, technicianId, bayId, recurrence, exdates };
  const report = await inspectSchedule(ctx.tx, draft, settings);
  const override = enforceSchedule(report, input.override ?? false, ctx.principal.userId, ctx.now);
  const { eventId: _id, ...fields } = draft;
  const moved = await ctx.update<CalendarEvent>(COLLECTION, event, {
    ...fields,
    seriesEnd: await seriesEnd(draft, settings.timeZone),
    override,
  });
  if (moved !== event) emitChanged(ctx, moved, 'rescheduled');
  return moved;
}

/**
 * The body of `calendar.cancelOccurrence` ({@link cancelOccurrence} in `calendar-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./calendar-command-bodies.js')).cancelOccurrence(ctx, input);
 * ```
 */
export async function cancelOccurrence(
  ctx: CommandContext,
  input: z.output<typeof calendarCommandInputs.cancelOccurrence>,
) {
  const event = await loadLive(ctx, input.id, input.rev);
  refuseCancelled(event);
  if (event.recurrence === null) {
    throw new EngineError(
      'PRECONDITION',
      `calendar event ${event.id} does not recur: cancel the event itself (calendar.cancel)`,
      { details: { id: event.id } },
    );
  }
  const { timeZone } = await readSettings(ctx.tx);
  const at = parseInstant(input.occurrenceStart, timeZone);
  if (at === undefined) {
    throw new EngineError(
      'VALIDATION',
      `invalid occurrenceStart: "${input.occurrenceStart}" is not a date-time`,
      {
        details: {
          issues: [{ path: 'occurrenceStart', message: 'not an ISO-8601 date-time', code: 'custom' }],
        },
      },
    );
  }
  const start = new Date(at).toISOString();
  const exdates = event.exdates ?? [];
  if (exdates.includes(start)) {
    throw new EngineError('PRECONDITION', `the occurrence of ${start} is already cancelled`, {
      details: { id: event.id, occurrenceStart: start },
    });
  }
  const found = (await expandSeries(event, { start: at, end: at + 1 }, timeZone)).some((o) => o.start === at);
  if (!found) {
    throw new EngineError('NOT_FOUND', `calendar event ${event.id} has no occurrence starting at ${start}`, {
      details: { collection: 'calendarEvents', id: event.id, occurrenceStart: start },
    });
  }
  if (exdates.length >= MAX_EXDATES) {
    throw new EngineError(
      'PRECONDITION',
      `calendar event ${event.id} already has ${MAX_EXDATES} cancelled occurrences: end or cancel the series instead`,
      { details: { id: event.id } },
    );
  }
  const saved = await ctx.update<CalendarEvent>(COLLECTION, event, {
    exdates: [...exdates, start].sort(),
  });
  emitChanged(ctx, saved, 'occurrence_cancelled');
  return saved;
}

/**
 * The body of `calendar.update` ({@link updateEvent} in `calendar-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./calendar-command-bodies.js')).updateEvent(ctx, input);
 * ```
 */
export async function updateEvent(
  ctx: CommandContext,
  input: z.output<typeof calendarCommandInputs.updateEvent>,
) {
  const event = await loadLive(ctx, input.id, input.rev);
  if (input.taskId) await ctx.load('tasks', input.taskId);
  const updated = await ctx.update<CalendarEvent>(COLLECTION, event, {
    title: input.title,
    notes: input.notes,
    taskId: input.taskId,
  });
  if (updated !== event) emitChanged(ctx, updated, 'updated');
  return updated;
}

/**
 * The body of `calendar.cancel` ({@link cancelEvent} in `calendar-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./calendar-command-bodies.js')).cancelEvent(ctx, input);
 * ```
 */
export async function cancelEvent(
  ctx: CommandContext,
  input: z.output<typeof calendarCommandInputs.cancelEvent>,
) {
  const event = await loadLive(ctx, input.id, input.rev);
  if (event.status === 'cancelled') {
    throw new EngineError('PRECONDITION', `calendar event ${event.id} is already cancelled`, {
      details: { id: event.id },
    });
  }
  const cancelled = await ctx.update<CalendarEvent>(COLLECTION, event, {
    status: 'cancelled',
    cancelReason: input.reason ?? null,
  });
  emitChanged(ctx, cancelled, 'cancelled');
  return cancelled;
}

/**
 * The body of `calendar.delete` ({@link deleteEvent} in `calendar-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./calendar-command-bodies.js')).deleteEvent(ctx, input);
 * ```
 */
export async function deleteEvent(
  ctx: CommandContext,
  input: z.output<typeof calendarCommandInputs.deleteEvent>,
) {
  const event = await loadLive(ctx, input.id, input.rev);
  const deleted = await ctx.softDelete<CalendarEvent>(COLLECTION, event);
  emitChanged(ctx, deleted, 'deleted');
  return deleted;
}

/**
 * The check before the trash restores a calendar event (`calendarTrash.beforeRestore`, loaded on
 * its first call): its task must be live, and a booked event may double-book nobody who was
 * booked meanwhile (`NOT_FOUND` / `CONFLICT`).
 *
 * @example
 * ```ts
 * await checkCalendarRestore(ctx, event);
 * ```
 */
export async function checkCalendarRestore(ctx: CommandContext, event: CalendarEventDoc): Promise<void> {
  if (event.taskId !== null) await ctx.load('tasks', event.taskId);
  if (event.status === 'cancelled') return;
  const settings = await readSettings(ctx.tx);
  const report = await inspectSchedule(ctx.tx, { ...event, eventId: event.id }, settings);
  enforceSchedule({ conflicts: report.conflicts, outsideHours: [] }, false, ctx.principal.userId, ctx.now);
}
