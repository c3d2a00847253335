import { defineWorkflow, type WorkflowPlugin } from '@rpma/engine';
import { ppfLabels } from './ppf-labels.js';
import { ppfMachine } from './ppf-machine.js';
import { type PpfOptions, resolvePpfOptions } from './ppf-options.js';
import { finalizationStep } from './steps/finalization.js';
import { inspectionStep } from './steps/inspection.js';
import { installationStep } from './steps/installation.js';
import { PREPARATION_CHECKLIST, preparationStep } from './steps/preparation.js';

/** Zones too large for the express variant. */
const LARGE_ZONES = new Set(['full_front', 'full_body']);

/**
 * The PPF installation workflow (`ppf`, version 1): inspection, preparation, installation per
 * zone, finalization. Register it with `createEngine({ workflows: [ppfWorkflow()] })`; tasks
 * with `service: 'ppf'` run it.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage: sqljsStorage(), workflows: [ppfWorkflow({ rollShelfLifeDays: 300 })] });
 * ```
 */
export function ppfWorkflow(options: PpfOptions = {}): WorkflowPlugin {
  const resolved = resolvePpfOptions(options);
  return defineWorkflow({
    id: 'ppf',
    version: 1,
    title: 'PPF installation',
    machine: ppfMachine('ppf', resolved, { express: false }),
    steps: [
      inspectionStep(resolved),
      preparationStep(),
      installationStep(resolved),
      finalizationStep(resolved),
    ],
    labels: ppfLabels({ express: false }),
  });
}

/**
 * The express PPF workflow (`ppf-express`, version 1) for jobs of at most two small zones
 * (mirrors, headlights, a bumper): inspection, installation with the prep checklist built in,
 * finalization. Starting it on a larger job is refused.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage, workflows: [ppfWorkflow(), ppfExpressWorkflow()] });
 * ```
 */
export function ppfExpressWorkflow(options: PpfOptions = {}): WorkflowPlugin {
  const resolved = resolvePpfOptions(options);
  const prep = PREPARATION_CHECKLIST.filter((item) => ['wash', 'ipa_wipe', 'masking'].includes(item.id));
  return defineWorkflow({
    id: 'ppf-express',
    version: 1,
    title: 'PPF express (≤ 2 zones)',
    machine: ppfMachine('ppf-express', resolved, { express: true }),
    steps: [
      inspectionStep(resolved),
      installationStep(resolved, { checklist: prep, estimatedMinutes: 120 }),
      finalizationStep(resolved),
    ],
    labels: ppfLabels({ express: true, installationChecklist: prep.map((item) => item.id) }),
    canStart: ({ coverage }) => {
      const refused: string[] = [];
      if (coverage.length === 0) refused.push('the task covers no zone');
      if (coverage.length > 2)
        refused.push(`express takes at most 2 zones (the task covers ${coverage.length})`);
      const large = coverage.filter((zone) => LARGE_ZONES.has(zone));
      if (large.length > 0) refused.push(`express does not take ${large.join(', ')}`);
      return refused;
    },
  });
}
