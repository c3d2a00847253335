import { injectable, multiInject, optional } from 'inversify';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { WorkflowPlugin } from './contract.js';
import { workflowProblems } from './define-workflow.js';

/**
 * Every registered workflow plugin, by id and version. Built from the container's
 * `TOKENS.Workflows` bindings; each plugin is checked again here (a plain object is welcome, a
 * bad one is refused with the problem named) and an id + version may be bound only once.
 * Several versions of one id live side by side: instances stay on the version that started them.
 *
 * @example
 * ```ts
 * const registry = engine.get<WorkflowRegistry>(WorkflowRegistry);
 * registry.latest('ppf').version; // 2
 * registry.get('ppf', 1);          // still there for instances started on v1
 * ```
 */
@injectable()
export class WorkflowRegistry {
  private readonly byId = new Map<string, Map<number, WorkflowPlugin>>();

  constructor(@multiInject(TOKENS.Workflows) @optional() plugins: WorkflowPlugin[] | undefined) {
    for (const plugin of plugins ?? []) this.register(plugin);
  }

  /** The plugin of `id` at `version`, or `PRECONDITION` naming the versions that are registered. */
  get(id: string, version: number): WorkflowPlugin {
    const plugin = this.byId.get(id)?.get(version);
    if (!plugin) {
      const known = this.versions(id);
      const hint =
        known.length === 0
          ? 'no version of it is registered'
          : version > Math.max(...known)
            ? `it is newer than this engine knows (registered: ${known.join(', ')}); update the plugin`
            : `registered versions: ${known.join(', ')}; migrate the instance`;
      throw new EngineError('PRECONDITION', `workflow '${id}' v${version} is not registered: ${hint}`, {
        details: { workflowId: id, version, registered: known },
      });
    }
    return plugin;
  }

  /** The newest registered version of `id` (what new interventions start on). */
  latest(id: string): WorkflowPlugin {
    const known = this.versions(id);
    if (known.length === 0) {
      throw new EngineError(
        'PRECONDITION',
        `no workflow '${id}' is registered (known: ${this.ids().join(', ')})`,
        {
          details: { workflowId: id, known: this.ids() },
        },
      );
    }
    return this.get(id, Math.max(...known));
  }

  /** The registered versions of `id`, ascending. */
  versions(id: string): number[] {
    return [...(this.byId.get(id)?.keys() ?? [])].sort((a, b) => a - b);
  }

  /** Every registered workflow id. */
  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  /** The newest version of every workflow. */
  list(): WorkflowPlugin[] {
    return this.ids().map((id) => this.latest(id));
  }

  private register(plugin: WorkflowPlugin): void {
    const problems = workflowProblems({ ...plugin, migrations: plugin.migrations ?? [] });
    if (problems.length > 0) {
      throw new EngineError('VALIDATION', `workflow '${plugin.id}' refused: ${problems.join('; ')}`, {
        details: { workflow: plugin.id, problems },
      });
    }
    const versions = this.byId.get(plugin.id) ?? new Map<number, WorkflowPlugin>();
    if (versions.has(plugin.version)) {
      throw new EngineError('VALIDATION', `workflow '${plugin.id}' v${plugin.version} is registered twice`, {
        details: { workflow: plugin.id, problems: [`v${plugin.version} registered twice`] },
      });
    }
    versions.set(plugin.version, { ...plugin, migrations: plugin.migrations ?? [] });
    this.byId.set(plugin.id, versions);
  }
}
