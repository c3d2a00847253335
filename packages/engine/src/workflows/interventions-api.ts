import type { CommandRunner } from '../domain/command-runner.js';
import type { Principal } from '../domain/principal.js';
import type { Page } from '../storage/contract.js';
import type { Consumption } from './contract.js';
import type { InterventionProgress, InterventionView, TransitionRecord } from './intervention-queries.js';
import type { MigrationResult } from './versioning.js';
import type { Intervention, InterventionStep, StepDuration } from './workflow-collections.js';
import { interventionOperations as ops } from './workflows-module.js';

/**
 * An event for an intervention: `STEP.SUBMIT` with its step, data, ticked checklist items and
 * photos, or any event the plugin's machine accepts (extra fields reach the machine).
 *
 * @example
 * ```ts
 * const event: WorkflowEventInput = { type: 'QC.REWORK', zones: ['hood'] };
 * ```
 */
export interface WorkflowEventInput {
  type: string;
  step?: string;
  data?: unknown;
  checklist?: string[];
  /** Ids of photos uploaded for the step; each must be a live photo of this step. */
  photos?: string[];
  [key: string]: unknown;
}

/**
 * `shop.interventions`: run workflows on tasks, as the shop's principal, every call through the
 * command path.
 *
 * @example
 * ```ts
 * const run = await shop.interventions.start(task.id);
 * await shop.interventions.send(run.id, { type: 'STEP.SUBMIT', step: 'inspection', data, checklist, photos });
 * ```
 */
export class InterventionsApi {
  constructor(
    private readonly runner: CommandRunner,
    private readonly principal: Principal,
  ) {}

  /** Starts the workflow of the task's service on the task. */
  start(taskId: string): Promise<Intervention> {
    return this.run(ops.start, { taskId });
  }

  /**
   * Sends an event. Without `rev`, the revision read just before is used, so of two devices
   * advancing the same intervention at once exactly one wins and the other gets `CONFLICT`.
   */
  async send(id: string, event: WorkflowEventInput, options: { rev?: number } = {}): Promise<Intervention> {
    const rev = options.rev ?? (await this.get(id)).rev;
    return this.run(ops.send, { id, rev, event });
  }

  /** Pauses the intervention (the step's clock stops). */
  pause(id: string, reason?: string): Promise<Intervention> {
    return this.run(ops.pause, reason === undefined ? { id } : { id, reason });
  }

  /** Resumes a paused intervention. */
  resume(id: string): Promise<Intervention> {
    return this.run(ops.resume, { id });
  }

  /** Cancels the intervention, its open step and its timers. */
  cancel(id: string, reason: string): Promise<Intervention> {
    return this.run(ops.cancel, { id, reason });
  }

  /** The intervention, the events it accepts now and its pending timers. */
  get(id: string): Promise<InterventionView> {
    return this.run(ops.get, { id });
  }

  /** Steps done, current and pending, with minutes. */
  progress(id: string): Promise<InterventionProgress> {
    return this.run(ops.progress, { id });
  }

  /** Step records and transitions, oldest first. */
  history(id: string): Promise<{ steps: InterventionStep[]; transitions: TransitionRecord[] }> {
    return this.run(ops.history, { id });
  }

  /** What the intervention report needs. */
  report(id: string): Promise<{
    intervention: Intervention;
    steps: InterventionStep[];
    durations: StepDuration[];
    consumption: (Consumption & { step: string })[];
  }> {
    return this.run(ops.report, { id });
  }

  /** Running and paused interventions, oldest first. */
  listActive(
    options: { workflowId?: string; limit?: number; after?: string } = {},
  ): Promise<Page<Intervention>> {
    return this.run(ops.listActive, options);
  }

  /** Migrates running instances to a newer plugin version; `dryRun` reports without writing. */
  migrate(options: { workflowId: string; toVersion?: number; dryRun?: boolean }): Promise<{
    workflowId: string;
    toVersion: number;
    dryRun: boolean;
    results: MigrationResult[];
  }> {
    return this.run(ops.migrate, options);
  }

  private run<R>(operation: (typeof ops)[keyof typeof ops], input: unknown): Promise<R> {
    return this.runner.execute(this.principal, operation, input) as Promise<R>;
  }
}
