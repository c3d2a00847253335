import * as z from 'zod/mini';
import { idString, isoDate, longText, shortText, tagList } from '../domain/schemas.js';
import type { CollectionSchema, Doc } from '../storage/contract.js';

/** Every task status. */
export const TASK_STATUSES = [
  'draft',
  'scheduled',
  'in_progress',
  'on_hold',
  'completed',
  'cancelled',
  'archived',
] as const;

/** A task status. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Statuses of a task still to be done: the ones that can be overdue. */
export const OPEN_STATUSES: readonly TaskStatus[] = ['draft', 'scheduled', 'in_progress', 'on_hold'];

/** Task priorities, lowest first. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** One checklist item of a task. */
export interface ChecklistItem {
  id: string;
  label: string;
  done: boolean;
}

/** One status change: who, when, from what to what, why. */
export interface StatusChange {
  from: TaskStatus | null;
  to: TaskStatus;
  at: string;
  by: string;
  reason: string | null;
}

/** One delay: the schedule moved, with the reason. */
export interface Delay {
  at: string;
  by: string;
  reason: string;
  fromStart: string | null;
  toStart: string;
  fromDue: string | null;
  toDue: string | null;
}

/**
 * A job of the shop: a numbered task for a client's vehicle, performed with a workflow
 * (`service` is the workflow id, such as `'ppf'`).
 *
 * @example
 * ```ts
 * const task: Task = await shop.tasks.create({ clientId, vehicleId, service: 'ppf', title: 'Full front PPF' });
 * task.number; // 'T-2026-000001'
 * ```
 */
export interface Task {
  number: string;
  title: string;
  clientId: string;
  vehicleId: string | null;
  service: string;
  /** Zones or panels covered, such as `hood`, `front_bumper`. */
  coverage: string[];
  priority: (typeof PRIORITIES)[number];
  technicianId: string | null;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  /** When the vehicle was promised; past it, an open task is overdue. */
  dueAt: string | null;
  estimate: { minutes: number | null; amount: number | null };
  checklist: ChecklistItem[];
  notes: string;
  tags: string[];
  filmLot: string | null;
  actualDurationMinutes: number | null;
  status: TaskStatus;
  statusHistory: StatusChange[];
  delays: Delay[];
  /** What the client was billed, set on completion (the estimate's amount unless given). */
  billedAmount: number | null;
  completedAt: string | null;
  /** Derived: number, title, service, coverage, tags, notes, plate — what text search matches. */
  searchText: string;
}

/**
 * A task as queries return it: the stored task plus `overdue` (derived, never stored): an open
 * task whose `dueAt` is past.
 */
export type TaskView = Doc<Task> & { overdue: boolean };

const money = z.number().check(z.gte(0), z.lte(100_000_000));
const minutes = z.number().check(z.int(), z.gte(0), z.lte(60 * 24 * 365));

/** The editable fields of a task, each validated. */
export const taskFields = {
  title: shortText,
  clientId: idString,
  vehicleId: z.nullable(idString),
  service: z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,49}$/, 'expected a workflow id like ppf')),
  coverage: z
    .array(z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,49}$/, 'expected a zone id like hood')))
    .check(z.maxLength(100)),
  priority: z.enum(PRIORITIES),
  technicianId: z.nullable(idString),
  scheduledStart: z.nullable(isoDate),
  scheduledEnd: z.nullable(isoDate),
  dueAt: z.nullable(isoDate),
  estimate: z.strictObject({ minutes: z.nullable(minutes), amount: z.nullable(money) }),
  checklist: z
    .array(
      z.strictObject({
        id: z.string().check(z.minLength(1), z.maxLength(50)),
        label: shortText,
        done: z.boolean(),
      }),
    )
    .check(z.maxLength(200)),
  notes: longText,
  tags: tagList,
  filmLot: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  actualDurationMinutes: z.nullable(minutes),
};

/**
 * The `tasks` collection: the number is unique for good (even in the trash); composite indexes
 * serve the task board (status + technician + schedule), client and vehicle histories and the
 * overdue query.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(tasksCollection);
 * ```
 */
export const tasksCollection: CollectionSchema = {
  name: 'tasks',
  fields: {
    number: 'string',
    status: 'string',
    clientId: 'string',
    vehicleId: 'string',
    technicianId: 'string',
    service: 'string',
    scheduledStart: 'date',
    dueAt: 'date',
    completedAt: 'date',
    billedAmount: 'number',
  },
  indexes: [
    ['status', 'technicianId', 'scheduledStart'],
    ['technicianId', 'scheduledStart'],
    ['status', 'scheduledStart'],
    ['status', 'dueAt'],
    ['clientId', 'completedAt'],
  ],
  unique: [{ fields: ['number'], includeDeleted: true }],
  fullText: ['searchText'],
};

/**
 * The `counters` collection: one document per sequence (`tasks:2026`), bumped in the same
 * transaction as the document that takes the number.
 */
export const countersCollection: CollectionSchema = { name: 'counters', fields: {} };
