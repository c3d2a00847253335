import { defineStep, type StepDefinition } from '@rpma/engine';
import * as z from 'zod/mini';

const sku = z.string().check(z.minLength(1), z.maxLength(64));
const lot = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/**
 * The schema of the preparation data.
 *
 * @example
 * ```ts
 * const data = preparationData.parse(form);
 * ```
 */
export const preparationData = z.object({
  cut: z.union([
    z.object({ method: z.literal('kit'), kitId: z.string().check(z.minLength(1), z.maxLength(100)) }),
    z.object({ method: z.literal('bulk'), lengthM: z.number().check(z.gt(0), z.lte(50)) }),
  ]),
  roll: z.object({ sku, lot, receivedOn: z.iso.date() }),
  ipaDilutionPct: z.number().check(z.gte(10), z.lte(70)),
});

/**
 * What the preparation submits.
 *
 * @example
 * ```ts
 * const cut: PreparationData['cut'] = { method: 'kit', kitId: 'KIT-911-FF' };
 * ```
 */
export type PreparationData = z.output<typeof preparationData>;

/**
 * The decontamination sequence of the domain notes.
 *
 * @example
 * ```ts
 * const ticked = PREPARATION_CHECKLIST.filter((item) => item.required).map((item) => item.id);
 * ```
 */
export const PREPARATION_CHECKLIST = [
  { id: 'wash', label: 'Wash', required: true },
  { id: 'decontamination', label: 'Iron / tar decontamination', required: true },
  { id: 'clay', label: 'Clay', required: true },
  { id: 'rinse_dry', label: 'Rinse and dry', required: true },
  { id: 'ipa_wipe', label: 'IPA wipe (~30 % in water)', required: true },
  { id: 'light_inspection', label: 'Inspection under light', required: true },
  { id: 'masking', label: 'Masking', required: true },
  { id: 'trim_removed', label: 'Trim and badges removed', required: false },
] as const;

/**
 * Step 2, preparation: the decontamination checklist, kit or bulk cut, and the roll used (whose
 * received date the run checks against the film shelf life).
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
    estimatedMinutes: 120,
    data: preparationData,
    checklist: PREPARATION_CHECKLIST,
    photos: { min: 0 },
    check: ({ data }) =>
      data.ipaDilutionPct > 50
        ? [`IPA at ${data.ipaDilutionPct} % is too strong for film prep (≤ 50 %)`]
        : [],
  });
}

/**
 * The warning a roll earns when it was received longer ago than the shelf life (film may lose
 * warranty coverage), or none.
 *
 * @example
 * ```ts
 * rollWarnings({ lot: 'R-1', receivedOn: '2025-01-10' }, Date.parse('2026-03-01'), 365); // ['roll R-1 was received 415 days ago …']
 * ```
 */
export function rollWarnings(
  roll: { lot: string; receivedOn: string },
  at: number,
  shelfLifeDays: number,
): string[] {
  const days = Math.floor((at - Date.parse(roll.receivedOn)) / 86_400_000);
  return days > shelfLifeDays
    ? [
        `roll ${roll.lot} was received ${days} days ago (shelf life ${shelfLifeDays} days): warranty coverage at risk`,
      ]
    : [];
}
