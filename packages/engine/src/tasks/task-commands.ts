import * as z from 'zod/mini';
import type { Client } from '../clients/client-model.js';
import { countNewTask, refreshClientStats } from '../clients/client-stats.js';
import { buildSearchText } from '../clients/search-text.js';
import { type CommandContext, defineCommand, type Ownership } from '../domain/command.js';
import { fieldDiff } from '../domain/diff.js';
import { idString, isoDate, revNumber, shortText } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc, ReadTransaction } from '../storage/contract.js';
import { newVehicleShape, type Vehicle } from '../vehicles/vehicle-model.js';
import { createVehicleIn } from '../vehicles/vehicle-operations.js';
import { TASK_STATUSES, type Task, type TaskView, taskFields } from './task-model.js';
import { nextTaskNumber } from './task-number.js';
import { transitionTask, withOverdue } from './task-status.js';

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

function checkSchedule(t: Pick<Task, 'scheduledStart' | 'scheduledEnd'>): void {
  if (t.scheduledStart && t.scheduledEnd && t.scheduledEnd <= t.scheduledStart) {
    throw new EngineError('VALIDATION', 'a task must end after it starts', {
      details: {
        issues: [{ path: 'scheduledEnd', message: 'must be after scheduledStart', code: 'custom' }],
      },
    });
  }
}

async function vehicleOfClient(
  ctx: CommandContext,
  vehicleId: string,
  clientId: string,
): Promise<Doc<Vehicle>> {
  const vehicle = await ctx.load<Vehicle>('vehicles', vehicleId);
  if (vehicle.clientId !== clientId) {
    throw new EngineError('PRECONDITION', `vehicle ${vehicleId} belongs to another client`, {
      details: { vehicleId, clientId },
    });
  }
  return vehicle;
}

function taskSearchText(
  task: Pick<Task, 'number' | 'title' | 'service' | 'tags' | 'notes'>,
  plate: string | null,
): string {
  return buildSearchText({
    text: [task.number, task.title, task.service, ...task.tags, task.notes],
    plates: [plate],
  });
}

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
 * `tasks.delete`: moves a task to the trash (its number stays taken) and refreshes the client's stats.
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
    await refreshClientStats(ctx, task.clientId);
    return deleted;
  },
});
