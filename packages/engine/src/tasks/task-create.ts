import * as z from 'zod/mini';
import type { Client } from '../clients/client-model.js';
import { countNewTask } from '../clients/client-stats.js';
import { type CommandContext, defineCommand } from '../domain/command.js';
import { idString } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import { newVehicleShape } from '../vehicles/vehicle-model.js';
import { createVehicleIn } from '../vehicles/vehicle-operations.js';
import { checkSchedule, taskSearchText, vehicleOfClient } from './task-checks.js';
import { type Task, type TaskView, taskFields } from './task-model.js';
import { nextTaskNumber } from './task-number.js';
import { withOverdue } from './task-status.js';

const createShape = {
  title: taskFields.title,
  clientId: taskFields.clientId,
  vehicleId: z.optional(idString),
  vehicle: z.optional(z.strictObject(newVehicleShape)),
  service: taskFields.service,
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
};

/** What `tasks.create` takes, as parsed (also what the calendar's "schedule a task" passes on). */
export type NewTask = z.output<z.ZodMiniObject<typeof createShape>>;

/** The zod/mini schema of `tasks.create`. */
export const createTaskInput = z.strictObject(createShape);

/**
 * Creates a task inside the caller's transaction: numbers it, creates the inline vehicle if
 * given, refreshes the client's stats and queues `task.created`. The status is `scheduled` when
 * a start is given, else `draft`. Exposed for commands of other modules that create a task as
 * part of their own transaction (the calendar's "schedule a task").
 *
 * @example
 * ```ts
 * const task = await createTaskIn(ctx, { title: 'Ceramic', clientId, service: 'ceramic' });
 * ```
 */
export async function createTaskIn(ctx: CommandContext, input: NewTask): Promise<TaskView> {
  const { vehicle: newVehicle, vehicleId, ...rest } = input;
  if (newVehicle && vehicleId) {
    throw new EngineError('VALIDATION', 'give either vehicleId or vehicle, not both', {
      details: { issues: [{ path: 'vehicle', message: 'vehicleId is already given', code: 'custom' }] },
    });
  }
  const schedule = { scheduledStart: rest.scheduledStart ?? null, scheduledEnd: rest.scheduledEnd ?? null };
  checkSchedule(schedule);
  await ctx.load<Client>('clients', rest.clientId);
  const vehicle = newVehicle
    ? await createVehicleIn(ctx, rest.clientId, newVehicle)
    : vehicleId
      ? await vehicleOfClient(ctx, vehicleId, rest.clientId)
      : null;
  const number = await nextTaskNumber(ctx);
  const status = schedule.scheduledStart ? 'scheduled' : 'draft';
  const fields: Task = {
    number,
    title: rest.title,
    clientId: rest.clientId,
    vehicleId: vehicle?.id ?? null,
    service: rest.service,
    coverage: rest.coverage ?? [],
    priority: rest.priority ?? 'normal',
    technicianId: rest.technicianId ?? null,
    ...schedule,
    dueAt: rest.dueAt ?? null,
    estimate: rest.estimate ?? { minutes: null, amount: null },
    checklist: rest.checklist ?? [],
    notes: rest.notes ?? '',
    tags: rest.tags ?? [],
    filmLot: null,
    actualDurationMinutes: null,
    status,
    statusHistory: [{ from: null, to: status, at: ctx.now, by: ctx.principal.userId, reason: null }],
    delays: [],
    billedAmount: null,
    completedAt: null,
    searchText: '',
  };
  fields.searchText = taskSearchText(fields, vehicle?.plate ?? null);
  const task = await ctx.insert<Task>('tasks', fields);
  await countNewTask(ctx, task.clientId);
  ctx.emit('task.created', {
    id: task.id,
    number,
    status,
    clientId: task.clientId,
    technicianId: task.technicianId,
    at: ctx.now,
  });
  return withOverdue(task, ctx.now);
}

/**
 * `tasks.create`: a new numbered task for a client, with an existing vehicle (`vehicleId`, which
 * must be the client's) or a new one (`vehicle`).
 *
 * @example
 * ```ts
 * const task = await shop.tasks.create({
 *   title: 'Full front PPF', clientId, vehicle: { make: 'Porsche', model: '911', plate: 'AB-123-CD' },
 *   service: 'ppf', coverage: ['hood', 'front_bumper'], scheduledStart: '2026-03-02T08:00:00Z',
 * });
 * ```
 */
export const createTask = defineCommand({
  name: 'tasks.create',
  input: createTaskInput,
  run: (ctx, input) => createTaskIn(ctx, input),
});
