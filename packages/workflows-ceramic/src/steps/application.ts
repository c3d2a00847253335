import { defineStep, type StepDefinition } from '@rpma/engine';
import * as z from 'zod/mini';
import { type CoatingProduct, MAX_LAYERS_OVER_FILM } from '../coating-products.js';

const panelId = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,49}$/));

/**
 * The schema of the application data.
 *
 * @example
 * ```ts
 * const data = applicationData.parse(form);
 * ```
 */
export const applicationData = z.object({
  product: z.string().check(z.minLength(1), z.maxLength(64)),
  bottleLot: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  environment: z.object({
    temperatureC: z.number().check(z.gte(-30), z.lte(60)),
    humidityPct: z.number().check(z.gte(0), z.lte(100)),
    surfaceTempC: z.number().check(z.gte(-30), z.lte(90)),
  }),
  layers: z
    .array(
      z.object({
        panel: panelId,
        layer: z.number().check(z.int(), z.gte(1), z.lte(10)),
        flashSeconds: z.number().check(z.int(), z.gte(0), z.lte(3600)),
        highSpotCheck: z.boolean(),
      }),
    )
    .check(z.minLength(1), z.maxLength(200)),
  mlUsed: z.number().check(z.gt(0), z.lte(500)),
  cureMethod: z.enum(['ambient', 'ir']),
  overFilm: z.boolean(),
});

/**
 * What the application submits.
 *
 * @example
 * ```ts
 * const method: ApplicationData['cureMethod'] = 'ir';
 * ```
 */
export type ApplicationData = z.output<typeof applicationData>;

/**
 * Step 2, application: product and bottle lot, each panel × layer with flash time and high-spot
 * check, behind the product's environment gate (temperature, humidity, surface ≥ 3 °C over the
 * dew point). The bottle's millilitres are consumed from the lot.
 *
 * @example
 * ```ts
 * const step = applicationStep(COATING_PRODUCTS);
 * ```
 */
export function applicationStep(products: Readonly<Record<string, CoatingProduct>>): StepDefinition {
  return defineStep({
    id: 'application',
    title: 'Application',
    estimatedMinutes: 180,
    data: applicationData,
    checklist: [
      { id: 'gloves', label: 'Nitrile gloves and respirator', required: true },
      { id: 'lights', label: 'Inspection lights set up', required: true },
    ],
    photos: { min: 0 },
    environment: (data) => {
      const product = products[data.product];
      return product ? [{ product: product.name, reading: data.environment, window: product.window }] : [];
    },
    check: ({ data, context }) => {
      const product = products[data.product];
      if (!product)
        return [`unknown coating product ${data.product} (known: ${Object.keys(products).join(', ')})`];
      const missing: string[] = [];
      for (const panel of (context.coverage as string[] | undefined) ?? []) {
        const count = data.layers.filter((l) => l.panel === panel).length;
        if (count < product.layers) missing.push(`${panel}: ${count} of ${product.layers} layers applied`);
        if (data.overFilm && count > MAX_LAYERS_OVER_FILM) {
          missing.push(`${panel}: ${count} layers over self-healing film (at most ${MAX_LAYERS_OVER_FILM})`);
        }
      }
      for (const layer of data.layers) {
        if (!layer.highSpotCheck) missing.push(`${layer.panel} layer ${layer.layer}: high spots not checked`);
      }
      return missing;
    },
    consumes: (data) => [
      { sku: data.product, lot: data.bottleLot, quantity: data.mlUsed, kind: 'consumption' as const },
    ],
  });
}
