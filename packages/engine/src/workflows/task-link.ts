import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc, ReadTransaction } from '../storage/contract.js';

/**
 * The fields of a task an intervention reads: which workflow (`service`), which zones or panels
 * (`coverage`), who it is assigned to, and its status.
 *
 * @example
 * ```ts
 * const task = await loadWorkflowTask(tx, taskId);
 * task.service; // 'ppf'
 * ```
 */
export interface WorkflowTaskFields {
  service: string;
  coverage?: string[];
  technicianId?: string | null;
  status: string;
}

/** Task statuses an intervention cannot start from. */
const CLOSED = new Set(['completed', 'cancelled', 'archived']);

/**
 * Loads a live task, `NOT_FOUND` when it is missing or in the trash.
 *
 * @example
 * ```ts
 * const task = await loadWorkflowTask(ctx.tx, input.taskId);
 * ```
 */
export async function loadWorkflowTask(
  tx: ReadTransaction,
  taskId: string,
): Promise<Doc<WorkflowTaskFields>> {
  const task = await tx.get<WorkflowTaskFields>('tasks', taskId);
  if (!task || task.deletedAt !== null) {
    throw new EngineError('NOT_FOUND', `tasks ${taskId} does not exist`, {
      details: { collection: 'tasks', id: taskId },
    });
  }
  return task;
}

/**
 * Refuses to start on a task that is closed.
 *
 * @example
 * ```ts
 * assertTaskOpen(task);
 * ```
 */
export function assertTaskOpen(task: Doc<WorkflowTaskFields>): void {
  if (CLOSED.has(task.status)) {
    throw new EngineError(
      'PRECONDITION',
      `task ${task.id} is ${task.status}; an intervention cannot start on it`,
      {
        details: { taskId: task.id, status: task.status },
      },
    );
  }
}

/**
 * Moves the task to `status` inside the command's transaction (audited), unless it is there.
 *
 * @example
 * ```ts
 * await moveTask(ctx, task, 'completed');
 * ```
 */
export async function moveTask(
  ctx: CommandContext,
  task: Doc<WorkflowTaskFields>,
  status: 'in_progress' | 'completed',
): Promise<void> {
  if (task.status === status) return;
  await ctx.update<WorkflowTaskFields>('tasks', task, { status });
}
