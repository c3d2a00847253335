import { readSettings } from '../settings/settings-service.js';
import type { TrashHandler } from '../trash/trash-registry.js';
import { emitChanged } from './book-event.js';
import type { CalendarEvent } from './calendar-event.js';
import { enforceSchedule, inspectSchedule } from './schedule-check.js';

/**
 * How the trash treats calendar events: a booked event comes back only if its task is live and
 * it double-books nobody who was booked meanwhile (`NOT_FOUND` / `CONFLICT` naming the events);
 * a restore publishes `calendar.changed`.
 *
 * @example
 * ```ts
 * bind<TrashHandler>(TOKENS.Trashable).toConstantValue(calendarTrash);
 * ```
 */
export const calendarTrash: TrashHandler<CalendarEvent> = {
  collection: 'calendarEvents',
  beforeRestore: async (ctx, event) => {
    if (event.taskId !== null) await ctx.load('tasks', event.taskId);
    if (event.status === 'cancelled') return;
    const settings = await readSettings(ctx.tx);
    const report = await inspectSchedule(ctx.tx, { ...event, eventId: event.id }, settings);
    enforceSchedule({ conflicts: report.conflicts, outsideHours: [] }, false, ctx.principal.userId, ctx.now);
  },
  afterRestore: async (ctx, event) => emitChanged(ctx, event, 'restored'),
};
