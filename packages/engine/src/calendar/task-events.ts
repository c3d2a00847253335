import type { CommandContext } from '../domain/command.js';
import type { Where } from '../storage/contract.js';
import { emitChanged } from './calendar-changed.js';
import type { CalendarEvent, CalendarEventDoc, CalendarEventKind } from './calendar-event.js';

/**
 * Cancels the booked calendar events linked to a task (its `taskId`), in the caller's
 * transaction: each one an audited update (`status: 'cancelled'`, `cancelReason: reason`,
 * recorded under the calling command) with its outbox row, and a `calendar.changed`
 * (`change: 'cancelled'`) published after the commit. Only `kinds` when given (rescheduling a
 * task cancels its appointments only); events already cancelled or in the trash are left as
 * they are. Returns the events it cancelled.
 *
 * Used by `tasks.delete`, by a task's move to `cancelled` (`transitionTask`) and by
 * `calendar.scheduleTask`, so no booked event keeps a technician or a bay for a job that will
 * not happen.
 *
 * @example
 * ```ts
 * await cancelTaskEvents(ctx, task.id, 'the task was deleted');
 * ```
 */
export async function cancelTaskEvents(
  ctx: CommandContext,
  taskId: string,
  reason: string,
  kinds?: readonly CalendarEventKind[],
): Promise<CalendarEventDoc[]> {
  const where: Where = { taskId, status: 'booked' };
  if (kinds !== undefined) where.kind = { in: [...kinds] };
  const linked: CalendarEventDoc[] = [];
  let after: string | undefined;
  do {
    const page = await ctx.tx.find<CalendarEvent>('calendarEvents', {
      where,
      orderBy: [{ field: 'start' }],
      limit: 500,
      ...(after ? { after } : {}),
    });
    linked.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  const cancelled: CalendarEventDoc[] = [];
  for (const event of linked) {
    const saved = await ctx.update<CalendarEvent>('calendarEvents', event, {
      status: 'cancelled',
      cancelReason: reason,
    });
    emitChanged(ctx, saved, 'cancelled');
    cancelled.push(saved);
  }
  return cancelled;
}
