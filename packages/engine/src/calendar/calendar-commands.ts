import { defineCommand, type Ownership } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { readSettings } from '../settings/settings-service.js';
import type { ReadTransaction } from '../storage/contract.js';
import { bookEvent, emitChanged } from './book-event.js';
import type { CalendarEvent, CalendarEventDoc } from './calendar-event.js';
import {
  cancelEventInput,
  cancelOccurrenceInput,
  changedFields,
  checkHolders,
  createEventInput,
  eventRefInput,
  rescheduleEventInput,
  resolveTimes,
  updateEventInput,
} from './calendar-inputs.js';
import { expandSeries, movedExdates, seriesEnd } from './recurrence.js';
import { enforceSchedule, inspectSchedule } from './schedule-check.js';
import { parseInstant } from './time-zone.js';

const COLLECTION = 'calendarEvents';

/** A technician's grant on an existing event: the one whose technician they are. */
function ownEvent<I extends { id: string }>(): Ownership<I> {
  return {
    assignee: async (tx: ReadTransaction, input: I) =>
      (await tx.get<CalendarEvent>(COLLECTION, input.id))?.technicianId ?? null,
    fields: (input) => changedFields(input as Record<string, unknown>),
  };
}

async function loadLive(
  ctx: Parameters<typeof bookEvent>[0],
  id: string,
  rev?: number,
): Promise<CalendarEventDoc> {
  return ctx.load<CalendarEvent>(COLLECTION, id, rev === undefined ? {} : { rev });
}

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
  input: createEventInput,
  ownership: {
    assignee: async (_tx, input) => input.technicianId ?? null,
    fields: (input) => changedFields(input),
  },
  run: async (ctx, input) => {
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
  },
});

/** Most occurrences of one series that can be cancelled one by one. */
const MAX_EXDATES = 1000;

function refuseCancelled(event: CalendarEventDoc): void {
  if (event.status === 'cancelled') {
    throw new EngineError('PRECONDITION', `calendar event ${event.id} is cancelled`, {
      details: { id: event.id },
    });
  }
}

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
  input: rescheduleEventInput,
  ownership: ownEvent(),
  run: async (ctx, input) => {
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
  },
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
  input: cancelOccurrenceInput,
  ownership: ownEvent(),
  run: async (ctx, input) => {
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
    const found = (await expandSeries(event, { start: at, end: at + 1 }, timeZone)).some(
      (o) => o.start === at,
    );
    if (!found) {
      throw new EngineError(
        'NOT_FOUND',
        `calendar event ${event.id} has no occurrence starting at ${start}`,
        {
          details: { collection: 'calendarEvents', id: event.id, occurrenceStart: start },
        },
      );
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
  },
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
  input: updateEventInput,
  ownership: ownEvent(),
  run: async (ctx, input) => {
    const event = await loadLive(ctx, input.id, input.rev);
    if (input.taskId) await ctx.load('tasks', input.taskId);
    const updated = await ctx.update<CalendarEvent>(COLLECTION, event, {
      title: input.title,
      notes: input.notes,
      taskId: input.taskId,
    });
    if (updated !== event) emitChanged(ctx, updated, 'updated');
    return updated;
  },
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
  input: cancelEventInput,
  ownership: ownEvent(),
  run: async (ctx, input) => {
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
  },
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
  input: eventRefInput,
  ownership: ownEvent(),
  run: async (ctx, input) => {
    const event = await loadLive(ctx, input.id, input.rev);
    const deleted = await ctx.softDelete<CalendarEvent>(COLLECTION, event);
    emitChanged(ctx, deleted, 'deleted');
    return deleted;
  },
});
