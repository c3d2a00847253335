import * as z from 'zod/mini';
import { defineCommand } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { idString, longText, revNumber, shortText } from '../domain/schemas.js';
import { lazyModule } from '../kernel/lazy-module.js';
import type { Doc } from '../storage/contract.js';
import type { Task } from '../tasks/task-model.js';
import type { CalendarEventDoc } from './calendar-event.js';
import { instantText } from './calendar-inputs.js';

const bodies = lazyModule('calendar operations', () => import('./calendar-bodies.js'));

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
 * The input schemas of the operations of this file (their bodies, in `schedule-task-body.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof scheduleTaskInputs.scheduleTask> = parseInput(scheduleTaskInputs.scheduleTask, raw, 'calendar.scheduleTask');
 * ```
 */
export const scheduleTaskInputs = {
  scheduleTask: scheduleTaskInput,
};

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
  input: scheduleTaskInputs.scheduleTask,
  run: lazyBody(bodies, 'scheduleTask'),
});
