import { inject, injectable } from 'inversify';
import type { WorkflowPlugin } from './contract.js';
import { TimerTicker } from './timer-ticker.js';
import { WORKFLOW_REGISTRY } from './workflow-ids.js';
import type { WorkflowRegistry } from './workflow-registry.js';

/**
 * The engine-wide side of workflows (`engine.workflows`): the registered plugins, for UIs that
 * render a step from its definition, and the durable-timer ticker.
 *
 * @example
 * ```ts
 * const ppf = engine.workflows.plugin('ppf');
 * ppf.steps.map((s) => s.title); // ['Inspection', 'Preparation', 'Installation', 'Finalization']
 * await engine.workflows.tick();  // fire the timers due now
 * ```
 */
@injectable()
export class WorkflowRuntime {
  constructor(
    @inject(WORKFLOW_REGISTRY) readonly registry: WorkflowRegistry,
    @inject(TimerTicker) readonly ticker: TimerTicker,
  ) {}

  /** The newest version of every registered workflow. */
  plugins(): WorkflowPlugin[] {
    return this.registry.list();
  }

  /** A plugin by id, at `version` or the newest one. */
  plugin(id: string, version?: number): WorkflowPlugin {
    return version === undefined ? this.registry.latest(id) : this.registry.get(id, version);
  }

  /** Fires the durable timers due by the engine clock's now; resolves with how many fired. */
  tick(): Promise<number> {
    return this.ticker.tick();
  }
}
