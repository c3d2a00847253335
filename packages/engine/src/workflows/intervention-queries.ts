import * as z from 'zod/mini';
import type { AuditEvent } from '../audit/audit-collection.js';
import { defineQuery, type QueryContext } from '../domain/command.js';
import { cursor, idString, pageLimit } from '../domain/schemas.js';
import type { Page } from '../storage/contract.js';
import type { Consumption } from './contract.js';
import type {
  Intervention,
  InterventionFields,
  InterventionStep,
  InterventionStepFields,
  WorkflowTimerFields,
} from './workflow-collections.js';
import { WORKFLOW_REGISTRY } from './workflow-ids.js';
import type { WorkflowRegistry } from './workflow-registry.js';
import { acceptedEvents, restoreWorkflow } from './workflow-transition.js';

/**
 * An intervention as `get` returns it: the stored document plus the events its state accepts
 * now and its pending timers.
 *
 * @example
 * ```ts
 * const view = await shop.interventions.get(id);
 * view.accepts; // ['STEP.SUBMIT']
 * ```
 */
export type InterventionView = Intervention & { accepts: string[]; timers: { key: string; dueAt: string }[] };

/**
 * Progress across the steps of an intervention.
 *
 * @example
 * ```ts
 * const p = await shop.interventions.progress(id);
 * p.percent; // 50
 * ```
 */
export interface InterventionProgress {
  id: string;
  status: string;
  state: string;
  step: string | null;
  completed: number;
  total: number;
  percent: number;
  steps: {
    id: string;
    title: string;
    status: 'done' | 'current' | 'pending';
    estimatedMinutes: number;
    actualMinutes: number;
  }[];
}

/**
 * One accepted transition as the audit log recorded it.
 *
 * @example
 * ```ts
 * const { transitions } = await shop.interventions.history(id);
 * transitions[0]; // { at, by, command: 'interventions.start', event: 'start', from: null, to: 'inspection' }
 * ```
 */
export interface TransitionRecord {
  at: string;
  by: string;
  command: string;
  event: string | null;
  from: string | null;
  to: string | null;
}

/**
 * `interventions.get`.
 *
 * @example
 * ```ts
 * await runner.execute(principal, getIntervention, { id });
 * ```
 */
export const getIntervention = defineQuery({
  name: 'interventions.get',
  input: z.object({ id: idString }),
  run: async (ctx, input): Promise<InterventionView> => {
    const intervention = await ctx.load<InterventionFields>('interventions', input.id);
    const running = intervention.status === 'active' || intervention.status === 'paused';
    const plugin = ctx
      .get<WorkflowRegistry>(WORKFLOW_REGISTRY)
      .get(intervention.workflowId, intervention.workflowVersion);
    const accepts = running ? acceptedEvents(restoreWorkflow(plugin.machine, intervention.snapshot)) : [];
    const timers = await ctx.tx.find<WorkflowTimerFields>('timers', {
      where: { interventionId: intervention.id, status: 'pending' },
      limit: 100,
    });
    return {
      ...intervention,
      accepts,
      timers: timers.items.map((timer) => ({ key: timer.key, dueAt: timer.dueAt })),
    };
  },
});

/**
 * `interventions.progress`: each step done, current or pending, with estimated and actual minutes.
 *
 * @example
 * ```ts
 * await runner.execute(principal, interventionProgress, { id });
 * ```
 */
export const interventionProgress = defineQuery({
  name: 'interventions.progress',
  input: z.object({ id: idString }),
  run: async (ctx, input): Promise<InterventionProgress> => {
    const intervention = await ctx.load<InterventionFields>('interventions', input.id);
    const plugin = ctx
      .get<WorkflowRegistry>(WORKFLOW_REGISTRY)
      .get(intervention.workflowId, intervention.workflowVersion);
    const records = await stepRecords(ctx, intervention.id);
    const steps = plugin.steps.map((step) => {
      const attempts = records.filter((record) => record.stepId === step.id);
      const status: 'done' | 'current' | 'pending' =
        intervention.step === step.id && intervention.status !== 'completed'
          ? 'current'
          : attempts.some((record) => record.status === 'completed')
            ? 'done'
            : 'pending';
      return {
        id: step.id,
        title: step.title,
        status,
        estimatedMinutes: step.estimatedMinutes,
        actualMinutes: attempts.reduce((sum, record) => sum + (record.actualMinutes ?? 0), 0),
      };
    });
    const completed = steps.filter((step) => step.status === 'done').length;
    return {
      id: intervention.id,
      status: intervention.status,
      state: intervention.state,
      step: intervention.step,
      completed,
      total: steps.length,
      percent: Math.round((completed / steps.length) * 100),
      steps,
    };
  },
});

