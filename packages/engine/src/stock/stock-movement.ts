import type { CollectionSchema } from '../storage/contract.js';

/**
 * The kinds of movement, the only ways stock changes:
 * `purchase` (+, received from a supplier), `consumption` (−, used on a job), `waste` (−, with a
 * reason), `adjustment` (±, with a reason, supervisors and up), `return` (+, unused material
 * back to the shelf), `transfer` (a − and a + between storage locations, net zero).
 */
export const MOVEMENT_KINDS = [
  'purchase',
  'consumption',
  'waste',
  'adjustment',
  'return',
  'transfer',
] as const;

/** One movement kind. */
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * One stock movement. `quantity` is signed (− takes stock out); `value` is `quantity × unitCost`
 * at the time of the movement. A consumption names the intervention, step, task and vehicle it
 * went into, which is what lot tracing follows.
 *
 * @example
 * ```ts
 * const used: StockMovement = {
 *   materialId: 'm-1', lotId: 'l-7', kind: 'consumption', quantity: -2.4, unitCost: 38.5, value: -92.4,
 *   currency: 'EUR', at: '2026-03-02T10:00:00.000Z', reason: null, note: null, interventionId: 'i-1',
 *   stepId: 'installation', taskId: 't-1', vehicleId: 'v-1', zone: 'hood', location: null, transferId: null,
 *   actorId: 'u-2', generation: 1,
 * };
 * ```
 */
export interface StockMovement {
  materialId: string;
  lotId: string | null;
  kind: MovementKind;
  quantity: number;
  unitCost: number;
  value: number;
  currency: string;
  at: string;
  reason: string | null;
  note: string | null;
  interventionId: string | null;
  stepId: string | null;
  taskId: string | null;
  vehicleId: string | null;
  zone: string | null;
  location: string | null;
  transferId: string | null;
  actorId: string;
  /** The ledger generation: one more than the latest stock checkpoint when it was written. */
  generation: number;
}

/**
 * The `stockMovements` collection, indexed for on-hand sums (by material, by lot), history by
 * time, consumption per intervention/task/period and lot tracing by vehicle.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(stockMovementsCollection);
 * ```
 */
export const stockMovementsCollection: CollectionSchema = {
  name: 'stockMovements',
  fields: {
    materialId: 'string',
    lotId: 'string',
    kind: 'string',
    quantity: 'number',
    value: 'number',
    at: 'date',
    interventionId: 'string',
    taskId: 'string',
    vehicleId: 'string',
    location: 'string',
    generation: 'number',
  },
  indexes: [
    ['materialId', 'quantity'],
    ['lotId', 'quantity'],
    ['materialId', 'at'],
    ['lotId', 'at'],
    ['kind', 'at'],
    ['interventionId', 'materialId'],
    ['taskId', 'materialId'],
    ['vehicleId', 'at'],
    ['generation', 'materialId', 'quantity'],
  ],
};

/**
 * Rounds a quantity or amount to 6 decimals, so sums of decimal quantities compare exactly.
 *
 * @example
 * ```ts
 * roundQuantity(0.1 + 0.2); // 0.3
 * ```
 */
export function roundQuantity(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
