import type * as z from 'zod/mini';
import type { CommandContext } from '../domain/command.js';
import { readSettings } from '../settings/settings-service.js';
import type { Task } from '../tasks/task-model.js';
import { transitionTask } from '../tasks/task-status.js';
import { bookEvent } from './book-event.js';
import type { ScheduledTask, scheduleTaskInputs } from './schedule-task.js';
import { cancelTaskEvents } from './task-events.js';

/**
 * The body of `calendar.scheduleTask` ({@link scheduleTask} in `schedule-task.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./schedule-task-body.js')).scheduleTask(ctx, input);
 * ```
 */
export async function scheduleTask(
  ctx: CommandContext,
  input: z.output<typeof scheduleTaskInputs.scheduleTask>,
): Promise<ScheduledTask> {
  const task = await ctx.load<Task>('tasks', input.taskId, input.rev === undefined ? {} : { rev: input.rev });
  const settings = await readSettings(ctx.tx);
  if (task.status === 'scheduled') {
    await cancelTaskEvents(ctx, task.id, 'the task was rescheduled', ['appointment']);
  }
  const appointment = await bookEvent(
    ctx,
    settings,
    {
      kind: 'appointment',
      title: input.title ?? `${task.number} — ${task.title}`,
      start: input.start,
      end: input.end,
      technicianId: input.technicianId,
      bayId: input.bayId ?? null,
      taskId: task.id,
      recurrence: null,
      notes: input.notes ?? null,
    },
    input.override ?? false,
  );
  const planned = await ctx.update<Task>('tasks', task, {
    technicianId: input.technicianId,
    scheduledStart: appointment.start,
    scheduledEnd: appointment.end,
  });
  const saved = planned.status === 'scheduled' ? planned : await transitionTask(ctx, planned, 'scheduled');
  if (planned !== task) {
    const fields = ['technicianId', 'scheduledStart', 'scheduledEnd'];
    ctx.emit('task.updated', {
      id: saved.id,
      number: saved.number,
      fields,
      by: ctx.principal.userId,
      at: ctx.now,
    });
  }
  return { task: saved, appointment };
}
