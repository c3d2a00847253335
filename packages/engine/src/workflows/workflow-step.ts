import type { BaseContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { StepDefinition } from './contract.js';
import type { InterventionFields } from './workflow-collections.js';
import { WORKFLOW_REGISTRY } from './workflow-ids.js';
import type { WorkflowRegistry } from './workflow-registry.js';

/**
 * The step `stepId` of the workflow an intervention runs, at the version that started it (the
 * plugin registered under `workflowId` + `workflowVersion`). For commands that name a step of an
 * intervention from outside the workflow (a photo, a consumption): a step the workflow does not
 * have is refused with `VALIDATION` at `stepId`, the known steps listed in the message;
 * `PRECONDITION` when that workflow version is no longer registered.
 *
 * @example
 * ```ts
 * const intervention = await ctx.load<InterventionFields>('interventions', input.interventionId);
 * const step = workflowStep(ctx, intervention, input.stepId);
 * step.title; // 'Inspection'
 * ```
 */
export function workflowStep(
  ctx: BaseContext,
  intervention: Pick<InterventionFields, 'workflowId' | 'workflowVersion'>,
  stepId: string,
): StepDefinition {
  const plugin = ctx
    .get<WorkflowRegistry>(WORKFLOW_REGISTRY)
    .get(intervention.workflowId, intervention.workflowVersion);
  const step = plugin.steps.find((candidate) => candidate.id === stepId);
  if (step) return step;
  const known = plugin.steps.map((candidate) => candidate.id);
  const message = `workflow '${plugin.id}' v${plugin.version} has no step '${stepId}' (its steps: ${known.join(', ')})`;
  throw new EngineError('VALIDATION', `invalid stepId: ${message}`, {
    details: { issues: [{ path: 'stepId', message, code: 'unknown_step' }], steps: known },
  });
}
