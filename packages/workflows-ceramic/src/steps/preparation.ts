import { defineStep, type StepDefinition } from '@rpma/engine';
import * as z from 'zod/mini';
import { MAX_CLEAR_COAT_REMOVAL_UM } from '../coating-products.js';

const panelId = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,49}$/));
const thickness = z.number().check(z.gte(0), z.lte(2000));

/**
 * The schema of the preparation data.
 *
 * @example
 * ```ts
 * const data = preparationData.parse(form);
 * ```
 */
export const preparationData = z.object({
  correction: z.enum(['none', 'one_step', 'two_step', 'three_step']),
  panels: z
    .array(
      z.object({
        panel: panelId,
        pad: z.optional(z.string().check(z.maxLength(100))),
        polish: z.optional(z.string().check(z.maxLength(100))),
        beforeUm: thickness,
        afterUm: thickness,
      }),
    )
    .check(z.minLength(1), z.maxLength(40)),
  riskAcceptedBy: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});

/**
 * What the preparation submits.
 *
 * @example
 * ```ts
 * const level: PreparationData['correction'] = 'two_step';
 * ```
 */
export type PreparationData = z.output<typeof preparationData>;

/**
 * Step 1, preparation: strip wash, iron and tar removers, clay, paint correction (level, per
 * panel pad/polish and thickness before and after), panel wipe. Removing more than ~7.6 µm of
 * clear coat needs someone to accept the risk by name.
 *
 * @example
 * ```ts
 * const step = preparationStep();
 * ```
 */
export function preparationStep(): StepDefinition {
  return defineStep({
    id: 'preparation',
    title: 'Preparation',
    estimatedMinutes: 240,
    data: preparationData,
    checklist: [
      { id: 'strip_wash', label: 'Strip wash', required: true },
      { id: 'iron_remover', label: 'Iron remover', required: true },
      { id: 'tar_remover', label: 'Tar remover', required: true },
      { id: 'clay', label: 'Clay', required: true },
      { id: 'panel_wipe', label: 'Panel wipe', required: true },
    ],
    photos: { min: 1, requiredTags: ['after-correction'] },
    check: ({ data, context }) => {
      const missing: string[] = [];
      const measured = new Set(data.panels.map((p) => p.panel));
      for (const panel of (context.coverage as string[] | undefined) ?? []) {
        if (!measured.has(panel)) missing.push(`thickness: no before/after reading for ${panel}`);
      }
      for (const p of data.panels) {
        const removed = Math.round((p.beforeUm - p.afterUm) * 10) / 10;
        if (removed < 0)
          missing.push(`${p.panel}: thickness after (${p.afterUm} µm) exceeds before (${p.beforeUm} µm)`);
        if (removed > MAX_CLEAR_COAT_REMOVAL_UM && !data.riskAcceptedBy) {
          missing.push(
            `${p.panel}: ${removed} µm of clear coat removed (> ${MAX_CLEAR_COAT_REMOVAL_UM} µm) needs riskAcceptedBy`,
          );
        }
      }
      return missing;
    },
  });
}
