import * as z from 'zod/mini';
import { cancelTaskEvents } from '../calendar/task-events.js';
import { refreshClientStats } from '../clients/client-stats.js';
import { defineCommand, type Ownership } from '../domain/command.js';
import { fieldDiff } from '../domain/diff.js';
import { idString, isoDate, revNumber, shortText } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc, ReadTransaction } from '../storage/contract.js';
import { checkSchedule, taskSearchText, vehicleOfClient } from './task-checks.js';
import { TASK_STATUSES, type Task, type TaskView, taskFields } from './task-model.js';
import { transitionTask, withOverdue } from './task-status.js';

/** Ownership of a task: its technician. */
function taskOwnership<I extends { id: string }>(fields?: (input: I) => string[]): Ownership<I> {
  return {
    assignee: async (tx: ReadTransaction, input: I) => (await tx.get<Task>('tasks', input.id))?.technicianId,
    ...(fields ? { fields } : {}),
  };
}

const updateInput = z.strictObject({
  id: idString,
  rev: z.optional(revNumber),
  title: z.optional(taskFields.title),
  vehicleId: z.optional(taskFields.vehicleId),
  service: z.optional(taskFields.service),
  coverage: z.optional(taskFields.coverage),
  priority: z.optional(taskFields.priority),
  technicianId: z.optional(taskFields.technicianId),
  scheduledStart: z.optional(taskFields.scheduledStart),
  scheduledEnd: z.optional(taskFields.scheduledEnd),
  dueAt: z.optional(taskFields.dueAt),
  estimate: z.optional(taskFields.estimate),
  checklist: z.optional(taskFields.checklist),
  notes: z.optional(taskFields.notes),
  tags: z.optional(taskFields.tags),
  filmLot: z.optional(taskFields.filmLot),
  actualDurationMinutes: z.optional(taskFields.actualDurationMinutes),
});

/**
 * `tasks.update`: changes some fields of a live task (not its status: `tasks.changeStatus`).
 * A technician may run it only on a task assigned to them, and change only notes, checklist,
 * film lot and actual duration. Queues `task.updated` with the changed fields.
 *
 * @example
 * ```ts
 * await shop.tasks.update({ id: task.id, rev: task.rev, notes: 'Customer asked for matte film' });
 * ```
 */
export const updateTask = defineCommand({
  name: 'tasks.update',
  input: updateInput,
  ownership: taskOwnership((input) =>
    Object.keys(input).filter(
      (k) => k !== 'id' && k !== 'rev' && input[k as keyof typeof input] !== undefined,
    ),
  ),
  run: async (ctx, input): Promise<TaskView> => {
    const { id, rev, ...patch } = input;
    const task = await ctx.load<Task>('tasks', id, rev === undefined ? {} : { rev });
    const merged = {
      ...task,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    } as Task;
    checkSchedule(merged);
    const vehicle = merged.vehicleId ? await vehicleOfClient(ctx, merged.vehicleId, task.clientId) : null;
    const saved = await ctx.update<Task>('tasks', task, {
      ...patch,
      searchText: taskSearchText(merged, vehicle?.plate ?? null),
    });
    const fields = Object.keys(fieldDiff(task, saved)).filter((f) => f !== 'searchText');
    if (fields.length > 0) {
      ctx.emit('task.updated', { id, number: task.number, fields, by: ctx.principal.userId, at: ctx.now });
    }
    return withOverdue(saved, ctx.now);
  },
});

/**
 * `tasks.changeStatus`: moves a task along the status table (`task-status.ts`), recording who,
 * when and why. A technician may move only tasks assigned to them. `on_hold` and `cancelled`
 * need a reason; `completed` stamps the completion and the billed amount.
 *
 * @example
 * ```ts
 * await shop.tasks.changeStatus({ id: task.id, to: 'on_hold', reason: 'Film back-ordered' });
 * ```
 */
export const changeTaskStatus = defineCommand({
  name: 'tasks.changeStatus',
  input: z.strictObject({
    id: idString,
    rev: z.optional(revNumber),
    to: z.enum(TASK_STATUSES),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
    billedAmount: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(100_000_000)))),
    actualDurationMinutes: z.optional(taskFields.actualDurationMinutes),
  }),
  ownership: taskOwnership(),
  run: async (ctx, input): Promise<TaskView> => {
    const task = await ctx.load<Task>('tasks', input.id, input.rev === undefined ? {} : { rev: input.rev });
    const saved = await transitionTask(ctx, task, input.to, {
      reason: input.reason ?? null,
      ...(input.billedAmount !== undefined ? { billedAmount: input.billedAmount } : {}),
      ...(input.actualDurationMinutes !== undefined
        ? { actualDurationMinutes: input.actualDurationMinutes }
        : {}),
    });
    return withOverdue(saved, ctx.now);
  },
});

