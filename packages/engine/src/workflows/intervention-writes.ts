import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { recordConsumption } from '../stock/stock-ledger.js';
import type { Doc } from '../storage/contract.js';
import type { Task } from '../tasks/task-model.js';
import type { Consumption, StepDefinition, WorkflowPlugin } from './contract.js';
import { moveTask } from './task-link.js';
import type {
  Intervention,
  InterventionFields,
  InterventionStep,
  InterventionStepFields,
  StepDuration,
  WorkflowTimerFields,
} from './workflow-collections.js';
import type { WorkflowOutcome } from './workflow-transition.js';

const MINUTE = 60_000;

/**
 * Writes everything one accepted transition implies, in the command's transaction: the step
 * record it finished (data, checklist, photos, consumption, who, when) and the stock movements,
 * the step record it entered, the timers it scheduled and cancelled, the intervention with its
 * new snapshot and `rev` check, and — when the machine finished — the durations and the task's
 * completion. Then it queues the events. Returns the stored intervention.
 *
 * @example
 * ```ts
 * const stored = await applyOutcome(ctx, { intervention, plugin, outcome, eventType: 'STEP.SUBMIT', at });
 * ```
 */
export async function applyOutcome(
  ctx: CommandContext,
  input: {
    intervention: Intervention;
    plugin: WorkflowPlugin;
    outcome: WorkflowOutcome;
    eventType: string;
    at: number;
  },
): Promise<Intervention> {
  const { intervention, plugin, outcome, eventType, at } = input;
  const stepChanged =
    outcome.fromStep !== outcome.toStep || (outcome.submission !== undefined && !outcome.done);
  const current = await currentStepRecord(ctx, intervention.id);
  if (current && (stepChanged || outcome.done)) {
    const consumption = outcome.submission
      ? stepConsumption(plugin, current.stepId, outcome.submission.data)
      : [];
    await ctx.update<InterventionStepFields>('interventionSteps', current, {
      status: outcome.submission ? 'completed' : 'cancelled',
      completedAt: ctx.now,
      completedBy: ctx.principal.userId,
      actualMinutes: elapsedMinutes(current, ctx.now),
      data: outcome.submission?.data ?? null,
      checklist: outcome.submission?.checklist ?? [],
      photos: outcome.submission?.photos ?? [],
      consumption,
    });
    for (const item of consumption) {
      await recordConsumption(ctx, {
        ...item,
        interventionId: intervention.id,
        stepId: current.stepId,
        taskId: intervention.taskId,
      });
    }
  }
  if (outcome.toStep && (stepChanged || !current)) {
    await enterStep(ctx, plugin, intervention, outcome.toStep);
  }
  await scheduleTimers(ctx, intervention.id, outcome, at);

  const patch: Partial<InterventionFields> = {
    snapshot: outcome.snapshot,
    state: outcome.state,
    step: outcome.toStep,
    lastEvent: eventType,
  };
  if (outcome.done) {
    patch.status = 'completed';
    patch.completedAt = ctx.now;
    patch.durations = await stepDurations(ctx, plugin, intervention.id);
    const task = await ctx.load<Task>('tasks', intervention.taskId);
    const actualDurationMinutes = Math.round(patch.durations.reduce((sum, d) => sum + d.actualMinutes, 0));
    await moveTask(ctx, task, 'completed', { actualDurationMinutes });
  }
  const stored = await ctx.update<InterventionFields>('interventions', intervention, patch);
  const event = {
    id: stored.id,
    taskId: stored.taskId,
    workflowId: stored.workflowId,
    event: eventType,
    from: intervention.state,
    to: stored.state,
    fromStep: outcome.fromStep,
    toStep: outcome.toStep,
    at: ctx.now,
    by: ctx.principal.userId,
  };
  ctx.emit('intervention.transitioned', event);
  if (outcome.fromStep !== outcome.toStep) ctx.emit('intervention.advanced', event);
  if (outcome.done) ctx.emit('intervention.completed', { id: stored.id, taskId: stored.taskId, at: ctx.now });
  return stored;
}

/**
 * Opens the record of a step the intervention just entered (attempt numbers grow on rework).
 *
 * @example
 * ```ts
 * await enterStep(ctx, plugin, intervention, 'inspection');
 * ```
 */
