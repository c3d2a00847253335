import { cancelTaskEvents } from '../calendar/task-events.js';
import { refreshClientStats } from '../clients/client-stats.js';
import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc } from '../storage/contract.js';
import { OPEN_STATUSES, type Task, type TaskStatus, type TaskView } from './task-model.js';

/**
 * THE task status table: from each status, the statuses a task may move to.
 * draft → scheduled → in_progress → completed → archived; on_hold pauses a scheduled or running
 * task; cancelled ends an unfinished one; archived is final.
 *
 * @example
 * ```ts
 * TASK_TRANSITIONS.in_progress; // ['completed', 'on_hold', 'cancelled']
 * ```
 */
export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['in_progress', 'on_hold', 'draft', 'cancelled'],
  in_progress: ['completed', 'on_hold', 'cancelled'],
  on_hold: ['scheduled', 'in_progress', 'cancelled'],
  completed: ['archived'],
  cancelled: ['archived'],
  archived: [],
};

/** Moves that must say why. */
const NEEDS_REASON: readonly TaskStatus[] = ['on_hold', 'cancelled'];

/** Options of a status change. */
export interface TransitionOptions {
  reason?: string | null;
  /** On completion: what was billed (default: the estimate's amount). */
  billedAmount?: number | null;
  actualDurationMinutes?: number | null;
}

/**
 * Moves a task to `to` inside the caller's transaction, per {@link TASK_TRANSITIONS}: records
 * who/when/why in the history, stamps completion, refreshes the client's stats, and queues
 * `task.status_changed`. `INVALID_TRANSITION` names the allowed moves; `PRECONDITION` when
 * scheduling without a start or pausing/cancelling without a reason.
 *
 * A move to `cancelled` also cancels the task's booked calendar events (appointments, bay
 * bookings: every event whose `taskId` is the task), in the same transaction, each with its
 * audit row and `cancelReason` "the task was cancelled: <reason>", so the technician's and
 * the bay's time is free again. A cancelled task never comes back (it may only be archived),
 * and neither do those events.
 *
 * This is also how the workflow runtime completes a task from a finalised intervention, in the
 * intervention's own transaction.
 *
 * @example
 * ```ts
 * await transitionTask(ctx, task, 'completed', { actualDurationMinutes: 420 });
 * ```
 */
export async function transitionTask(
  ctx: CommandContext,
  task: Doc<Task>,
  to: TaskStatus,
  options: TransitionOptions = {},
): Promise<Doc<Task>> {
  const from = task.status;
  if (!TASK_TRANSITIONS[from].includes(to)) {
    throw new EngineError(
      'INVALID_TRANSITION',
      `task ${task.number} cannot go from ${from} to ${to}; allowed: ${TASK_TRANSITIONS[from].join(', ') || 'none'}`,
      { details: { id: task.id, from, to, allowed: TASK_TRANSITIONS[from] } },
    );
  }
  const reason = options.reason?.trim() || null;
  if (NEEDS_REASON.includes(to) && !reason) {
    throw new EngineError('PRECONDITION', `moving task ${task.number} to ${to} needs a reason`, {
      details: { id: task.id, to },
    });
  }
  if (to === 'scheduled' && task.scheduledStart === null) {
    throw new EngineError(
      'PRECONDITION',
      `task ${task.number} needs a scheduled start before it is scheduled`,
      {
        details: { id: task.id },
      },
    );
  }
  const change = { from, to, at: ctx.now, by: ctx.principal.userId, reason };
  const patch: Partial<Task> = { status: to, statusHistory: [...task.statusHistory, change] };
  if (to === 'completed') {
    patch.completedAt = ctx.now;
    patch.billedAmount = options.billedAmount ?? task.estimate.amount;
    if (options.actualDurationMinutes !== undefined)
      patch.actualDurationMinutes = options.actualDurationMinutes;
  }
  const saved = await ctx.update<Task>('tasks', task, patch);
  if (to === 'cancelled') await cancelTaskEvents(ctx, task.id, `the task was cancelled: ${reason}`);
  await refreshClientStats(ctx, task.clientId);
  ctx.emit('task.status_changed', {
    id: task.id,
    number: task.number,
    from,
    to,
    by: ctx.principal.userId,
    reason,
    at: ctx.now,
  });
  return saved;
}

/**
 * A task as returned to callers, with `overdue` derived at `now`.
 *
 * @example
 * ```ts
 * withOverdue(task, ctx.now).overdue;
 * ```
 */
export function withOverdue(task: Doc<Task>, now: string): TaskView {
  const overdue = OPEN_STATUSES.includes(task.status) && task.dueAt !== null && task.dueAt < now;
  return { ...task, overdue };
}