/**
 * `tasks.delay`: moves an unfinished task's schedule later, with a reason kept in `delays`.
 *
 * @example
 * ```ts
 * await shop.tasks.delay({ id, reason: 'Parts late', scheduledStart: '2026-03-05T08:00:00Z' });
 * ```
 */
export const delayTask = defineCommand({
  name: 'tasks.delay',
  input: z.strictObject({
    id: idString,
    rev: z.optional(revNumber),
    reason: shortText,
    scheduledStart: isoDate,
    scheduledEnd: z.optional(z.nullable(isoDate)),
    dueAt: z.optional(z.nullable(isoDate)),
  }),
  run: async (ctx, input): Promise<TaskView> => {
    const task = await ctx.load<Task>('tasks', input.id, input.rev === undefined ? {} : { rev: input.rev });
    if (!['draft', 'scheduled', 'on_hold'].includes(task.status)) {
      throw new EngineError(
        'PRECONDITION',
        `task ${task.number} is ${task.status}: only a task not started can be delayed`,
        {
          details: { id: task.id, status: task.status },
        },
      );
    }
    if (task.scheduledStart && input.scheduledStart <= task.scheduledStart) {
      throw new EngineError('PRECONDITION', 'a delay moves the start later', {
        details: { from: task.scheduledStart, to: input.scheduledStart },
      });
    }
    const scheduledEnd = input.scheduledEnd === undefined ? task.scheduledEnd : input.scheduledEnd;
    const dueAt = input.dueAt === undefined ? task.dueAt : input.dueAt;
    checkSchedule({ scheduledStart: input.scheduledStart, scheduledEnd });
    const delay = {
      at: ctx.now,
      by: ctx.principal.userId,
      reason: input.reason,
      fromStart: task.scheduledStart,
      toStart: input.scheduledStart,
      fromDue: task.dueAt,
      toDue: dueAt,
    };
    const saved = await ctx.update<Task>('tasks', task, {
      scheduledStart: input.scheduledStart,
      scheduledEnd,
      dueAt,
      delays: [...task.delays, delay],
    });
    const fields = Object.keys(fieldDiff(task, saved));
    ctx.emit('task.updated', {
      id: task.id,
      number: task.number,
      fields,
      by: ctx.principal.userId,
      at: ctx.now,
    });
    return withOverdue(saved, ctx.now);
  },
});

/**
 * `tasks.delete`: moves a task to the trash (its number stays taken), cancels its booked calendar
 * events (every event whose `taskId` is the task, each audited, `cancelReason` "the task was
 * deleted", `calendar.changed` published) and refreshes the client's stats — all in ONE
 * transaction: a refused delete (stale `rev`, not allowed) leaves the calendar untouched.
 *
 * Restoring the task from the trash does NOT rebook those events: meanwhile their slots may have
 * gone to other jobs, and a restore that silently double-booked, or silently left some events
 * out, would be worse than none. The restored task keeps its status and planned times; book it
 * again with `calendar.scheduleTask` (the cancelled events stay in the calendar's history, found
 * with `includeCancelled`).
 *
 * @example
 * ```ts
 * await shop.tasks.delete({ id: task.id });
 * ```
 */
export const deleteTask = defineCommand({
  name: 'tasks.delete',
  input: z.strictObject({ id: idString, rev: z.optional(revNumber) }),
  run: async (ctx, input): Promise<Doc<Task>> => {
    const task = await ctx.load<Task>('tasks', input.id, input.rev === undefined ? {} : { rev: input.rev });
    const deleted = await ctx.softDelete<Task>('tasks', task);
    await cancelTaskEvents(ctx, task.id, 'the task was deleted');
    await refreshClientStats(ctx, task.clientId);
    return deleted;
  },
});

/** Task creation lives in `task-create.ts`; re-exported here for modules that import it from this file (CSV import). */
export { createTaskIn, createTaskInput } from './task-create.js';
