import { defineWorkflow, type WorkflowPlugin } from '@rpma/engine';
import { CERAMIC_LABELS } from './ceramic-labels.js';
import { ceramicMachine } from './ceramic-machine.js';
import { COATING_PRODUCTS, type CoatingProduct } from './coating-products.js';
import { applicationStep } from './steps/application.js';
import { curingStep } from './steps/curing.js';
import { finalizationStep } from './steps/finalization.js';
import { preparationStep } from './steps/preparation.js';

/**
 * What a shop can set on the ceramic workflow.
 *
 * @example
 * ```ts
 * const options: CeramicOptions = { products: { ...COATING_PRODUCTS, 'MY-COAT': myCoat } };
 * ```
 */
export interface CeramicOptions {
  /** Coating products by SKU (default {@link COATING_PRODUCTS}). */
  products?: Readonly<Record<string, CoatingProduct>>;
}

/**
 * The ceramic coating workflow (`ceramic`, version 1): preparation, application behind the
 * product's environment gate, curing held by a durable timer until the product's minimum,
 * finalization with warranty and maintenance schedule.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage: sqljsStorage(), workflows: [ceramicWorkflow()] });
 * ```
 */
export function ceramicWorkflow(options: CeramicOptions = {}): WorkflowPlugin {
  const products = options.products ?? COATING_PRODUCTS;
  return defineWorkflow({
    id: 'ceramic',
    version: 1,
    title: 'Ceramic coating',
    machine: ceramicMachine(products),
    steps: [preparationStep(), applicationStep(products), curingStep(), finalizationStep(products)],
    labels: CERAMIC_LABELS,
  });
}
