import { ContainerModule } from 'inversify';
import { refreshClientStats } from '../clients/client-stats.js';
import type { CommandContext } from '../domain/command.js';
import { registerOperations } from '../domain/domain-module.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Doc } from '../storage/contract.js';
import type { TrashHandler } from '../trash/trash-registry.js';
import { changeTaskStatus, delayTask, deleteTask, updateTask } from './task-commands.js';
import { createTask } from './task-create.js';
import { countersCollection, type Task, tasksCollection } from './task-model.js';
import { countTasksByStatus, getTask, pageTasks } from './task-queries.js';

/** The task operations, as the `shop.tasks` section exposes them. */
export const taskOperations = {
  create: createTask,
  update: updateTask,
  changeStatus: changeTaskStatus,
  delay: delayTask,
  delete: deleteTask,
  get: getTask,
  page: pageTasks,
  countByStatus: countTasksByStatus,
};

const taskTrash: TrashHandler<Task> = {
  collection: 'tasks',
  beforeRestore: async (ctx: CommandContext, task: Doc<Task>) => {
    await ctx.load('clients', task.clientId);
    if (task.vehicleId) await ctx.load('vehicles', task.vehicleId);
  },
  afterRestore: async (ctx: CommandContext, task: Doc<Task>) => {
    await refreshClientStats(ctx, task.clientId);
  },
};

/**
 * Tasks: the collection, the counters used for numbering, the operations, and the trash
 * handler (restored only under a live client and vehicle; the client's stats follow; the
 * calendar events cancelled when the task was deleted stay cancelled — see `tasks.delete`).
 *
 * @example
 * ```ts
 * await container.load(tasksModule);
 * ```
 */
export const tasksModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Collections).toConstantValue(tasksCollection);
  bind(TOKENS.Collections).toConstantValue(countersCollection);
  registerOperations(bind, taskOperations);
  bind<TrashHandler>(TOKENS.Trashable).toConstantValue(taskTrash);
});
