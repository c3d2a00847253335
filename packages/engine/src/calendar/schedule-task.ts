import * as z from 'zod/mini';
import { defineCommand } from '../domain/command.js';
import { idString, longText, revNumber, shortText } from '../domain/schemas.js';
import { readSettings } from '../settings/settings-service.js';
import type { Doc } from '../storage/contract.js';
import type { Task } from '../tasks/task-model.js';
import { transitionTask } from '../tasks/task-status.js';
import { bookEvent } from './book-event.js';
import type { CalendarEventDoc } from './calendar-event.js';
import { instantText } from './calendar-inputs.js';
import { cancelTaskEvents } from './task-events.js';

const scheduleTaskInput = z.strictObject({
  taskId: idString,
  rev: z.optional(revNumber),
  start: instantText,
  end: instantText,
  technicianId: idString,
  bayId: z.optional(z.nullable(idString)),
  title: z.optional(shortText),
  notes: z.optional(z.nullable(longText)),
  override: z.optional(z.boolean()),
});

/**
 * What `calendar.scheduleTask` returns: the task as saved and its appointment.
 *
 * @example
 * ```ts
 * const { task, appointment }: ScheduledTask = await shop.calendar.scheduleTask({ taskId, start, end, technicianId });
 * ```
 */
export interface ScheduledTask {
  task: Doc<Task>;
  appointment: CalendarEventDoc;
}

/**
 * `calendar.scheduleTask`: books the task's appointment and schedules the task, in ONE
 * transaction — the appointment (checked for double bookings and business hours like any
 * booking; `override: true` to book past them), the task's technician and schedule fields, and
 * its move to `scheduled` through the task status table (with history). Scheduling a task that is
 * already scheduled moves it: its previous appointments are cancelled. Either everything is
 * saved or nothing is.
 *
 * @example
 * ```ts
 * const { task, appointment } = await shop.calendar.scheduleTask({
 *   taskId: task.id, start: '2026-03-30T09:00', end: '2026-03-30T17:00', technicianId: 'u-2', bayId: 'bay-1',
 * });
 * task.status; // 'scheduled'
 * ```
 */
export const scheduleTask = defineCommand({
  name: 'calendar.scheduleTask',
  input: scheduleTaskInput,
  run: async (ctx, input): Promise<ScheduledTask> => {
    const task = await ctx.load<Task>(
      'tasks',
      input.taskId,
      input.rev === undefined ? {} : { rev: input.rev },
    );
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
  },
});
