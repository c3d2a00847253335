import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { BusinessHours } from './business-hours.js';
import { emitChanged } from './calendar-changed.js';
import type { CalendarEvent, CalendarEventDoc, CalendarEventKind } from './calendar-event.js';
import { CALENDAR_SPAN } from './calendar-inputs.js';
import { normaliseRecurrence, seriesEnd } from './recurrence-rules.js';
import { enforceSchedule, inspectSchedule } from './schedule-check.js';
import { parseInstant } from './time-zone.js';

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

/** The longest single occurrence: 31 days. */
const MAX_EVENT_MS = 31 * 86_400_000;

function invalid(path: string, message: string): EngineError {
  return new EngineError('VALIDATION', `invalid ${path}: ${message}`, {
    details: { issues: [{ path, message, code: 'custom' }] },
  });
}

/**
 * Reads `start` and `end` in the organisation's `zone` (see {@link instantText}) and returns them
 * as UTC ISO strings; refuses unreadable times, an end not after the start, or an occurrence
 * longer than {@link MAX_EVENT_MS}.
 *
 * @example
 * ```ts
 * resolveTimes('2026-03-30T09:00', '2026-03-30T11:00', 'Europe/Paris');
 * // { start: '2026-03-30T07:00:00.000Z', end: '2026-03-30T09:00:00.000Z' }
 * ```
 */
export function resolveTimes(start: string, end: string, zone: string): { start: string; end: string } {
  const from = parseInstant(start, zone);
  if (from === undefined) throw invalid('start', `"${start}" is not an ISO-8601 date-time`);
  const to = parseInstant(end, zone);
  if (to === undefined) throw invalid('end', `"${end}" is not an ISO-8601 date-time`);
  if (from < CALENDAR_SPAN.start || to > CALENDAR_SPAN.end)
    throw invalid('start', 'times must lie in 2000–2099');
  if (to <= from) throw invalid('end', 'an event must end after it starts');
  if (to - from > MAX_EVENT_MS) throw invalid('end', 'an occurrence may last at most 31 days');
  return { start: new Date(from).toISOString(), end: new Date(to).toISOString() };
}

/**
 * Checks who and what an event of `kind` holds: a bay booking needs a bay, time off a
 * technician or a bay. Resolves to the rule in canonical form (or null).
 *
 * @example
 * ```ts
 * const recurrence = await checkHolders('time_off', 'u-2', null, 'FREQ=WEEKLY;BYDAY=SA');
 * ```
 */
export async function checkHolders(
  kind: CalendarEventKind,
  technicianId: string | null,
  bayId: string | null,
  recurrence: string | null,
): Promise<string | null> {
  if (kind === 'bay_booking' && bayId === null) throw invalid('bayId', 'a bay booking needs a bay');
  if (kind === 'time_off' && technicianId === null && bayId === null) {
    throw invalid('technicianId', 'time off needs a technician or a bay');
  }
  return recurrence === null ? null : normaliseRecurrence(recurrence);
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
