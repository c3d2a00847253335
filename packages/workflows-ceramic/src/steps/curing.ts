import { defineStep, type StepDefinition } from '@rpma/engine';
import * as z from 'zod/mini';

/**
 * The schema of the curing data.
 *
 * @example
 * ```ts
 * const data = curingData.parse(form);
 * ```
 */
export const curingData = z.object({
  method: z.enum(['ambient', 'ir']),
  lamps: z.optional(
    z
      .array(
        z.object({
          panel: z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,49}$/)),
          surfaceTempC: z.number().check(z.gte(0), z.lte(120)),
          minutes: z.number().check(z.int(), z.gt(0), z.lte(240)),
        }),
      )
      .check(z.maxLength(100)),
  ),
  keptDryHours: z.number().check(z.gte(0), z.lte(200)),
});

/**
 * What the curing step submits when the vehicle is released.
 *
 * @example
 * ```ts
 * const data: CuringData = { method: 'ambient', keptDryHours: 24 };
 * ```
 */
export type CuringData = z.output<typeof curingData>;

/**
 * Step 3, curing: IR lamps per panel (with surface temperature) or ambient. A durable timer
 * holds the step until the product's minimum cure; submitting before `releaseAt` is refused
 * whatever the wall clock says — the event time decides.
 *
 * @example
 * ```ts
 * const step = curingStep();
 * ```
 */
export function curingStep(): StepDefinition {
  return defineStep({
    id: 'curing',
    title: 'Curing',
    estimatedMinutes: 60,
    data: curingData,
    checklist: [{ id: 'kept_dry', label: 'Vehicle kept dry and indoors', required: true }],
    photos: { min: 0 },
    check: ({ data, context, at }) => {
      const missing: string[] = [];
      const releaseAt = Number(context.releaseAt);
      if (at < releaseAt) {
        missing.push(
          `the coating cures until ${new Date(releaseAt).toISOString()} (${context.product} minimum): the vehicle cannot be released yet`,
        );
      }
      if (data.method !== context.cureMethod)
        missing.push(`curing was planned as ${String(context.cureMethod)}, not ${data.method}`);
      if (data.method === 'ir') {
        const lit = new Set((data.lamps ?? []).map((l) => l.panel));
        for (const panel of (context.coverage as string[] | undefined) ?? []) {
          if (!lit.has(panel)) missing.push(`IR curing: no lamp session recorded for ${panel}`);
        }
        for (const lamp of data.lamps ?? []) {
          if (lamp.surfaceTempC > 80)
            missing.push(`${lamp.panel}: surface at ${lamp.surfaceTempC} °C under the lamp (max 80 °C)`);
        }
      }
      return missing;
    },
  });
}
