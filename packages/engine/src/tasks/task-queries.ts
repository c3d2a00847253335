import * as z from 'zod/mini';
import { defineQuery } from '../domain/command.js';
import { cursor, idString, isoDate, pageLimit } from '../domain/schemas.js';
import type { OrderBy, Page, Where } from '../storage/contract.js';
import { OPEN_STATUSES, TASK_STATUSES, type Task, type TaskStatus, type TaskView } from './task-model.js';
import { withOverdue } from './task-status.js';

/**
 * `tasks.get`: one live task, with `overdue`.
 *
 * @example
 * ```ts
 * const task = await shop.tasks.get({ id });
 * ```
 */
export const getTask = defineQuery({
  name: 'tasks.get',
  input: z.strictObject({ id: idString }),
  run: async (ctx, input): Promise<TaskView> => withOverdue(await ctx.load<Task>('tasks', input.id), ctx.now),
});

const status = z.enum(TASK_STATUSES);

const filterShape = {
  status: z.optional(
    z.union([status, z.array(status).check(z.minLength(1), z.maxLength(TASK_STATUSES.length))]),
  ),
  technicianId: z.optional(z.nullable(idString)),
  clientId: z.optional(idString),
  vehicleId: z.optional(idString),
  service: z.optional(z.string().check(z.maxLength(50))),
  /** Scheduled start on or after. */
  from: z.optional(isoDate),
  /** Scheduled start before. */
  to: z.optional(isoDate),
  overdue: z.optional(z.boolean()),
};

const pageInput = z.optional(
  z.strictObject({
    ...filterShape,
    text: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    sort: z.optional(z.enum(['scheduledStart', 'dueAt', 'createdAt', 'number', 'completedAt'])),
    direction: z.optional(z.enum(['asc', 'desc'])),
    limit: z.optional(pageLimit),
    after: z.optional(cursor),
  }),
);

type Filters = { [K in keyof typeof filterShape]?: z.output<(typeof filterShape)[K]> };

/** The storage filter for task filters, with "overdue" derived from `now`. */
function taskWhere(f: Filters, now: string): Where {
  const where: Where = {};
  const and: Where[] = [];
  if (f.status !== undefined) where.status = Array.isArray(f.status) ? { in: f.status } : f.status;
  if (f.technicianId !== undefined)
    where.technicianId = f.technicianId === null ? { isNull: true } : f.technicianId;
  if (f.clientId !== undefined) where.clientId = f.clientId;
  if (f.vehicleId !== undefined) where.vehicleId = f.vehicleId;
  if (f.service !== undefined) where.service = f.service;
  if (f.from !== undefined || f.to !== undefined) {
    where.scheduledStart = {
      ...(f.from !== undefined ? { gte: f.from } : {}),
      ...(f.to !== undefined ? { lt: f.to } : {}),
    };
  }
  if (f.overdue === true) and.push({ status: { in: [...OPEN_STATUSES] }, dueAt: { lt: now } });
  if (f.overdue === false) {
    and.push({
      or: [{ status: { nin: [...OPEN_STATUSES] } }, { dueAt: { isNull: true } }, { dueAt: { gte: now } }],
    });
  }
  if (and.length > 0) where.and = and;
  return where;
}

/**
 * `tasks.page`: live tasks filtered by status(es), technician (null: unassigned), client,
 * vehicle, service, scheduled-start range (`from` inclusive, `to` exclusive), overdue; sorted
 * (default: scheduled start, ascending) and cursor-paged (`after` = the previous `nextCursor`).
 * With `text`, the results are the best full-text matches instead, in one page (no cursor).
 *
 * @example
 * ```ts
 * const page = await shop.tasks.page({ status: ['scheduled', 'in_progress'], technicianId: 'u-7',
 *   from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', limit: 50 });
 * ```
 */
export const pageTasks = defineQuery({
  name: 'tasks.page',
  input: pageInput,
  run: async (ctx, input): Promise<Page<TaskView>> => {
    const where = taskWhere(input ?? {}, ctx.now);
    const limit = input?.limit ?? 50;
    if (input?.text) {
      const found = await ctx.tx.search<Task>('tasks', { text: input.text, where, limit });
      return { items: found.map((t) => withOverdue(t, ctx.now)), nextCursor: null };
    }
    const orderBy: OrderBy[] = [
      { field: input?.sort ?? 'scheduledStart', direction: input?.direction ?? 'asc' },
    ];
    const page = await ctx.tx.find<Task>('tasks', {
      where,
      orderBy,
      limit,
      ...(input?.after ? { after: input.after } : {}),
    });
    return { items: page.items.map((t) => withOverdue(t, ctx.now)), nextCursor: page.nextCursor };
  },
});

/**
 * `tasks.countByStatus`: how many live tasks are in each status (every status present, 0 when
 * none), with the same filters as `tasks.page`.
 *
 * @example
 * ```ts
 * const counts = await shop.tasks.countByStatus({ technicianId: 'u-7' });
 * counts.in_progress; // 3
 * ```
 */
export const countTasksByStatus = defineQuery({
  name: 'tasks.countByStatus',
  input: z.optional(z.strictObject(filterShape)),
  run: async (ctx, input): Promise<Record<TaskStatus, number>> => {
    const rows = await ctx.tx.aggregate('tasks', {
      where: taskWhere(input ?? {}, ctx.now),
      groupBy: ['status'],
      measures: { n: { fn: 'count' } },
    });
    const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
    for (const row of rows) counts[row.group.status as TaskStatus] = row.values.n ?? 0;
    return counts;
  },
});
