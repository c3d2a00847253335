import * as z from 'zod/mini';
import { defineCommand } from '../domain/command.js';
import { idString, isoDate, longText, shortText } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import { type Lot, type Material, money, quantity } from '../materials/material-model.js';
import type { Doc } from '../storage/contract.js';
import type { Task } from '../tasks/task-model.js';
import { interventionOwnership } from '../workflows/intervention-commands.js';
import type { InterventionFields } from '../workflows/workflow-collections.js';
import { workflowStep } from '../workflows/workflow-step.js';
import { applyMovement, recordConsumption } from './stock-ledger.js';
import type { StockMovement } from './stock-movement.js';

const lotNumber = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const reason = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));
const optionalId = z.optional(idString);

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
  input: z.strictObject({
    materialId: idString,
    quantity,
    lotNumber: z.optional(lotNumber),
    receivedAt: z.optional(isoDate),
    expiresAt: z.optional(z.nullable(isoDate)),
    unitCost: z.optional(money),
    location: z.optional(shortText),
    note: z.optional(longText),
  }),
  run: async (ctx, input): Promise<{ movement: Doc<StockMovement>; lot: Doc<Lot> | null }> => {
    const material = await ctx.load<Material>('materials', input.materialId);
    let lot: Doc<Lot> | null = null;
    if (input.lotNumber !== undefined) {
      const found = await ctx.tx.find<Lot>('lots', {
        where: { materialId: material.id, lotNumber: input.lotNumber },
        limit: 1,
        deleted: 'all',
      });
      lot =
        found.items[0] ??
        (await ctx.insert<Lot>('lots', {
          materialId: material.id,
          lotNumber: input.lotNumber,
          receivedAt: input.receivedAt ? new Date(input.receivedAt).toISOString() : ctx.now,
          expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
          unitCost: input.unitCost ?? material.unitCost,
        }));
    }
    const movement = await applyMovement(ctx, {
      materialId: material.id,
      lotId: lot?.id ?? null,
      kind: 'purchase',
      quantity: input.quantity,
      location: input.location ?? material.storageLocation,
      note: input.note ?? null,
    });
    return { movement, lot };
  },
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
  input: z.strictObject({
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
  ownership: { assignee: (tx, input) => interventionOwnership.assignee(tx, { id: input.interventionId }) },
  run: async (ctx, input): Promise<Doc<StockMovement>> => {
    const intervention = await ctx.load<InterventionFields>('interventions', input.interventionId);
    workflowStep(ctx, intervention, input.stepId);
    const task = await ctx.tx.get<Task>('tasks', intervention.taskId);
    const vehicleId = task?.vehicleId ?? undefined;
    mustMatch('taskId', input.taskId, intervention.taskId, `intervention ${intervention.id}`);
    mustMatch('vehicleId', input.vehicleId, vehicleId, `task ${intervention.taskId}`);
    return recordConsumption(ctx, {
      ...input,
      kind: 'consumption',
      taskId: intervention.taskId,
      ...(vehicleId === undefined ? {} : { vehicleId }),
    });
  },
});

function mustMatch(path: string, given: string | undefined, actual: string | undefined, owner: string): void {
  if (given === undefined || given === actual) return;
  const message = `${owner} has ${path} ${actual ?? 'none'}, not ${given}`;
  throw new EngineError('VALIDATION', `invalid ${path}: ${message}`, {
    details: { issues: [{ path, message, code: 'mismatch' }] },
  });
}

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
  input: z.strictObject({
    materialId: idString,
    lotId: optionalId,
    quantity,
    reason,
    interventionId: optionalId,
    stepId: optionalId,
    taskId: optionalId,
  }),
  run: (ctx, input): Promise<Doc<StockMovement>> =>
    applyMovement(ctx, { ...input, kind: 'waste', quantity: -input.quantity }),
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
  input: z.strictObject({
    materialId: idString,
    lotId: optionalId,
    delta: z.number().check(
      z.gte(-1e9),
      z.lte(1e9),
      z.refine((n) => n !== 0, 'an adjustment cannot be 0'),
    ),
    reason,
  }),
  run: (ctx, input): Promise<Doc<StockMovement>> =>
    applyMovement(ctx, {
      materialId: input.materialId,
      lotId: input.lotId ?? null,
      kind: 'adjustment',
      quantity: input.delta,
      reason: input.reason,
    }),
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
  input: z.strictObject({
    materialId: idString,
    lotId: optionalId,
    quantity,
    interventionId: optionalId,
    note: z.optional(longText),
  }),
  run: (ctx, input): Promise<Doc<StockMovement>> => applyMovement(ctx, { ...input, kind: 'return' }),
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
  input: z.strictObject({
    materialId: idString,
    lotId: optionalId,
    quantity,
    from: shortText,
    to: shortText,
  }),
  run: async (ctx, input): Promise<Doc<StockMovement>[]> => {
    if (input.from === input.to) {
      throw new EngineError('VALIDATION', 'a transfer needs two different locations', { details: input });
    }
    const transferId = ctx.ids.next();
    const common = {
      materialId: input.materialId,
      lotId: input.lotId ?? null,
      kind: 'transfer' as const,
      transferId,
    };
    return [
      await applyMovement(ctx, { ...common, quantity: -input.quantity, location: input.from }),
      await applyMovement(ctx, { ...common, quantity: input.quantity, location: input.to }),
    ];
  },
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
