import { defineStep, type StepDefinition } from '@rpma/engine';
import * as z from 'zod/mini';
import type { ResolvedPpfOptions } from '../ppf-options.js';

/**
 * QC findings at the acceptance standard (viewed from ~1.5 m in normal light): the first three
 * are acceptable, the others send the zone back to installation.
 *
 * @example
 * ```ts
 * const finding: (typeof QC_FINDINGS)[number] = 'edge_silvering';
 * ```
 */
export const QC_FINDINGS = [
  'none',
  'water_pocket',
  'tiny_debris',
  'edge_silvering',
  'lifted_edge',
  'air_bubble',
  'visible_dirt',
] as const;

/**
 * Findings that need rework before the customer signs.
 *
 * @example
 * ```ts
 * REWORK_FINDINGS.includes('lifted_edge'); // true
 * ```
 */
export const REWORK_FINDINGS: readonly string[] = ['lifted_edge', 'air_bubble', 'visible_dirt'];

const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/**
 * The schema of the finalization data.
 *
 * @example
 * ```ts
 * const data = finalizationData.parse(form);
 * ```
 */
export const finalizationData = z.object({
  qc: z.object({
    viewedFromM: z.number().check(z.gt(0), z.lte(10)),
    light: z.enum(['normal', 'daylight', 'inspection_lamp']),
    findings: z
      .array(z.object({ zone: text, finding: z.enum(QC_FINDINGS) }))
      .check(z.minLength(1), z.maxLength(30)),
  }),
  customer: z.object({
    name: text,
    signature: z.string().check(z.minLength(10), z.maxLength(200_000)),
    satisfaction: z.number().check(z.int(), z.gte(1), z.lte(5)),
  }),
  aftercare: z.object({
    noWashDays: z.number().check(z.int(), z.gte(2), z.lte(7)),
    pressureWasherMinCm: z.number().check(z.int(), z.gte(30), z.lte(100)),
    instructionsGiven: z.boolean(),
  }),
  followUpAt: z.iso.datetime({ offset: true }),
  warranty: z.object({
    product: text,
    vin: z.string().check(z.regex(/^[A-HJ-NPR-Z0-9]{17}$/, 'a VIN is 17 characters, no I, O or Q')),
    coverageAreas: z.array(text).check(z.minLength(1), z.maxLength(30)),
    installer: text,
    years: z.number().check(z.int(), z.gte(1), z.lte(12)),
  }),
});

/**
 * What the finalization submits.
 *
 * @example
 * ```ts
 * const warranty: FinalizationData['warranty'] = { product: 'Gloss PPF 8 mil', vin, coverageAreas: ['hood'], installer: 'tech-1', years: 10 };
 * ```
 */
export type FinalizationData = z.output<typeof finalizationData>;

const DAY = 86_400_000;

/**
 * Step 4, finalization: QC at the acceptance standard, the customer's signature and
 * satisfaction, aftercare, the follow-up booking (1–2 weeks), warranty registration data.
 * A finding that needs rework blocks sign-off: send `QC.REWORK` with the zones instead.
 *
 * @example
 * ```ts
 * const step = finalizationStep(resolvePpfOptions());
 * ```
 */
export function finalizationStep(options: ResolvedPpfOptions): StepDefinition {
  return defineStep({
    id: 'finalization',
    title: 'Finalization',
    estimatedMinutes: 45,
    data: finalizationData,
    checklist: [
      { id: 'edges_checked', label: 'All edges checked', required: true },
      { id: 'cleaned', label: 'Vehicle cleaned and masking removed', required: true },
      { id: 'walkthrough', label: 'Walk-through with the customer', required: true },
    ],
    photos: { min: 2, requiredTags: ['final-front', 'final-rear'] },
    check: ({ data, context, at }) => {
      const missing: string[] = [];
      for (const { zone, finding } of data.qc.findings) {
        if (REWORK_FINDINGS.includes(finding))
          missing.push(`QC: ${finding.replace('_', ' ')} on ${zone} needs rework (send QC.REWORK)`);
      }
      if (data.qc.viewedFromM < 1 || data.qc.viewedFromM > 2) {
        missing.push(`QC is judged from about 1.5 m (got ${data.qc.viewedFromM} m)`);
      }
      if (!data.aftercare.instructionsGiven) missing.push('aftercare instructions were not given');
      const days = (Date.parse(data.followUpAt) - at) / DAY;
      const { min, max } = options.followUpDays;
      if (days < min || days > max) missing.push(`the follow-up check must be booked ${min}–${max} days out`);
      const installed = new Set((context.installedZones as string[] | undefined) ?? []);
      for (const area of data.warranty.coverageAreas) {
        if (!installed.has(area)) missing.push(`warranty: ${area} was not installed on this job`);
      }
      return missing;
    },
  });
}