export async function enterStep(
  ctx: CommandContext,
  plugin: WorkflowPlugin,
  intervention: Pick<Intervention, 'id' | 'taskId'>,
  stepId: string,
): Promise<void> {
  const definition = stepDefinition(plugin, stepId);
  const earlier = await ctx.tx.count('interventionSteps', { interventionId: intervention.id, stepId });
  await ctx.insert<InterventionStepFields>('interventionSteps', {
    interventionId: intervention.id,
    taskId: intervention.taskId,
    stepId,
    title: definition.title,
    attempt: earlier + 1,
    status: 'in_progress',
    startedAt: ctx.now,
    startedBy: ctx.principal.userId,
    completedAt: null,
    completedBy: null,
    pausedAt: null,
    pausedMs: 0,
    estimatedMinutes: definition.estimatedMinutes,
    actualMinutes: null,
    data: null,
    checklist: [],
    photos: [],
    consumption: [],
  });
}

/**
 * The step record in progress, if any.
 *
 * @example
 * ```ts
 * const open = await currentStepRecord(ctx, intervention.id);
 * ```
 */
export async function currentStepRecord(
  ctx: Pick<CommandContext, 'tx'>,
  interventionId: string,
): Promise<InterventionStep | undefined> {
  const page = await ctx.tx.find<InterventionStepFields>('interventionSteps', {
    where: { interventionId, status: 'in_progress' },
    limit: 1,
  });
  return page.items[0];
}

/**
 * Cancels every pending timer of an intervention (or only those with the given keys).
 *
 * @example
 * ```ts
 * await cancelTimers(ctx, intervention.id);
 * ```
 */
export async function cancelTimers(
  ctx: CommandContext,
  interventionId: string,
  keys?: readonly string[],
): Promise<void> {
  const pending = await ctx.tx.find<WorkflowTimerFields>('timers', {
    where: { interventionId, status: 'pending' },
    limit: 1000,
  });
  for (const timer of pending.items) {
    if (keys && !keys.includes(timer.key)) continue;
    await ctx.update<WorkflowTimerFields>('timers', timer, { status: 'cancelled', settledAt: ctx.now });
  }
}

async function scheduleTimers(
  ctx: CommandContext,
  interventionId: string,
  outcome: WorkflowOutcome,
  at: number,
) {
  const replaced = outcome.schedule.map((timer) => timer.key);
  if (outcome.done) await cancelTimers(ctx, interventionId);
  else if (outcome.cancel.length + replaced.length > 0) {
    await cancelTimers(ctx, interventionId, [...outcome.cancel, ...replaced]);
  }
  for (const timer of outcome.schedule) {
    await ctx.insert<WorkflowTimerFields>('timers', {
      interventionId,
      key: timer.key,
      eventType: timer.eventType,
      dueAt: new Date(at + timer.delayMs).toISOString(),
      status: 'pending',
      settledAt: null,
    });
  }
}

async function stepDurations(ctx: CommandContext, plugin: WorkflowPlugin, interventionId: string) {
  const records = await ctx.tx.find<InterventionStepFields>('interventionSteps', {
    where: { interventionId },
    limit: 1000,
  });
  return plugin.steps.map((step): StepDuration => {
    const attempts = records.items.filter((record) => record.stepId === step.id);
    return {
      step: step.id,
      title: step.title,
      estimatedMinutes: step.estimatedMinutes,
      actualMinutes: attempts.reduce((sum, record) => sum + (record.actualMinutes ?? 0), 0),
      attempts: attempts.length,
    };
  });
}

function stepConsumption(plugin: WorkflowPlugin, stepId: string, data: unknown): Consumption[] {
  return [...(stepDefinition(plugin, stepId).consumes?.(data) ?? [])];
}

function stepDefinition(plugin: WorkflowPlugin, stepId: string): StepDefinition {
  const definition = plugin.steps.find((step) => step.id === stepId);
  if (!definition) throw new EngineError('INTERNAL', `workflow '${plugin.id}' has no step '${stepId}'`);
  return definition;
}

/**
 * Minutes spent on a step record up to `now`, paused time excluded, to 0.1 min.
 *
 * @example
 * ```ts
 * elapsedMinutes(record, ctx.now); // 42.5
 * ```
 */
export function elapsedMinutes(
  record: Doc<Pick<InterventionStepFields, 'startedAt' | 'pausedMs'>>,
  now: string,
): number {
  const ms = Date.parse(now) - Date.parse(record.startedAt) - record.pausedMs;
  return Math.round((Math.max(0, ms) / MINUTE) * 10) / 10;
}
