import { getShortestPaths, getStateNodes } from '@xstate/graph';
import { type AnyStateNode, getNextTransitions } from 'xstate';
import type { FakeClock } from '../kernel/clock.js';
import { EngineError, isEngineError } from '../kernel/engine-error.js';
import type {
  PersistedWorkflowSnapshot,
  StampedEvent,
  WorkflowInput,
  WorkflowPlugin,
} from '../workflows/contract.js';
import {
  acceptedEvents,
  applyWorkflowEvent,
  restoreWorkflow,
  startWorkflow,
  stateLabel,
  stepOf,
} from '../workflows/workflow-transition.js';

/**
 * Where a workflow stands during exploration: what an `events` function sees to decide which
 * sample events to try from there.
 *
 * @example
 * ```ts
 * const events = (at: WorkflowPoint) => (at.step === 'inspection' ? [inspectionSubmit] : []);
 * ```
 */
export interface WorkflowPoint {
  state: string;
  step: string | null;
  context: Record<string, unknown>;
  /** Time (ms) of the last accepted event; a sample without `at` is stamped one hour later. */
  at: number;
}

/**
 * A sample event: what a person or device would send; `at` and `by` are optional.
 *
 * @example
 * ```ts
 * const submit: SampleEvent = { type: 'STEP.SUBMIT', step: 'prep', data: { film: 'TINT-35' }, checklist: ['glass-clean'] };
 * ```
 */
export type SampleEvent = { type: string; at?: number; by?: string } & Record<string, unknown>;

/**
 * How to explore a workflow: the start input and the sample events to try from each point
 * (delayed transitions are tried automatically: their timer events are added in every state
 * that has them).
 *
 * @example
 * ```ts
 * const options: ExploreOptions = { input: { taskId: 't', coverage: ['hood'], startedAt: 0 }, events: () => samples };
 * ```
 */
export interface ExploreOptions {
  input?: WorkflowInput;
  events: (point: WorkflowPoint) => readonly SampleEvent[];
}

/**
 * What exploring found: every leaf state of the machine, those reached (with the snapshot and
 * the events that first reached it), and those no sample path reaches.
 *
 * @example
 * ```ts
 * const { unreachable } = exploreWorkflow(ppf, options); // []
 * ```
 */
export interface Exploration {
  states: string[];
  reached: Map<string, { snapshot: PersistedWorkflowSnapshot; path: StampedEvent[] }>;
  unreachable: string[];
}

interface Point {
  persisted: PersistedWorkflowSnapshot;
  label: string;
  at: number;
  status: string;
  output: undefined;
  error: undefined;
}

const HOUR = 3_600_000;
const DEFAULT_INPUT: WorkflowInput = {
  taskId: 'kit-task',
  coverage: ['hood'],
  startedAt: Date.UTC(2026, 0, 5, 8),
};

/**
 * Explores a workflow with @xstate/graph's shortest paths, every event going through the
 * runtime's own checks (a sample that the step definition refuses does not move), and reports
 * which leaf states are reached.
 *
 * @example
 * ```ts
 * const found = exploreWorkflow(ppfWorkflow(), { events: ppfSamples });
 * found.reached.get('finalization')?.path.map((e) => e.type);
 * ```
 */
export function exploreWorkflow(plugin: WorkflowPlugin, options: ExploreOptions): Exploration {
  const input = options.input ?? DEFAULT_INPUT;
  const point = (persisted: PersistedWorkflowSnapshot, at: number): Point => ({
    persisted,
    label: stateLabel(persisted.value),
    at,
    status: persisted.status,
    output: undefined,
    error: undefined,
  });
  const logic = {
    config: {},
    transition: (current: Point, event: StampedEvent): Point => {
      try {
        return point(applyWorkflowEvent(plugin, current.persisted, event).snapshot, event.at);
      } catch (error) {
        if (isEngineError(error)) return current;
        throw error;
      }
    },
    getInitialSnapshot: () => point(startWorkflow(plugin, input).snapshot, input.startedAt),
    getPersistedSnapshot: (current: Point) => current,
  };
  const events = (current: Point): StampedEvent[] => {
    if (current.status !== 'active') return [];
    const restored = restoreWorkflow(plugin.machine, current.persisted);
    const view = {
      state: current.label,
      step: stepOf(plugin, restored),
      context: current.persisted.context,
      at: current.at,
    };
    const timers: SampleEvent[] = getNextTransitions(restored)
      .map((t) => t.eventType)
      .filter((type) => type.startsWith('xstate.after.'))
      .map((type) => ({ type }));
    return [...options.events(view), ...timers].map((sample) => ({
      ...sample,
      at: sample.at ?? current.at + HOUR,
      by: sample.by ?? 'kit-user',
    }));
  };
  const paths = getShortestPaths(logic as unknown as Parameters<typeof getShortestPaths>[0], {
    events: events as never,
    serializeState: ((current: Point) => current.label) as never,
  });
  const reached = new Map<string, { snapshot: PersistedWorkflowSnapshot; path: StampedEvent[] }>();
  for (const path of paths) {
    const end = path.state as unknown as Point;
    const steps = path.steps
      .map((step) => step.event as unknown as StampedEvent)
      .filter((e) => e.type !== 'xstate.init');
    for (const label of end.label.split(',')) {
      if (!reached.has(label)) reached.set(label, { snapshot: end.persisted, path: steps });
    }
  }
  const states = leafStates(plugin);
  return { states, reached, unreachable: states.filter((state) => !reached.has(state)) };
}

