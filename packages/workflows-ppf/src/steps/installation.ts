import { type ChecklistItem, defineStep, type StepDefinition } from '@rpma/engine';
import * as z from 'zod/mini';
import { filmProduct } from '../films.js';
import type { ResolvedPpfOptions } from '../ppf-options.js';
import { PPF_ZONES } from '../zones.js';

const zoneId = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,49}$/));

/**
 * The checks each zone passes before the next one starts.
 *
 * @example
 * ```ts
 * const checks = Object.fromEntries(ZONE_CHECKS.map((check) => [check, true]));
 * ```
 */
export const ZONE_CHECKS = [
  'degreased',
  'slipSolution',
  'noBubbles',
  'edgesHeated',
  'finalSqueegee',
] as const;

/**
 * The schema of the installation data.
 *
 * @example
 * ```ts
 * const data = installationData.parse(form);
 * ```
 */
export const installationData = z.object({
  environment: z.object({
    temperatureC: z.number().check(z.gte(-30), z.lte(60)),
    humidityPct: z.number().check(z.gte(0), z.lte(100)),
  }),
  zones: z
    .array(
      z.object({
        zone: zoneId,
        film: z.string().check(z.minLength(1), z.maxLength(64)),
        lot: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
        areaM2: z.number().check(z.gt(0), z.lte(40)),
        wasteM2: z.number().check(z.gte(0), z.lte(40)),
        installer: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
        checks: z.object({
          degreased: z.boolean(),
          slipSolution: z.boolean(),
          noBubbles: z.boolean(),
          edgesHeated: z.boolean(),
          finalSqueegee: z.boolean(),
        }),
      }),
    )
    .check(z.minLength(1), z.maxLength(30)),
});

/**
 * What the installation submits.
 *
 * @example
 * ```ts
 * const zone: InstallationData['zones'][number]['zone'] = 'hood';
 * ```
 */
export type InstallationData = z.output<typeof installationData>;

/**
 * Step 3, installation, zone by zone: film product, roll/lot, m² used, waste, the five checks,
 * a photo per zone; every film's environment window (temperature, humidity) is enforced. On a
 * rework only the zones QC sent back are required.
 *
 * @example
 * ```ts
 * const step = installationStep(resolvePpfOptions());
 * ```
 */
export function installationStep(
  options: ResolvedPpfOptions,
  extra: { checklist?: readonly ChecklistItem[]; estimatedMinutes?: number } = {},
): StepDefinition {
  return defineStep({
    id: 'installation',
    title: 'Installation',
    estimatedMinutes: extra.estimatedMinutes ?? 480,
    data: installationData,
    checklist: extra.checklist ?? [],
    photos: { min: 1 },
    environment: (data) =>
      [...new Set(data.zones.map((z) => z.film))].map((sku) => {
        const film = filmProduct(options.films, sku);
        return { product: film.name, reading: data.environment, window: film.window };
      }),
    check: ({ data, context, photos }) => {
      const missing: string[] = [];
      const rework = (context.reworkZones as string[] | undefined) ?? [];
      const required = rework.length > 0 ? rework : ((context.coverage as string[] | undefined) ?? []);
      const done = new Set(data.zones.map((z) => z.zone));
      for (const zone of required) if (!done.has(zone)) missing.push(`zone ${zone} is not installed`);
      const tags = new Set(photos.flatMap((p) => p.tags));
      for (const zone of data.zones) {
        for (const check of ZONE_CHECKS)
          if (!zone.checks[check]) missing.push(`${zone.zone}: '${check}' is not checked`);
        const reference = PPF_ZONES[zone.zone]?.areaM2;
        if (reference !== undefined && zone.areaM2 > reference * 2) {
          missing.push(`${zone.zone}: ${zone.areaM2} m² is more than twice the zone's ~${reference} m²`);
        }
        if (!tags.has(`zone:${zone.zone}`)) missing.push(`photos: no photo tagged 'zone:${zone.zone}'`);
      }
      return missing;
    },
    consumes: (data) =>
      data.zones.flatMap((zone) => [
        {
          sku: zone.film,
          lot: zone.lot,
          quantity: zone.areaM2,
          kind: 'consumption' as const,
          zone: zone.zone,
        },
        ...(zone.wasteM2 > 0
          ? [
              {
                sku: zone.film,
                lot: zone.lot,
                quantity: zone.wasteM2,
                kind: 'waste' as const,
                zone: zone.zone,
                note: 'offcut',
              },
            ]
          : []),
      ]),
  });
}
