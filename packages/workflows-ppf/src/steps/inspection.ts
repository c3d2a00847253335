import { defineStep, type StepDefinition } from '@rpma/engine';
import * as z from 'zod/mini';
import { thicknessFlags } from '../paint-thickness.js';
import type { ResolvedPpfOptions } from '../ppf-options.js';
import { PANEL_NEIGHBOURS, panelsOf } from '../zones.js';

const panelId = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,49}$/));
const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/**
 * Defect types and severities recorded on the vehicle diagram.
 *
 * @example
 * ```ts
 * const type: (typeof DEFECT_TYPES)[number] = 'chip';
 * ```
 */
export const DEFECT_TYPES = ['scratch', 'dent', 'chip', 'paint_issue', 'crack'] as const;

/**
 * The schema of the inspection data.
 *
 * @example
 * ```ts
 * const data = inspectionData.parse(form);
 * ```
 */
export const inspectionData = z.object({
  panels: z
    .array(
      z.object({
        panel: panelId,
        readingsUm: z.array(z.number().check(z.gte(0), z.lte(2000))).check(z.minLength(1), z.maxLength(10)),
      }),
    )
    .check(z.minLength(1), z.maxLength(40)),
  defects: z
    .array(
      z.object({
        panel: panelId,
        type: z.enum(DEFECT_TYPES),
        severity: z.enum(['low', 'medium', 'high']),
        note: z.optional(z.string().check(z.maxLength(500))),
      }),
    )
    .check(z.maxLength(100)),
  bay: z.object({
    temperatureC: z.number().check(z.gte(-30), z.lte(60)),
    humidityPct: z.number().check(z.gte(0), z.lte(100)),
  }),
  waiver: z.optional(z.object({ signedBy: text, panels: z.array(panelId).check(z.maxLength(40)) })),
});

/**
 * What the inspection submits.
 *
 * @example
 * ```ts
 * const bay: InspectionData['bay'] = { temperatureC: 19, humidityPct: 55 };
 * ```
 */
export type InspectionData = z.output<typeof inspectionData>;

/**
 * The guided intake shots every job starts with: one stored photo per shot, uploaded with the
 * shot as its angle.
 *
 * @example
 * ```ts
 * for (const angle of INTAKE_SHOTS) await shop.photos.upload({ interventionId, stepId: 'inspection', bytes, angle });
 * ```
 */
export const INTAKE_SHOTS = [
  'front-left',
  'front-right',
  'rear-left',
  'rear-right',
  'vin',
  'odometer',
] as const;

/**
 * Step 1, inspection (intake): guided photos, defects per panel with type and severity, paint
 * thickness per panel (average of ~5 readings) with thin / repaint / difference flags, each of
 * which needs the customer's waiver before film goes on.
 *
 * @example
 * ```ts
 * const step = inspectionStep(resolvePpfOptions());
 * ```
 */
export function inspectionStep(options: ResolvedPpfOptions): StepDefinition {
  return defineStep({
    id: 'inspection',
    title: 'Inspection',
    estimatedMinutes: 45,
    data: inspectionData,
    checklist: [
      { id: 'walkaround', label: 'Walk-around with the customer', required: true },
      { id: 'belongings', label: 'Personal belongings noted', required: false },
    ],
    photos: { min: INTAKE_SHOTS.length, requiredTags: INTAKE_SHOTS },
    check: ({ data, context, photos }) => {
      const missing: string[] = [];
      const measured = new Set(data.panels.map((p) => p.panel));
      for (const panel of panelsOf((context.coverage as string[]) ?? [])) {
        if (!measured.has(panel)) missing.push(`paint thickness: no reading for ${panel}`);
      }
      const tags = new Set(photos.flatMap((p) => p.tags));
      for (const defect of data.defects) {
        if (defect.severity !== 'low' && !tags.has(`damage:${defect.panel}`)) {
          missing.push(
            `photos: the ${defect.severity} ${defect.type} on ${defect.panel} needs a photo tagged 'damage:${defect.panel}'`,
          );
        }
      }
      const waived = new Set(data.waiver?.panels ?? []);
      for (const flag of thicknessFlags(data.panels, PANEL_NEIGHBOURS, options.thickness)) {
        if (!waived.has(flag.panel)) missing.push(`waiver: the customer must acknowledge ${flag.message}`);
      }
      return missing;
    },
  });
}
