import type { CommandContext } from '../domain/command.js';
import type { CalendarEventDoc } from './calendar-event.js';

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
