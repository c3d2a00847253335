import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc, ReadTransaction } from '../storage/contract.js';
import type { Task } from '../tasks/task-model.js';
import { transitionTask } from '../tasks/task-status.js';

/** Task statuses an intervention cannot start from. */
const CLOSED = new Set(['completed', 'cancelled', 'archived']);

/**
 * Loads a live task for an intervention, `NOT_FOUND` when it is missing or in the trash, and
 * `PRECONDITION` when it is closed.
 *
 * @example
 * ```ts
 * const task = await loadOpenTask(ctx.tx, input.taskId);
 * task.service; // 'ppf'
 * ```
 */
export async function loadOpenTask(tx: ReadTransaction, taskId: string): Promise<Doc<Task>> {
  const task = await tx.get<Task>('tasks', taskId);
  if (!task || task.deletedAt !== null) {
    throw new EngineError('NOT_FOUND', `tasks ${taskId} does not exist`, {
      details: { collection: 'tasks', id: taskId },
    });
  }
  if (CLOSED.has(task.status)) {
    throw new EngineError(
      'PRECONDITION',
      `task ${task.number} is ${task.status}; an intervention cannot start on it`,
      {
        details: { taskId: task.id, status: task.status },
      },
    );
  }
  return task;
}

/**
 * Moves the task through the tasks module's status table, in the command's transaction
 * (history, client stats and `task.status_changed` included), unless it is already there.
 *
 * @example
 * ```ts
 * await moveTask(ctx, task, 'completed', { actualDurationMinutes: 410 });
 * ```
 */
export async function moveTask(
  ctx: CommandContext,
  task: Doc<Task>,
  status: 'in_progress' | 'completed',
  options: { actualDurationMinutes?: number } = {},
): Promise<void> {
  if (task.status === status) return;
  await transitionTask(ctx, task, status, options);
}
