import { type AnyStateMachine, type AnyStateNode, initialTransition } from 'xstate';
import { EngineError } from '../kernel/engine-error.js';
import type { StepDefinition, WorkflowInput, WorkflowPlugin } from './contract.js';
import { findJsonProblem } from './json-safe.js';
import { labelProblems } from './workflow-labels.js';

const ID = /^[a-z][a-z0-9-]*$/;
const STEP_ID = /^[a-z][a-zA-Z0-9-]*$/;

/** The input the registration check starts a machine with, to see its snapshot is storable. */
const PROBE_INPUT: WorkflowInput = { taskId: 'registration-probe', coverage: ['hood'], startedAt: 0 };

/**
 * Types a step definition (the data type is inferred from its schema); returns it unchanged.
 *
 * @example
 * ```ts
 * const wash = defineStep({ id: 'wash', title: 'Wash', estimatedMinutes: 30, data: z.object({}), checklist: [], photos: { min: 0 } });
 * ```
 */
export function defineStep<D>(step: StepDefinition<D>): StepDefinition {
  return step as StepDefinition;
}

/**
 * Checks a workflow plugin and returns it frozen, or refuses it with `EngineError('VALIDATION')`
 * whose message names the problem and whose `details.problems` lists every one: bad id or
 * version, a step without a state (or a state without a step), duplicate step or checklist ids,
 * invoked or spawned child actors, a context that JSON cannot store, misnumbered migrations,
 * labels that are malformed, lack `en` or name a step, field, choice or checklist item the plugin
 * does not have.
 *
 * @example
 * ```ts
 * export const tint = defineWorkflow({ id: 'window-tint', version: 1, title: 'Window tint', machine, steps, migrations: [] });
 * ```
 */
export function defineWorkflow(plugin: {
  id: string;
  version: number;
  title: string;
  machine: AnyStateMachine;
  steps: readonly StepDefinition[];
  migrations?: WorkflowPlugin['migrations'];
  canStart?: WorkflowPlugin['canStart'];
  labels?: WorkflowPlugin['labels'];
}): WorkflowPlugin {
  const full: WorkflowPlugin = { ...plugin, migrations: plugin.migrations ?? [] };
  const problems = workflowProblems(full);
  if (problems.length > 0) {
    const name = typeof plugin?.id === 'string' ? `'${plugin.id}' v${String(plugin.version)}` : '(no id)';
    throw new EngineError('VALIDATION', `workflow ${name} refused: ${problems.join('; ')}`, {
      details: { workflow: plugin?.id, problems },
    });
  }
  return Object.freeze(full);
}

/**
 * Every problem that keeps a plugin from being registered; empty when it is sound.
 *
 * @example
 * ```ts
 * workflowProblems(plugin); // ["step 'curing' has no top-level state in the machine"]
 * ```
 */
export function workflowProblems(plugin: WorkflowPlugin): string[] {
  const problems: string[] = [];
  if (typeof plugin.id !== 'string' || !ID.test(plugin.id)) {
    problems.push(`id must be lowercase letters, digits and dashes (got ${JSON.stringify(plugin.id)})`);
  }
  if (!Number.isInteger(plugin.version) || plugin.version < 1) {
    problems.push(`version must be an integer ≥ 1 (got ${String(plugin.version)})`);
  }
  if (typeof plugin.title !== 'string' || plugin.title.trim() === '') problems.push('title is empty');
  const machine = plugin.machine;
  if (!machine || typeof machine.getPersistedSnapshot !== 'function' || !machine.root) {
    problems.push('machine is not an XState v5 machine (use setup(...).createMachine(...))');
    return problems;
  }
  if (!Array.isArray(plugin.steps) || plugin.steps.length === 0) problems.push('steps is empty');
  else problems.push(...stepProblems(plugin.steps, machine));
  problems.push(...actorProblems(machine.root));
  if (problems.length === 0) problems.push(...snapshotProblems(machine));
  problems.push(...migrationProblems(plugin));
  if (Array.isArray(plugin.steps)) problems.push(...labelProblems(plugin));
  return problems;
}

function stepProblems(steps: readonly StepDefinition[], machine: AnyStateMachine): string[] {
  const problems: string[] = [];
  const states = machine.root.states;
  const seen = new Set<string>();
  for (const step of steps) {
    if (typeof step?.id !== 'string' || !STEP_ID.test(step.id)) {
      problems.push(`step id ${JSON.stringify(step?.id)} must start with a letter (letters, digits, dashes)`);
      continue;
    }
    if (seen.has(step.id)) problems.push(`duplicate step id '${step.id}'`);
    seen.add(step.id);
    if (!Object.hasOwn(states, step.id))
      problems.push(`step '${step.id}' has no top-level state in the machine`);
    if (typeof step.data?.safeParse !== 'function') problems.push(`step '${step.id}' has no data schema`);
    if (!(step.estimatedMinutes >= 0)) problems.push(`step '${step.id}' needs estimatedMinutes ≥ 0`);
    if (!Number.isInteger(step.photos?.min) || step.photos.min < 0) {
      problems.push(`step '${step.id}' needs photos.min, an integer ≥ 0`);
    }
    const items = new Set<string>();
    for (const item of step.checklist ?? []) {
      if (items.has(item.id)) problems.push(`step '${step.id}' has duplicate checklist item '${item.id}'`);
      items.add(item.id);
    }
  }
  for (const [key, node] of Object.entries(states)) {
    if (node.type !== 'final' && !seen.has(key)) {
      problems.push(`state '${key}' is not a step (every top-level state but final ones must be a step)`);
    }
  }
  if (!Object.values(states).some((node) => node.type === 'final')) {
    problems.push('the machine has no top-level final state (an intervention could never finish)');
  }
  return problems;
}

function actorProblems(node: AnyStateNode): string[] {
  const problems: string[] = [];
  if (node.invoke.length > 0) {
    problems.push(
      `state '${node.id}' invokes a child actor; workflow machines may not run actors (the runtime applies pure transitions and stores the snapshot)`,
    );
  }
  const actions = [
    ...node.entry,
    ...node.exit,
    ...[...node.transitions.values()].flat().flatMap((t) => t.actions),
  ];
  if (actions.some((action) => (action as { type?: string })?.type === 'xstate.spawnChild')) {
    problems.push(`state '${node.id}' spawns a child actor; workflow machines may not spawn actors`);
  }
  for (const child of Object.values(node.states)) problems.push(...actorProblems(child));
  return problems;
}

function snapshotProblems(machine: AnyStateMachine): string[] {
  try {
    const [snapshot] = initialTransition(machine, PROBE_INPUT);
    if (Object.keys(snapshot.children).length > 0) return ['the initial state holds child actors'];
    const problem = findJsonProblem(machine.getPersistedSnapshot(snapshot), 'snapshot');
    return problem ? [`the machine snapshot is not serialisable: ${problem}`] : [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [`the machine cannot start from the runtime's input ({ taskId, coverage, startedAt }): ${reason}`];
  }
}

function migrationProblems(plugin: WorkflowPlugin): string[] {
  const problems: string[] = [];
  const froms = new Set<number>();
  for (const migration of plugin.migrations) {
    if (!Number.isInteger(migration.from) || migration.from < 1 || migration.from >= plugin.version) {
      problems.push(`migration from ${String(migration.from)} is not below version ${plugin.version}`);
    } else if (froms.has(migration.from)) {
      problems.push(`two migrations from version ${migration.from}`);
    }
    if (typeof migration.migrate !== 'function')
      problems.push(`migration from ${migration.from} has no migrate`);
    froms.add(migration.from);
  }
  return problems;
}
