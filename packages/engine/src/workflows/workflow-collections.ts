import type { CollectionSchema, Doc } from '../storage/contract.js';
import type { Consumption, PersistedWorkflowSnapshot } from './contract.js';

/**
 * Where an intervention stands: running, paused by a person, finished, or cancelled.
 *
 * @example
 * ```ts
 * if (run.status === 'paused') await shop.interventions.resume(run.id);
 * ```
 */
export type InterventionStatus = 'active' | 'paused' | 'completed' | 'cancelled';

/**
 * Estimated vs actual time of one step, as recorded when the intervention finishes.
 *
 * @example
 * ```ts
 * const d: StepDuration = { step: 'installation', title: 'Installation', estimatedMinutes: 480, actualMinutes: 512, attempts: 1 };
 * ```
 */
export interface StepDuration {
  step: string;
  title: string;
  estimatedMinutes: number;
  actualMinutes: number;
  attempts: number;
}

/**
 * One run of a workflow on a task: the stored XState snapshot (the source of truth), pinned to
 * the plugin version that started it.
 *
 * @example
 * ```ts
 * const run: Intervention = await shop.interventions.get(id);
 * run.step; // 'preparation'
 * ```
 */
export interface InterventionFields {
  taskId: string;
  workflowId: string;
  workflowVersion: number;
  status: InterventionStatus;
  /** Dotted state value, e.g. `curing.holding`. */
  state: string;
  /** The current step, null once finished. */
  step: string | null;
  snapshot: PersistedWorkflowSnapshot;
  lastEvent: string;
  startedAt: string;
  startedBy: string;
  pausedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Filled when the intervention completes. */
  durations: StepDuration[] | null;
}

/**
 * A stored intervention.
 *
 * @example
 * ```ts
 * const run: Intervention = await shop.interventions.start(task.id);
 * ```
 */
export type Intervention = Doc<InterventionFields>;

/**
 * The record of one attempt at one step: who started and finished it, when, what was submitted
 * (data, ticked checklist items, photos) and the material it consumed.
 *
 * @example
 * ```ts
 * const steps = await shop.interventions.history(id); // steps[0].data
 * ```
 */
export interface InterventionStepFields {
  interventionId: string;
  taskId: string;
  stepId: string;
  title: string;
  attempt: number;
  status: 'in_progress' | 'completed' | 'cancelled';
  startedAt: string;
  startedBy: string;
  completedAt: string | null;
  completedBy: string | null;
  pausedAt: string | null;
  pausedMs: number;
  estimatedMinutes: number;
  actualMinutes: number | null;
  data: unknown;
  checklist: string[];
  photos: { id: string; tags: string[] }[];
  consumption: Consumption[];
}

/**
 * A stored step record.
 *
 * @example
 * ```ts
 * const { steps }: { steps: InterventionStep[] } = await shop.interventions.history(run.id);
 * ```
 */
export type InterventionStep = Doc<InterventionStepFields>;

/**
 * A durable workflow timer: a delayed transition taken out of the machine, due at an absolute
 * time, fired by the ticker through the command path, cancelled when its state is left.
 *
 * @example
 * ```ts
 * const timer: WorkflowTimerFields = { interventionId, key: 'xstate.after.cure…', eventType: 'xstate.after.cure…', dueAt, status: 'pending', settledAt: null };
 * ```
 */
export interface WorkflowTimerFields {
  interventionId: string;
  key: string;
  eventType: string;
  dueAt: string;
  status: 'pending' | 'fired' | 'cancelled';
  settledAt: string | null;
}

/**
 * A stored timer.
 *
 * @example
 * ```ts
 * const due = await tx.find<WorkflowTimerFields>('timers', { where: { status: 'pending' } });
 * ```
 */
export type WorkflowTimer = Doc<WorkflowTimerFields>;

/**
 * The `interventions` collection.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(interventionsCollection);
 * ```
 */
export const interventionsCollection: CollectionSchema = {
  name: 'interventions',
  fields: {
    taskId: 'string',
    workflowId: 'string',
    workflowVersion: 'number',
    status: 'string',
    step: 'string',
    startedAt: 'date',
  },
  indexes: [
    ['status', 'startedAt'],
    ['workflowId', 'status'],
    ['taskId', 'status'],
  ],
};

/**
 * The `interventionSteps` collection.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(interventionStepsCollection);
 * ```
 */
export const interventionStepsCollection: CollectionSchema = {
  name: 'interventionSteps',
  fields: {
    interventionId: 'string',
    taskId: 'string',
    stepId: 'string',
    status: 'string',
    startedAt: 'date',
  },
  // (interventionId, status) finds the open step and (interventionId, stepId) counts attempts:
  // without them SQLite picks the single-field index of `status` or `stepId`, which holds a
  // row for every intervention of the store.
  indexes: [
    ['interventionId', 'startedAt'],
    ['interventionId', 'status'],
    ['interventionId', 'stepId'],
  ],
};

/**
 * The `timers` collection (durable workflow timers).
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(timersCollection);
 * ```
 */
export const timersCollection: CollectionSchema = {
  name: 'timers',
  fields: { interventionId: 'string', key: 'string', status: 'string', dueAt: 'date' },
  indexes: [
    ['status', 'dueAt'],
    ['interventionId', 'status'],
  ],
};
