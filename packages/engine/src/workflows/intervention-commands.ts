import * as z from 'zod/mini';
import { type CommandContext, defineCommand, type Ownership } from '../domain/command.js';
import { idString, revNumber, shortText } from '../domain/schemas.js';
import { EngineError, isEngineError } from '../kernel/engine-error.js';
import type { ReadTransaction } from '../storage/contract.js';
import { STEP_SUBMIT, type StampedEvent } from './contract.js';
import { applyOutcome, cancelTimers, currentStepRecord, enterStep } from './intervention-writes.js';
import { storedStepPhotos } from './step-photos.js';
import { loadOpenTask, moveTask } from './task-link.js';
import type {
  Intervention,
  InterventionFields,
  InterventionStepFields,
  WorkflowTimerFields,
} from './workflow-collections.js';
import { WORKFLOW_REGISTRY } from './workflow-ids.js';
import type { WorkflowRegistry } from './workflow-registry.js';
import { applyWorkflowEvent, startWorkflow } from './workflow-transition.js';

/**
 * A technician may act on an intervention whose task is assigned to them.
 *
 * @example
 * ```ts
 * defineCommand({ name: 'interventions.pause', input, ownership: interventionOwnership, run });
 * ```
 */
export const interventionOwnership: Ownership<{ id: string }> = {
  assignee: async (tx, input) => {
    const intervention = await tx.get<InterventionFields>('interventions', input.id);
    if (!intervention) return null;
    return assigneeOfTask(tx, intervention.taskId);
  },
};

async function assigneeOfTask(tx: ReadTransaction, taskId: string): Promise<string | null> {
  const task = await tx.get<{ technicianId?: string | null }>('tasks', taskId);
  return task?.technicianId ?? null;
}

/**
 * The shape of an event sent to an intervention (its extra fields go to the machine as they are).
 *
 * @example
 * ```ts
 * parseInput(workflowEventInput, { type: 'STEP.SUBMIT', step: 'inspection', data }, 'event');
 * ```
 */
export const workflowEventInput = z.looseObject({
  type: z.string().check(
    z.minLength(1),
    z.maxLength(100),
    z.refine((type) => !type.startsWith('xstate.'), 'xstate.* events are internal; timers fire them'),
  ),
  step: z.optional(z.string().check(z.maxLength(100))),
  data: z.optional(z.unknown()),
  checklist: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(200))),
  photos: z.optional(z.array(idString).check(z.maxLength(200))),
});

/**
 * `interventions.start`: starts the workflow of the task's service (its newest version) on a
 * task that has no running intervention, opens the first step and moves the task to
 * `in_progress`.
 *
 * @example
 * ```ts
 * const run = await runner.execute(principal, startIntervention, { taskId });
 * ```
 */
export const startIntervention = defineCommand({
  name: 'interventions.start',
  input: z.object({ taskId: idString }),
  ownership: { assignee: (tx, input) => assigneeOfTask(tx, input.taskId) },
  run: async (ctx, input) => {
    const task = await loadOpenTask(ctx.tx, input.taskId);
    const running = await ctx.tx.find<InterventionFields>('interventions', {
      where: { taskId: task.id, status: { in: ['active', 'paused'] } },
      limit: 1,
    });
    if (running.items[0]) {
      throw new EngineError('PRECONDITION', `task ${task.id} already has a running intervention`, {
        details: { taskId: task.id, interventionId: running.items[0].id },
      });
    }
    const plugin = ctx.get<WorkflowRegistry>(WORKFLOW_REGISTRY).latest(task.service);
    const at = Date.parse(ctx.now);
    const workflowInput = { taskId: task.id, coverage: [...(task.coverage ?? [])], startedAt: at };
    const refused = plugin.canStart?.(workflowInput) ?? [];
    if (refused.length > 0) {
      throw new EngineError('PRECONDITION', `${plugin.title} cannot start: ${refused.join('; ')}`, {
        details: { taskId: task.id, missing: refused },
      });
    }
    const first = startWorkflow(plugin, workflowInput);
    const intervention = await ctx.insert<InterventionFields>('interventions', {
      taskId: task.id,
      workflowId: plugin.id,
      workflowVersion: plugin.version,
      status: 'active',
      state: first.state,
      step: first.toStep,
      snapshot: first.snapshot,
      lastEvent: 'start',
      startedAt: ctx.now,
      startedBy: ctx.principal.userId,
      pausedAt: null,
      completedAt: null,
      cancelledAt: null,
      cancelReason: null,
      durations: null,
    });
    if (first.toStep) await enterStep(ctx, plugin, intervention, first.toStep);
    for (const timer of first.schedule) {
      await ctx.insert<WorkflowTimerFields>('timers', {
        interventionId: intervention.id,
        key: timer.key,
        eventType: timer.eventType,
        dueAt: new Date(at + timer.delayMs).toISOString(),
        status: 'pending',
        settledAt: null,
      });
    }
    await moveTask(ctx, task, 'in_progress');
    ctx.emit('intervention.started', {
      id: intervention.id,
      taskId: task.id,
      workflowId: plugin.id,
      version: plugin.version,
      step: first.toStep,
      at: ctx.now,
    });
    return intervention;
  },
});

