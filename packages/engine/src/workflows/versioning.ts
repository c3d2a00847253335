import * as z from 'zod/mini';
import { defineCommand } from '../domain/command.js';
import { idString } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import type { PersistedWorkflowSnapshot, WorkflowMigration, WorkflowPlugin } from './contract.js';
import { findJsonProblem } from './json-safe.js';
import type { InterventionFields } from './workflow-collections.js';
import { WORKFLOW_REGISTRY } from './workflow-ids.js';
import type { WorkflowRegistry } from './workflow-registry.js';
import { restoreWorkflow, stateLabel, stepOf } from './workflow-transition.js';

/**
 * What `migrate` did, or in a dry run would do, to one running instance.
 *
 * @example
 * ```ts
 * const r: MigrationResult = { id, from: 1, to: 2, outcome: 'migrated', state: { before: 'curing', after: 'curing.holding' }, contextKeys: ['cureMethod'] };
 * ```
 */
export interface MigrationResult {
  id: string;
  from: number;
  to: number;
  outcome: 'migrated' | 'would-migrate' | 'refused';
  state?: { before: string; after: string };
  /** Context keys the chain added, removed or changed. */
  contextKeys?: string[];
  reason?: string;
}

/**
 * Walks the migration chain of `plugin`'s registered versions from `from` to `to` and checks the
 * result restores with the target machine. Pure; throws `PRECONDITION` saying why it cannot.
 *
 * @example
 * ```ts
 * const next = migrateSnapshot(registry, 'ceramic', intervention.snapshot, 1, 2);
 * ```
 */
export function migrateSnapshot(
  registry: WorkflowRegistry,
  workflowId: string,
  snapshot: PersistedWorkflowSnapshot,
  from: number,
  to: number,
): PersistedWorkflowSnapshot {
  if (from > to) {
    throw new EngineError('PRECONDITION', `v${from} is newer than the target v${to}; versions never go back`);
  }
  const target = registry.get(workflowId, to);
  const chain = migrationsOf(registry, workflowId);
  let current = snapshot;
  for (let version = from; version < to; version++) {
    const step = chain.get(version);
    if (!step)
      throw new EngineError(
        'PRECONDITION',
        `no migration of '${workflowId}' from v${version} to v${version + 1}`,
      );
    try {
      current = step.migrate(structuredClone(current));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new EngineError('PRECONDITION', `the migration from v${version} refused it: ${reason}`, {
        cause: error,
      });
    }
  }
  const problem = findJsonProblem(current, 'snapshot');
  if (problem) throw new EngineError('PRECONDITION', `the migrated snapshot cannot be stored: ${problem}`);
  try {
    target.machine.resolveState(current as Parameters<WorkflowPlugin['machine']['resolveState']>[0]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineError('PRECONDITION', `the migrated snapshot does not fit v${to}: ${reason}`, {
      cause: error,
    });
  }
  return current;
}

function migrationsOf(registry: WorkflowRegistry, workflowId: string): Map<number, WorkflowMigration> {
  const chain = new Map<number, WorkflowMigration>();
  for (const version of registry.versions(workflowId)) {
    for (const migration of registry.get(workflowId, version).migrations)
      chain.set(migration.from, migration);
  }
  return chain;
}

/**
 * `interventions.migrate`: brings running instances of a workflow to a newer registered version
 * (the newest by default) through the plugins' migration chain. With `dryRun` it writes nothing
 * and reports, per instance, what would change or why it cannot. Instances that cannot migrate
 * are reported and left as they are; the others are updated in the same transaction.
 *
 * @example
 * ```ts
 * const preview = await runner.execute(admin, migrateInterventions, { workflowId: 'ceramic', dryRun: true });
 * ```
 */
export const migrateInterventions = defineCommand({
  name: 'interventions.migrate',
  input: z.object({
    workflowId: idString,
    toVersion: z.optional(z.number().check(z.int(), z.gte(1))),
    dryRun: z.optional(z.boolean()),
  }),
  run: async (ctx, input) => {
    const registry = ctx.get<WorkflowRegistry>(WORKFLOW_REGISTRY);
    const to = input.toVersion ?? registry.latest(input.workflowId).version;
    const target = registry.get(input.workflowId, to);
    const dryRun = input.dryRun ?? false;
    const running = await ctx.tx.find<InterventionFields>('interventions', {
      where: { workflowId: input.workflowId, status: { in: ['active', 'paused'] } },
      limit: 1000,
    });
    const results: MigrationResult[] = [];
    for (const intervention of running.items) {
      const from = intervention.workflowVersion;
      if (from === to) continue;
      try {
        const snapshot = migrateSnapshot(registry, input.workflowId, intervention.snapshot, from, to);
        const restored = restoreWorkflow(target.machine, snapshot);
        const state = stateLabel(restored.value);
        results.push({
          id: intervention.id,
          from,
          to,
          outcome: dryRun ? 'would-migrate' : 'migrated',
          state: { before: intervention.state, after: state },
          contextKeys: changedKeys(intervention.snapshot.context, snapshot.context),
        });
        if (!dryRun) {
          await ctx.update<InterventionFields>('interventions', intervention, {
            workflowVersion: to,
            snapshot,
            state,
            step: stepOf(target, restored),
          });
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        results.push({ id: intervention.id, from, to, outcome: 'refused', reason });
      }
    }
    return { workflowId: input.workflowId, toVersion: to, dryRun, results };
  },
});

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}
