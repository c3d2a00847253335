import * as z from 'zod/mini';
import { defineCommand } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { idString, isoDate, longText, shortText } from '../domain/schemas.js';
import { lazyModule } from '../kernel/lazy-module.js';
import { money, quantity } from '../materials/material-model.js';
import { interventionOwnership } from '../workflows/intervention-commands.js';

const bodies = lazyModule('stock operations', () => import('./inventory-bodies.js'));

const lotNumber = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const reason = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));
const optionalId = z.optional(idString);

/**
 * The input schemas of the operations of this file (their bodies, in `stock-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof stockCommandInputs.purchaseStock> = parseInput(stockCommandInputs.purchaseStock, raw, 'stock.purchase');
 * ```
 */
export const stockCommandInputs = {
  purchaseStock: z.strictObject({
    materialId: idString,
    quantity,
    lotNumber: z.optional(lotNumber),
    receivedAt: z.optional(isoDate),
    expiresAt: z.optional(z.nullable(isoDate)),
    unitCost: z.optional(money),
    location: z.optional(shortText),
    note: z.optional(longText),
  }),
  consumeStock: z.strictObject({
    sku: z.string().check(z.minLength(1), z.maxLength(64)),
    lot: z.optional(lotNumber),
    quantity,
    interventionId: idString,
    stepId: idString,
    taskId: optionalId,
    vehicleId: optionalId,
    zone: z.optional(shortText),
    note: z.optional(longText),
  }),
  wasteStock: z.strictObject({
    materialId: idString,
    lotId: optionalId,
    quantity,
    reason,
    interventionId: optionalId,
    stepId: optionalId,
    taskId: optionalId,
  }),
  adjustStock: z.strictObject({
    materialId: idString,
    lotId: optionalId,
    delta: z.number().check(
      z.gte(-1e9),
      z.lte(1e9),
      z.refine((n) => n !== 0, 'an adjustment cannot be 0'),
    ),
    reason,
  }),
  returnStock: z.strictObject({
    materialId: idString,
    lotId: optionalId,
    quantity,
    interventionId: optionalId,
    note: z.optional(longText),
  }),
  transferStock: z.strictObject({
    materialId: idString,
    lotId: optionalId,
    quantity,
    from: shortText,
    to: shortText,
  }),
};

/**
 * `stock.purchase`: receives stock from a supplier. With a `lotNumber` the lot is created on its
 * first reception (received date, expiry, cost) and topped up afterwards.
 *
 * @example
 * ```ts
 * const { lot } = await shop.stock.purchase({ materialId: film.id, quantity: 30, lotNumber: 'R-2026-118', expiresAt: '2027-06-30T00:00:00Z' });
 * ```
 */
export const purchaseStock = defineCommand({
  name: 'stock.purchase',
  input: stockCommandInputs.purchaseStock,
  run: lazyBody(bodies, 'purchaseStock'),
});

/**
 * `stock.consume`: material used on a job, by SKU and lot number, linked to the intervention
 * step (and task, vehicle) it went into. The intervention must exist (`NOT_FOUND`) and `stepId`
 * be a step of its workflow (`VALIDATION`); a technician consumes only against an intervention
 * whose task is assigned to them (`FORBIDDEN`, the rule of `interventions.send`). The task is the
 * intervention's and the vehicle the task's: a `taskId` or `vehicleId` naming others is refused
 * with `VALIDATION`. Refused with `PRECONDITION` when it would take stock below zero and
 * negatives are not allowed. The workflow runtime calls `recordConsumption` inside its own
 * transaction instead.
 *
 * @example
 * ```ts
 * await shop.stock.consume({ sku: 'XPEL-ULT-60', lot: 'R-2026-118', quantity: 2.4, interventionId: run.id, stepId: 'installation', taskId: task.id, zone: 'hood' });
 * ```
 */
export const consumeStock = defineCommand({
  name: 'stock.consume',
  input: stockCommandInputs.consumeStock,
  ownership: { assignee: (tx, input) => interventionOwnership.assignee(tx, { id: input.interventionId }) },
  run: lazyBody(bodies, 'consumeStock'),
});

/**
 * `stock.waste`: material spoiled or thrown away, with a reason.
 *
 * @example
 * ```ts
 * await shop.stock.waste({ materialId: film.id, lotId: roll.id, quantity: 0.5, reason: 'creased during install' });
 * ```
 */
export const wasteStock = defineCommand({
  name: 'stock.waste',
  input: stockCommandInputs.wasteStock,
  run: lazyBody(bodies, 'wasteStock'),
});

/**
 * `stock.adjust`: corrects stock after a count, up or down (`delta` signed, never 0), with a
 * reason. Supervisors and admins only.
 *
 * @example
 * ```ts
 * await shop.stock.adjust({ materialId: film.id, delta: -1.5, reason: 'inventory count 2026-11' });
 * ```
 */
export const adjustStock = defineCommand({
  name: 'stock.adjust',
  input: stockCommandInputs.adjustStock,
  run: lazyBody(bodies, 'adjustStock'),
});

/**
 * `stock.return`: unused material back on the shelf (for example the rest of a roll after a job).
 *
 * @example
 * ```ts
 * await shop.stock.return({ materialId: film.id, lotId: roll.id, quantity: 1.2, interventionId: run.id });
 * ```
 */
export const returnStock = defineCommand({
  name: 'stock.return',
  input: stockCommandInputs.returnStock,
  run: lazyBody(bodies, 'returnStock'),
});

/**
 * `stock.transfer`: moves stock between storage locations: two movements sharing a
 * `transferId` (out of `from`, into `to`), so the material's total does not change.
 *
 * @example
 * ```ts
 * await shop.stock.transfer({ materialId: film.id, quantity: 5, from: 'Rack A', to: 'Van 2' });
 * ```
 */
export const transferStock = defineCommand({
  name: 'stock.transfer',
  input: stockCommandInputs.transferStock,
  run: lazyBody(bodies, 'transferStock'),
});

/** The stock commands, as the `shop.stock` section exposes them (with the queries). */
export const stockCommands = {
  purchase: purchaseStock,
  consume: consumeStock,
  waste: wasteStock,
  adjust: adjustStock,
  return: returnStock,
  transfer: transferStock,
};