/**
 * `interventions.send`: applies one event (stamped with the engine's time and the principal) to
 * an active intervention, `rev`-checked when `rev` is given: two devices that read the same
 * revision cannot both advance it — the second gets `CONFLICT`. A `STEP.SUBMIT` of the current
 * step is checked against the live photos stored for that step (read in this transaction), not
 * against anything the device claims; the photo ids it names must be among them.
 *
 * @example
 * ```ts
 * await runner.execute(principal, sendIntervention, { id, rev: 3, event: { type: 'STEP.SUBMIT', step: 'inspection', data } });
 * ```
 */
export const sendIntervention = defineCommand({
  name: 'interventions.send',
  input: z.object({ id: idString, rev: z.optional(revNumber), event: workflowEventInput }),
  ownership: interventionOwnership,
  run: async (ctx, input) => {
    const intervention = await loadIntervention(ctx, input.id, input.rev);
    if (intervention.status !== 'active') {
      throw new EngineError('PRECONDITION', `intervention ${intervention.id} is ${intervention.status}`, {
        details: { id: intervention.id, status: intervention.status },
      });
    }
    const { event } = input;
    if (event.type === STEP_SUBMIT && event.step !== undefined && event.step === intervention.step) {
      const photos = await storedStepPhotos(ctx.tx, intervention.id, event.step, event.photos ?? []);
      return dispatch(ctx, intervention, event.type, { ...event, photos });
    }
    return dispatch(ctx, intervention, event.type, event);
  },
});

/**
 * `interventions.fireTimer`: fires one due durable timer through the command path (the ticker
 * runs it as the system). A timer that is no longer pending, or whose intervention moved on,
 * is settled without touching the intervention.
 *
 * @example
 * ```ts
 * await runner.execute(SYSTEM_PRINCIPAL, fireTimer, { timerId });
 * ```
 */
export const fireTimer = defineCommand({
  name: 'interventions.fireTimer',
  input: z.object({ timerId: idString }),
  run: async (ctx, input): Promise<{ fired: boolean }> => {
    const timer = await ctx.load<WorkflowTimerFields>('timers', input.timerId);
    if (timer.status !== 'pending') return { fired: false };
    if (Date.parse(timer.dueAt) > Date.parse(ctx.now)) {
      throw new EngineError('PRECONDITION', `timer ${timer.id} is due at ${timer.dueAt}`, {
        details: { timerId: timer.id, dueAt: timer.dueAt },
      });
    }
    const intervention = await ctx.load<InterventionFields>('interventions', timer.interventionId);
    await ctx.update<WorkflowTimerFields>('timers', timer, { status: 'fired', settledAt: ctx.now });
    if (intervention.status === 'completed' || intervention.status === 'cancelled') return { fired: false };
    try {
      await dispatch(ctx, intervention, timer.eventType, { type: timer.eventType });
      return { fired: true };
    } catch (error) {
      if (isEngineError(error, 'INVALID_TRANSITION') || isEngineError(error, 'PRECONDITION'))
        return { fired: false };
      throw error;
    }
  },
});

/**
 * `interventions.pause`: stops the clock of the current step; events are refused until resumed
 * (durable timers keep running: a coating cures whether or not anyone works).
 *
 * @example
 * ```ts
 * await runner.execute(principal, pauseIntervention, { id, reason: 'waiting for parts' });
 * ```
 */