/**
 * `interventions.history`: every step record (data, checklist, photos, who, when) and every
 * transition, oldest first.
 *
 * @example
 * ```ts
 * const { steps, transitions } = await runner.execute(principal, interventionHistory, { id });
 * ```
 */
export const interventionHistory = defineQuery({
  name: 'interventions.history',
  input: z.object({ id: idString }),
  run: async (ctx, input): Promise<{ steps: InterventionStep[]; transitions: TransitionRecord[] }> => {
    const intervention = await ctx.load<InterventionFields>('interventions', input.id);
    const audit = await ctx.tx.find<AuditEvent>('auditEvents', {
      where: { entity: 'interventions', entityId: intervention.id },
      orderBy: [{ field: 'at' }],
      limit: 1000,
    });
    const transitions = audit.items
      .filter((row) => row.diff.state !== undefined || row.operation === 'create')
      .map((row) => ({
        at: row.at,
        by: row.actorId,
        command: row.command,
        event: (row.diff.lastEvent?.after as string | undefined) ?? null,
        from: (row.diff.state?.before as string | undefined) ?? null,
        to: (row.diff.state?.after as string | undefined) ?? null,
      }));
    return { steps: await stepRecords(ctx, intervention.id), transitions };
  },
});

/**
 * `interventions.report`: what the intervention report needs — the intervention, its completed
 * steps with their data and photos, estimated vs actual minutes per step, and all consumption.
 *
 * @example
 * ```ts
 * const report = await runner.execute(principal, interventionReport, { id });
 * report.durations; // [{ step: 'inspection', estimatedMinutes: 45, actualMinutes: 52, attempts: 1 }, …]
 * ```
 */
export const interventionReport = defineQuery({
  name: 'interventions.report',
  input: z.object({ id: idString }),
  run: async (ctx, input) => {
    const intervention = await ctx.load<InterventionFields>('interventions', input.id);
    const steps = (await stepRecords(ctx, intervention.id)).filter((step) => step.status === 'completed');
    const consumption: (Consumption & { step: string })[] = steps.flatMap((step) =>
      step.consumption.map((item) => ({ ...item, step: step.stepId })),
    );
    return { intervention, steps, durations: intervention.durations ?? [], consumption };
  },
});

/**
 * `interventions.listActive`: running and paused interventions, oldest first, optionally of one
 * workflow, in cursor pages.
 *
 * @example
 * ```ts
 * const page = await runner.execute(principal, listActiveInterventions, { workflowId: 'ceramic', limit: 20 });
 * ```
 */
export const listActiveInterventions = defineQuery({
  name: 'interventions.listActive',
  input: z.object({
    workflowId: z.optional(idString),
    limit: z.optional(pageLimit),
    after: z.optional(cursor),
  }),
  run: async (ctx, input): Promise<Page<Intervention>> => {
    const where = {
      status: { in: ['active', 'paused'] },
      ...(input.workflowId ? { workflowId: input.workflowId } : {}),
    };
    return ctx.tx.find<InterventionFields>('interventions', {
      where,
      orderBy: [{ field: 'startedAt' }],
      limit: input.limit ?? 50,
      ...(input.after ? { after: input.after } : {}),
    });
  },
});

async function stepRecords(ctx: QueryContext, interventionId: string): Promise<InterventionStep[]> {
  const page = await ctx.tx.find<InterventionStepFields>('interventionSteps', {
    where: { interventionId },
    orderBy: [{ field: 'startedAt' }],
    limit: 1000,
  });
  return page.items;
}
