import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  getNextTransitions,
  initialTransition,
  transition,
} from 'xstate';
import { EngineError } from '../kernel/engine-error.js';
import {
  type PersistedWorkflowSnapshot,
  STEP_SUBMIT,
  type StampedEvent,
  type StepSubmitEvent,
  type WorkflowInput,
  type WorkflowPlugin,
} from './contract.js';
import { findJsonProblem } from './json-safe.js';
import { type CheckedSubmission, checkSubmission } from './step-requirements.js';

/**
 * A delayed event the machine scheduled: stored as a durable timer due `delayMs` after the event.
 *
 * @example
 * ```ts
 * const timer: ScheduledTimer = { key: 'xstate.after.cureMinimum.ceramic.curing.holding', eventType: 'xstate.after.cureMinimum.ceramic.curing.holding', delayMs: 86_400_000 };
 * ```
 */
export interface ScheduledTimer {
  key: string;
  eventType: string;
  delayMs: number;
}

/**
 * The result of one pure transition: the new persisted snapshot, the step before and after,
 * the timers to store and to cancel, and the checked submission when the event submitted a step.
 *
 * @example
 * ```ts
 * const outcome = applyWorkflowEvent(plugin, stored, { type: 'STEP.SUBMIT', step: 'inspection', data, at, by });
 * if (outcome.done) completeTask();
 * ```
 */
export interface WorkflowOutcome {
  snapshot: PersistedWorkflowSnapshot;
  state: string;
  fromStep: string | null;
  toStep: string | null;
  done: boolean;
  schedule: ScheduledTimer[];
  cancel: string[];
  submission?: CheckedSubmission;
}

/**
 * The dotted name of a state value: `'inspection'`, `'curing.holding'`.
 *
 * @example
 * ```ts
 * stateLabel({ curing: 'holding' }); // 'curing.holding'
 * ```
 */
export function stateLabel(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, child]) => {
        const rest = stateLabel(child);
        return rest ? `${key}.${rest}` : key;
      })
      .join(',');
  }
  return '';
}

/**
 * The step a snapshot is at (its top-level state, when that is a step of the plugin), or null
 * (in a final state).
 *
 * @example
 * ```ts
 * stepOf(ppf, { value: { installation: 'zones' } }); // 'installation'
 * ```
 */
export function stepOf(plugin: WorkflowPlugin, snapshot: { value: unknown }): string | null {
  const value = snapshot.value;
  const top = typeof value === 'string' ? value : Object.keys((value as object) ?? {})[0];
  return top !== undefined && plugin.steps.some((step) => step.id === top) ? top : null;
}

/**
 * The events a snapshot accepts (guarded or not), without XState's internal ones.
 *
 * @example
 * ```ts
 * acceptedEvents(restored); // ['STEP.SUBMIT', 'WAIVER.SIGN']
 * ```
 */
export function acceptedEvents(snapshot: AnyMachineSnapshot): string[] {
  const types = getNextTransitions(snapshot).map((t) => t.eventType);
  return [...new Set(types)].filter((type) => !type.startsWith('xstate.') && type !== '');
}

/**
 * Starts a machine from the runtime's input: the initial snapshot and the timers it schedules.
 *
 * @example
 * ```ts
 * const first = startWorkflow(ppf, { taskId, coverage: ['hood'], startedAt: clock.now() });
 * ```
 */
export function startWorkflow(plugin: WorkflowPlugin, input: WorkflowInput): WorkflowOutcome {
  const [next, actions] = initialTransition(plugin.machine, input);
  return outcome(plugin, null, next, actions);
}

/**
 * Restores a stored snapshot with the plugin's machine.
 *
 * @example
 * ```ts
 * const snapshot = restoreWorkflow(ppf.machine, intervention.snapshot);
 * ```
 */
export function restoreWorkflow(
  machine: AnyStateMachine,
  persisted: PersistedWorkflowSnapshot,
): AnyMachineSnapshot {
  try {
    return machine.resolveState(persisted as Parameters<AnyStateMachine['resolveState']>[0]);
  } catch (error) {
    throw new EngineError('INTERNAL', `the stored snapshot does not fit machine '${machine.id}'`, {
      cause: error,
    });
  }
}