export const pauseIntervention = defineCommand({
  name: 'interventions.pause',
  input: z.object({ id: idString, reason: z.optional(shortText) }),
  ownership: interventionOwnership,
  run: async (ctx, input) => {
    const intervention = await loadIntervention(ctx, input.id);
    if (intervention.status !== 'active') {
      throw new EngineError(
        'PRECONDITION',
        `intervention ${intervention.id} is ${intervention.status}, not active`,
      );
    }
    const step = await currentStepRecord(ctx, intervention.id);
    if (step) await ctx.update<InterventionStepFields>('interventionSteps', step, { pausedAt: ctx.now });
    const stored = await ctx.update<InterventionFields>('interventions', intervention, {
      status: 'paused',
      pausedAt: ctx.now,
    });
    ctx.emit('intervention.status_changed', statusEvent(stored, ctx.now, input.reason));
    return stored;
  },
});

/**
 * `interventions.resume`: restarts a paused intervention; the paused time is not counted in the
 * step's actual duration.
 *
 * @example
 * ```ts
 * await runner.execute(principal, resumeIntervention, { id });
 * ```
 */
export const resumeIntervention = defineCommand({
  name: 'interventions.resume',
  input: z.object({ id: idString }),
  ownership: interventionOwnership,
  run: async (ctx, input) => {
    const intervention = await loadIntervention(ctx, input.id);
    if (intervention.status !== 'paused') {
      throw new EngineError(
        'PRECONDITION',
        `intervention ${intervention.id} is ${intervention.status}, not paused`,
      );
    }
    const step = await currentStepRecord(ctx, intervention.id);
    if (step?.pausedAt) {
      await ctx.update<InterventionStepFields>('interventionSteps', step, {
        pausedAt: null,
        pausedMs: step.pausedMs + Math.max(0, Date.parse(ctx.now) - Date.parse(step.pausedAt)),
      });
    }
    const stored = await ctx.update<InterventionFields>('interventions', intervention, {
      status: 'active',
      pausedAt: null,
    });
    ctx.emit('intervention.status_changed', statusEvent(stored, ctx.now));
    return stored;
  },
});

/**
 * `interventions.cancel`: ends a running intervention for a reason; its open step and its
 * pending timers are cancelled with it. The task stays as it is, for a person to decide.
 *
 * @example
 * ```ts
 * await runner.execute(principal, cancelIntervention, { id, reason: 'customer withdrew' });
 * ```
 */
export const cancelIntervention = defineCommand({
  name: 'interventions.cancel',
  input: z.object({ id: idString, reason: shortText }),
  ownership: interventionOwnership,
  run: async (ctx, input) => {
    const intervention = await loadIntervention(ctx, input.id);
    if (intervention.status === 'completed' || intervention.status === 'cancelled') {
      throw new EngineError(
        'PRECONDITION',
        `intervention ${intervention.id} is already ${intervention.status}`,
      );
    }
    const step = await currentStepRecord(ctx, intervention.id);
    if (step) {
      await ctx.update<InterventionStepFields>('interventionSteps', step, {
        status: 'cancelled',
        completedAt: ctx.now,
        completedBy: ctx.principal.userId,
      });
    }
    await cancelTimers(ctx, intervention.id);
    const stored = await ctx.update<InterventionFields>('interventions', intervention, {
      status: 'cancelled',
      cancelledAt: ctx.now,
      cancelReason: input.reason,
      pausedAt: null,
    });
    ctx.emit('intervention.status_changed', statusEvent(stored, ctx.now, input.reason));
    return stored;
  },
});

async function loadIntervention(ctx: CommandContext, id: string, rev?: number): Promise<Intervention> {
  return ctx.load<InterventionFields>('interventions', id, rev === undefined ? {} : { rev });
}

async function dispatch(
  ctx: CommandContext,
  intervention: Intervention,
  type: string,
  payload: Record<string, unknown>,
): Promise<Intervention> {
  const plugin = ctx
    .get<WorkflowRegistry>(WORKFLOW_REGISTRY)
    .get(intervention.workflowId, intervention.workflowVersion);
  const at = Date.parse(ctx.now);
  const event: StampedEvent = { ...payload, type, at, by: ctx.principal.userId };
  const outcome = applyWorkflowEvent(plugin, intervention.snapshot, event);
  return applyOutcome(ctx, { intervention, plugin, outcome, eventType: type, at });
}

function statusEvent(intervention: Intervention, at: string, reason?: string) {
  const event = { id: intervention.id, taskId: intervention.taskId, status: intervention.status, at };
  return reason === undefined ? event : { ...event, reason };
}
