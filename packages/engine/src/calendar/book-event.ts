import type { CommandContext } from '../domain/command.js';
import type { BusinessHours } from './business-hours.js';
import type { CalendarEvent, CalendarEventDoc, CalendarEventKind } from './calendar-event.js';
import { checkHolders, resolveTimes } from './calendar-inputs.js';
import { seriesEnd } from './recurrence.js';
import { enforceSchedule, inspectSchedule } from './schedule-check.js';

/**
 * The organisation settings the calendar reads.
 *
 * @example
 * ```ts
 * const settings: CalendarSettings = { timeZone: 'Europe/Paris', businessHours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' } };
 * ```
 */
export interface CalendarSettings {
  timeZone: string;
  businessHours: BusinessHours;
}

/**
 * A booking as `calendar.create` and `calendar.scheduleTask` make it: times as callers give
 * them (read in the organisation's zone when they carry no offset).
 *
 * @example
 * ```ts
 * const request: BookingRequest = { kind: 'appointment', title: 'Drop-off', start: '2026-03-30T09:00',
 *   end: '2026-03-30T09:30', technicianId: 'u-2', bayId: null, taskId: null, recurrence: null, notes: null };
 * ```
 */
export interface BookingRequest {
  kind: CalendarEventKind;
  title: string;
  start: string;
  end: string;
  technicianId: string | null;
  bayId: string | null;
  taskId: string | null;
  recurrence: string | null;
  notes: string | null;
}

/**
 * Books an event inside the command's transaction: resolves its times in the organisation's
 * zone, checks its holders and rule, refuses a double booking (`CONFLICT`) or a time outside
 * business hours (`PRECONDITION`) unless `override`, inserts it (audited, with what was
 * overridden) and queues `calendar.changed`.
 *
 * @example
 * ```ts
 * const event = await bookEvent(ctx, settings, request, input.override ?? false);
 * ```
 */
export async function bookEvent(
  ctx: CommandContext,
  settings: CalendarSettings,
  request: BookingRequest,
  override: boolean,
): Promise<CalendarEventDoc> {
  const times = resolveTimes(request.start, request.end, settings.timeZone);
  const recurrence = await checkHolders(
    request.kind,
    request.technicianId,
    request.bayId,
    request.recurrence,
  );
  if (request.taskId !== null) await ctx.load('tasks', request.taskId);
  const draft = { ...request, ...times, recurrence };
  const report = await inspectSchedule(ctx.tx, draft, settings);
  const overridden = enforceSchedule(report, override, ctx.principal.userId, ctx.now);
  const event = await ctx.insert<CalendarEvent>('calendarEvents', {
    ...draft,
    exdates: [],
    seriesEnd: await seriesEnd(draft, settings.timeZone),
    status: 'booked',
    cancelReason: null,
    override: overridden,
  });
  emitChanged(ctx, event, 'created');
  return event;
}

/**
 * What happened to a calendar event, as `calendar.changed` says (`occurrence_cancelled`: one
 * occurrence of a recurring event was cancelled, see `calendar.cancelOccurrence`).
 *
 * @example
 * ```ts
 * engine.events.on('calendar.changed', (e) => e.change === 'cancelled' && notify(e.technicianId));
 * ```
 */
export type CalendarChange =
  | 'created'
  | 'rescheduled'
  | 'updated'
  | 'cancelled'
  | 'occurrence_cancelled'
  | 'deleted'
  | 'restored';

/**
 * Queues `calendar.changed` for an event (published after the commit).
 *
 * @example
 * ```ts
 * emitChanged(ctx, event, 'cancelled');
 * ```
 */
export function emitChanged(ctx: CommandContext, event: CalendarEventDoc, change: CalendarChange): void {
  ctx.emit('calendar.changed', {
    eventId: event.id,
    change,
    kind: event.kind,
    technicianId: event.technicianId,
    bayId: event.bayId,
    taskId: event.taskId,
  });
}