/**
 * Applies one stamped event to a stored snapshot with XState's pure `transition()`. Refusals,
 * all before anything could be written: an event the state does not accept →
 * `INVALID_TRANSITION` naming the state and what it accepts; a step submission for another step
 * → `INVALID_TRANSITION`; bad step data → `VALIDATION`; missing checklist items, photos,
 * conditions out of range, or a guard that says no → `PRECONDITION`.
 *
 * @example
 * ```ts
 * const outcome = applyWorkflowEvent(ppf, stored, { type: 'STEP.SUBMIT', step: 'preparation', data, checklist, at, by });
 * ```
 */
export function applyWorkflowEvent(
  plugin: WorkflowPlugin,
  persisted: PersistedWorkflowSnapshot,
  event: StampedEvent,
): WorkflowOutcome {
  const current = restoreWorkflow(plugin.machine, persisted);
  const state = stateLabel(current.value);
  const step = stepOf(plugin, current);
  const accepted = acceptedEvents(current);
  const isTimer = event.type.startsWith('xstate.after.');
  const acceptsTimer = isTimer && getNextTransitions(current).some((t) => t.eventType === event.type);
  if (current.status !== 'active' || (!accepted.includes(event.type) && !acceptsTimer)) {
    const what = accepted.length > 0 ? `it accepts ${accepted.join(', ')}` : 'it accepts no event';
    throw new EngineError(
      'INVALID_TRANSITION',
      `'${event.type}' is not accepted in state '${state}': ${what}`,
      {
        details: { state, step, event: event.type, accepted },
      },
    );
  }

  let submission: CheckedSubmission | undefined;
  let machineEvent = event;
  if (event.type === STEP_SUBMIT) {
    const submit = event as unknown as StepSubmitEvent & StampedEvent;
    const definition = plugin.steps.find((s) => s.id === step);
    if (!definition || submit.step !== step) {
      throw new EngineError(
        'INVALID_TRANSITION',
        `step '${String(submit.step)}' cannot be submitted: the intervention is at step '${step ?? state}'`,
        { details: { state, step, event: event.type, accepted } },
      );
    }
    submission = checkSubmission(definition, submit, current.context, event.at);
    machineEvent = { ...event, ...submission };
  }

  const [next, actions] = transition(plugin.machine, current, machineEvent);
  if (next === current) {
    throw new EngineError('PRECONDITION', `'${event.type}' was refused by the guards of state '${state}'`, {
      details: { state, step, event: event.type, missing: [`a condition of '${event.type}' in '${state}'`] },
    });
  }
  const result = outcome(plugin, step, next, actions);
  return submission ? { ...result, submission } : result;
}

function outcome(
  plugin: WorkflowPlugin,
  fromStep: string | null,
  next: AnyMachineSnapshot,
  actions: { type: string; params?: unknown }[],
): WorkflowOutcome {
  const snapshot = plugin.machine.getPersistedSnapshot(next) as unknown as PersistedWorkflowSnapshot;
  const problem = findJsonProblem(snapshot, 'snapshot');
  if (problem) {
    throw new EngineError(
      'INTERNAL',
      `workflow '${plugin.id}' produced a snapshot JSON cannot store: ${problem}`,
    );
  }
  const schedule: ScheduledTimer[] = [];
  const cancel: string[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as {
      delay?: unknown;
      id?: unknown;
      event?: { type?: unknown };
      sendId?: unknown;
    };
    if (
      action.type === 'xstate.raise' &&
      typeof params.delay === 'number' &&
      typeof params.event?.type === 'string'
    ) {
      schedule.push({
        key: String(params.id ?? params.event.type),
        eventType: params.event.type,
        delayMs: params.delay,
      });
    } else if (action.type === 'xstate.cancel' && typeof params.sendId === 'string') {
      cancel.push(params.sendId);
    }
  }
  return {
    snapshot,
    state: stateLabel(next.value),
    fromStep,
    toStep: stepOf(plugin, next),
    done: next.status === 'done',
    schedule,
    cancel: cancel.filter((key) => !schedule.some((timer) => timer.key === key)),
  };
}
