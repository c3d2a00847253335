import { lazyBody } from '../domain/lazy-body.js';
import { lazyModule } from '../kernel/lazy-module.js';
import type { TrashHandler } from '../trash/trash-registry.js';
import { emitChanged } from './calendar-changed.js';
import type { CalendarEvent } from './calendar-event.js';

const bodies = lazyModule('calendar operations', () => import('./calendar-bodies.js'));

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
  beforeRestore: lazyBody(bodies, 'checkCalendarRestore'),
  afterRestore: async (ctx, event) => emitChanged(ctx, event, 'restored'),
};
