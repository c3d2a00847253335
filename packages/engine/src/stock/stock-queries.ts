import * as z from 'zod/mini';
import { defineQuery } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { cursor, idString, isoDate, pageLimit } from '../domain/schemas.js';
import { lazyModule } from '../kernel/lazy-module.js';
import type { Lot, Material } from '../materials/material-model.js';
import { MATERIAL_TYPES } from '../materials/material-model.js';
import type { Doc } from '../storage/contract.js';
import { MOVEMENT_KINDS } from './stock-movement.js';

const bodies = lazyModule('stock operations', () => import('./inventory-bodies.js'));

/** A material with what it has on hand. */
export interface StockLevel {
  material: Doc<Material>;
  onHand: number;
  /** On hand is at or below the reorder point. */
  low: boolean;
  /** On hand × unit cost (never below 0). */
  value: number;
}

/** A lot with what it has on hand and its alerts. */
export interface LotStatus {
  lot: Doc<Lot>;
  sku: string;
  onHand: number;
  ageDays: number;
  expired: boolean;
  expiringSoon: boolean;
  /** A film roll older than its shelf life: warranty at risk. */
  overShelfLife: boolean;
}

const typeInput = z.optional(z.strictObject({ type: z.optional(z.enum(MATERIAL_TYPES)) }));

/**
 * The input schemas of the operations of this file (their bodies, in `stock-query-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof stockQueryInputs.stockLevels> = parseInput(stockQueryInputs.stockLevels, raw, 'stock.levels');
 * ```
 */
export const stockQueryInputs = {
  stockLevels: typeInput,
  lowStock: typeInput,
  stockOnHand: z.strictObject({ materialId: idString }),
  lotStatuses: z.optional(
    z.strictObject({ materialId: z.optional(idString), alertsOnly: z.optional(z.boolean()) }),
  ),
  stockHistory: z.strictObject({
    materialId: z.optional(idString),
    lotId: z.optional(idString),
    kind: z.optional(z.enum(MOVEMENT_KINDS)),
    from: z.optional(isoDate),
    to: z.optional(isoDate),
    limit: z.optional(pageLimit),
    after: z.optional(cursor),
  }),
  stockConsumption: z.strictObject({
    interventionId: z.optional(idString),
    taskId: z.optional(idString),
    from: z.optional(isoDate),
    to: z.optional(isoDate),
    bucket: z.optional(z.enum(['day', 'week', 'month'])),
  }),
  stockValuation: typeInput,
};

/**
 * `stock.levels`: every live material (optionally of one type) with its stock on hand: the
 * latest stock checkpoint plus one grouped aggregate of the movements written since.
 *
 * @example
 * ```ts
 * const films = await shop.stock.levels({ type: 'film' });
 * ```
 */
export const stockLevels = defineQuery({
  name: 'stock.levels',
  input: stockQueryInputs.stockLevels,
  run: lazyBody(bodies, 'stockLevels'),
});

/**
 * `stock.lowStock`: materials at or below their reorder point.
 *
 * @example
 * ```ts
 * const reorder = await shop.stock.lowStock();
 * ```
 */
export const lowStock = defineQuery({
  name: 'stock.lowStock',
  input: stockQueryInputs.lowStock,
  run: lazyBody(bodies, 'lowStock'),
});

/**
 * `stock.onHand`: one material's stock, in total and per lot.
 *
 * @example
 * ```ts
 * const { onHand, lots } = await shop.stock.onHand({ materialId: film.id });
 * ```
 */
export const stockOnHand = defineQuery({
  name: 'stock.onHand',
  input: stockQueryInputs.stockOnHand,
  run: lazyBody(bodies, 'stockOnHand'),
});

/**
 * `stock.lots`: lots with stock on hand (optionally of one material), each flagged `expired`,
 * `expiringSoon` (within the organisation's warning days) and `overShelfLife` (a film roll older
 * than its shelf life: warranty risk). With `alertsOnly`, only lots with a flag.
 *
 * @example
 * ```ts
 * const risky = await shop.stock.lots({ alertsOnly: true });
 * ```
 */
export const lotStatuses = defineQuery({
  name: 'stock.lots',
  input: stockQueryInputs.lotStatuses,
  run: lazyBody(bodies, 'lotStatuses'),
});

/**
 * `stock.history`: movements, newest first, of a material or a lot, optionally of one kind and
 * within a period; cursor-paged.
 *
 * @example
 * ```ts
 * const { items } = await shop.stock.history({ materialId: film.id, limit: 50 });
 * ```
 */
export const stockHistory = defineQuery({
  name: 'stock.history',
  input: stockQueryInputs.stockHistory,
  run: lazyBody(bodies, 'stockHistory'),
});

/**
 * `stock.consumption`: material consumed and wasted, per material and kind, for one intervention,
 * one task, or a period (optionally bucketed by day, week or month); quantities positive, `cost`
 * at the unit cost of each movement.
 *
 * @example
 * ```ts
 * const rows = await shop.stock.consumption({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', bucket: 'week' });
 * ```
 */
export const stockConsumption = defineQuery({
  name: 'stock.consumption',
  input: stockQueryInputs.stockConsumption,
  run: lazyBody(bodies, 'stockConsumption'),
});

/**
 * `stock.valuation`: the value of the stock on hand at each material's unit cost, per material
 * and in total per currency (negative stock counts as zero).
 *
 * @example
 * ```ts
 * const { totals } = await shop.stock.valuation(); // { EUR: 18250.5 }
 * ```
 */
export const stockValuation = defineQuery({
  name: 'stock.valuation',
  input: stockQueryInputs.stockValuation,
  run: lazyBody(bodies, 'stockValuation'),
});
