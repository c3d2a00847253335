import { ContainerModule } from 'inversify';
import { registerOperations } from '../domain/domain-module.js';
import { TOKENS } from '../kernel/tokens.js';
import type { WorkflowPlugin } from './contract.js';
import {
  cancelIntervention,
  fireTimer,
  pauseIntervention,
  resumeIntervention,
  sendIntervention,
  startIntervention,
} from './intervention-commands.js';
import {
  getIntervention,
  interventionHistory,
  interventionProgress,
  interventionReport,
  listActiveInterventions,
} from './intervention-queries.js';
import { TimerTicker } from './timer-ticker.js';
import { migrateInterventions } from './versioning.js';
import {
  interventionStepsCollection,
  interventionsCollection,
  timersCollection,
} from './workflow-collections.js';
import { WORKFLOW_REGISTRY } from './workflow-ids.js';
import { WorkflowRegistry } from './workflow-registry.js';
import { WorkflowRuntime } from './workflow-runtime.js';

/**
 * Every command and query of the workflow runtime, by facade name.
 *
 * @example
 * ```ts
 * await runner.execute(principal, interventionOperations.start, { taskId });
 * ```
 */
export const interventionOperations = {
  start: startIntervention,
  send: sendIntervention,
  pause: pauseIntervention,
  resume: resumeIntervention,
  cancel: cancelIntervention,
  fireTimer,
  migrate: migrateInterventions,
  get: getIntervention,
  progress: interventionProgress,
  history: interventionHistory,
  report: interventionReport,
  listActive: listActiveInterventions,
};

/** How often the ticker looks for due timers unless `EngineOptions.timerIntervalMs` says otherwise. */
const DEFAULT_TICK_MS = 30_000;

/**
 * The workflow runtime: its collections, commands, registry, timer ticker, and a start-up hook
 * that checks every registered plugin, fires the timers that fell due while the engine was
 * down, and starts the interval.
 *
 * @example
 * ```ts
 * await container.load(workflowsModule);
 * ```
 */
export const workflowsModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Collections).toConstantValue(interventionsCollection);
  bind(TOKENS.Collections).toConstantValue(interventionStepsCollection);
  bind(TOKENS.Collections).toConstantValue(timersCollection);
  bind(WORKFLOW_REGISTRY).to(WorkflowRegistry);
  bind(TimerTicker).toSelf();
  bind(WorkflowRuntime).toSelf();
  registerOperations(bind, interventionOperations);
  bind(TOKENS.Startup).toDynamicValue((context) => async () => {
    const runtime = context.get(WorkflowRuntime);
    const options = context.get<{ timerIntervalMs?: number }>(TOKENS.Options);
    await runtime.tick();
    runtime.ticker.start(options.timerIntervalMs ?? DEFAULT_TICK_MS);
  });
});

/**
 * Wraps a plugin as an inversify `ContainerModule`, for hosts that register plugins through
 * `createEngine({ modules })` rather than `workflows`.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage, modules: [workflowModule(tintWorkflow)] });
 * ```
 */
export function workflowModule(plugin: WorkflowPlugin): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<WorkflowPlugin>(TOKENS.Workflows).toConstantValue(plugin);
  });
}