/**
 * Every leaf state of the plugin's machine as a dotted label (`curing.holding`).
 *
 * @example
 * ```ts
 * leafStates(ceramicWorkflow()); // ['preparation', 'application', 'curing.holding', 'curing.ready', …]
 * ```
 */
export function leafStates(plugin: WorkflowPlugin): string[] {
  return getStateNodes(plugin.machine.root)
    .filter((node: AnyStateNode) => Object.keys(node.states).length === 0)
    .map((node: AnyStateNode) => node.path.join('.'));
}

/**
 * Asserts that the sample events reach every leaf state; throws an `EngineError` naming the
 * states no path reaches.
 *
 * @example
 * ```ts
 * it('reaches every state', () => expectEveryStateReachable(ppfWorkflow(), { events: ppfSamples }));
 * ```
 */
export function expectEveryStateReachable(plugin: WorkflowPlugin, options: ExploreOptions): Exploration {
  const found = exploreWorkflow(plugin, options);
  if (found.unreachable.length > 0) {
    throw new EngineError(
      'PRECONDITION',
      `workflow '${plugin.id}': no sample path reaches ${found.unreachable.join(', ')} (reached: ${[...found.reached.keys()].join(', ')})`,
      { details: { unreachable: found.unreachable } },
    );
  }
  return found;
}

/**
 * Asserts that in every reachable state the stored snapshot survives JSON and a restore: the
 * restored snapshot persists to the same JSON and accepts the same events. Throws an
 * `EngineError` naming the first state that does not.
 *
 * @example
 * ```ts
 * it('round-trips its snapshots', () => expectSnapshotsRoundTrip(ppfWorkflow(), { events: ppfSamples }));
 * ```
 */
export function expectSnapshotsRoundTrip(plugin: WorkflowPlugin, options: ExploreOptions): number {
  const found = exploreWorkflow(plugin, options);
  for (const [state, { snapshot }] of found.reached) {
    const json = JSON.stringify(snapshot);
    const restored = restoreWorkflow(plugin.machine, JSON.parse(json) as PersistedWorkflowSnapshot);
    const again = JSON.stringify(plugin.machine.getPersistedSnapshot(restored));
    const original = restoreWorkflow(plugin.machine, snapshot);
    const same = again === json && acceptedEvents(restored).join() === acceptedEvents(original).join();
    if (!same) {
      throw new EngineError(
        'PRECONDITION',
        `workflow '${plugin.id}': the snapshot of '${state}' does not round-trip`,
        {
          details: { state, before: json, after: again },
        },
      );
    }
  }
  return found.reached.size;
}

/**
 * A duration for the fake-clock helpers.
 *
 * @example
 * ```ts
 * const cure: Duration = { hours: 12 };
 * ```
 */
export interface Duration {
  days?: number;
  hours?: number;
  minutes?: number;
}

/**
 * Milliseconds in a {@link Duration}.
 *
 * @example
 * ```ts
 * durationMs({ hours: 1, minutes: 30 }); // 5_400_000
 * ```
 */
export function durationMs(duration: Duration): number {
  return ((duration.days ?? 0) * 24 * 60 + (duration.hours ?? 0) * 60 + (duration.minutes ?? 0)) * 60_000;
}

/**
 * Moves a fake clock forward, then lets the engine fire whatever timers fell due; resolves with
 * how many fired.
 *
 * @example
 * ```ts
 * await advanceAndTick(engine, clock, { hours: 12 }); // 1 — the curing timer
 * ```
 */
export async function advanceAndTick(
  engine: { workflows: { tick(): Promise<number> } },
  clock: FakeClock,
  duration: Duration,
): Promise<number> {
  clock.advance(durationMs(duration));
  return engine.workflows.tick();
}
