import * as z from 'zod/mini';
import { defineQuery } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { idString } from '../domain/schemas.js';
import { lazyModule } from '../kernel/lazy-module.js';
import type { StockMovement } from './stock-movement.js';

const bodies = lazyModule('stock operations', () => import('./inventory-bodies.js'));

/** One use of a lot on a job: which vehicle, task, intervention step and zone, how much, when. */
export interface LotUse {
  movementId: string;
  kind: StockMovement['kind'];
  lotId: string | null;
  lotNumber: string | null;
  materialId: string;
  sku: string;
  quantity: number;
  vehicleId: string | null;
  taskId: string | null;
  interventionId: string | null;
  stepId: string | null;
  zone: string | null;
  at: string;
}

/**
 * The input schemas of the operations of this file (their bodies, in `lot-tracing-body.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof lotTracingInputs.traceLot> = parseInput(lotTracingInputs.traceLot, raw, 'stock.traceLot');
 * ```
 */
export const lotTracingInputs = {
  traceLot: z.strictObject({ lotId: idString }),
  traceVehicle: z.strictObject({ vehicleId: idString }),
};

/**
 * `stock.traceLot`: "which vehicles got roll X" — every use of a lot on a job (movement →
 * intervention step → task → vehicle), oldest first, and the distinct vehicles.
 *
 * @example
 * ```ts
 * const { vehicles, uses } = await shop.stock.traceLot({ lotId: roll.id });
 * ```
 */
export const traceLot = defineQuery({
  name: 'stock.traceLot',
  input: lotTracingInputs.traceLot,
  run: lazyBody(bodies, 'traceLot'),
});

/**
 * `stock.traceVehicle`: "which rolls went on this car" — every material and lot used on a
 * vehicle's jobs, oldest first, and the totals per lot.
 *
 * @example
 * ```ts
 * const { lots } = await shop.stock.traceVehicle({ vehicleId: car.id });
 * ```
 */
export const traceVehicle = defineQuery({
  name: 'stock.traceVehicle',
  input: lotTracingInputs.traceVehicle,
  run: lazyBody(bodies, 'traceVehicle'),
});
