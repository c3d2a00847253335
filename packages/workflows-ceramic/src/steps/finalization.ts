import { defineStep, type StepDefinition } from '@rpma/engine';
import * as z from 'zod/mini';
import type { CoatingProduct } from '../coating-products.js';

const DAY = 86_400_000;
const MONTH = 31 * DAY;

/**
 * The schema of the finalization data.
 *
 * @example
 * ```ts
 * const data = finalizationData.parse(form);
 * ```
 */
export const finalizationData = z.object({
  qc: z.object({ passed: z.boolean(), notes: z.optional(z.string().check(z.maxLength(2000))) }),
  aftercare: z.object({
    handWashOnly: z.boolean(),
    noWashDays: z.number().check(z.int(), z.gte(0), z.lte(30)),
  }),
  warranty: z.object({
    registrationDeadline: z.iso.datetime({ offset: true }),
    years: z.number().check(z.int(), z.gte(1), z.lte(10)),
  }),
  maintenance: z.object({
    intervalMonths: z.number().check(z.int(), z.gte(1), z.lte(24)),
    firstVisitAt: z.iso.datetime({ offset: true }),
  }),
});

/**
 * What the finalization submits.
 *
 * @example
 * ```ts
 * const maintenance: FinalizationData['maintenance'] = { intervalMonths: 12, firstVisitAt: '2027-05-26T09:00:00Z' };
 * ```
 */
export type FinalizationData = z.output<typeof finalizationData>;

/**
 * Step 4, finalization: QC, aftercare (hand wash only, no wash for the product's days),
 * warranty registration within the maker's deadline, and the maintenance schedule that keeps
 * the warranty valid.
 *
 * @example
 * ```ts
 * const step = finalizationStep(COATING_PRODUCTS);
 * ```
 */
export function finalizationStep(products: Readonly<Record<string, CoatingProduct>>): StepDefinition {
  return defineStep({
    id: 'finalization',
    title: 'Finalization',
    estimatedMinutes: 30,
    data: finalizationData,
    checklist: [
      { id: 'qc_lights', label: 'QC under inspection lights', required: true },
      { id: 'aftercare_explained', label: 'Aftercare explained to the customer', required: true },
    ],
    photos: { min: 2, requiredTags: ['final-front', 'final-rear'] },
    check: ({ data, context, at }) => {
      const product = products[String(context.product)];
      const missing: string[] = [];
      if (!data.qc.passed) missing.push('QC has not passed');
      if (!data.aftercare.handWashOnly) missing.push('aftercare must say hand wash only');
      if (!product) return [...missing, `unknown coating product ${String(context.product)}`];
      if (data.aftercare.noWashDays < product.noWashDays) {
        missing.push(`aftercare: ${product.name} needs ${product.noWashDays} days without washing`);
      }
      if (Date.parse(data.warranty.registrationDeadline) > at + product.warrantyRegistrationDays * DAY) {
        missing.push(
          `warranty: ${product.name} must be registered within ${product.warrantyRegistrationDays} days`,
        );
      }
      if (data.warranty.years > product.warrantyYears) {
        missing.push(
          `warranty: ${product.name} carries ${product.warrantyYears} years, not ${data.warranty.years}`,
        );
      }
      if (data.maintenance.intervalMonths > product.maintenanceMonths) {
        missing.push(
          `maintenance: ${product.name} needs a visit at least every ${product.maintenanceMonths} months`,
        );
      }
      const firstVisit = Date.parse(data.maintenance.firstVisitAt);
      if (firstVisit <= at || firstVisit > at + data.maintenance.intervalMonths * MONTH) {
        missing.push(
          `maintenance: the first visit must fall within ${data.maintenance.intervalMonths} months`,
        );
      }
      return missing;
    },
  });
}
