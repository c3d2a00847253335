import type * as z from 'zod/mini';
import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Lot, Material } from '../materials/material-model.js';
import type { Doc } from '../storage/contract.js';
import type { Task } from '../tasks/task-model.js';
import type { InterventionFields } from '../workflows/workflow-collections.js';
import { workflowStep } from '../workflows/workflow-step.js';
import { applyMovement, recordConsumption } from './stock-ledger-rules.js';
import type { StockMovement } from './stock-movement.js';
import type { stockCommandInputs } from './stock-operations.js';

function mustMatch(path: string, given: string | undefined, actual: string | undefined, owner: string): void {
  if (given === undefined || given === actual) return;
  const message = `${owner} has ${path} ${actual ?? 'none'}, not ${given}`;
  throw new EngineError('VALIDATION', `invalid ${path}: ${message}`, {
    details: { issues: [{ path, message, code: 'mismatch' }] },
  });
}

/**
 * The body of `stock.purchase` ({@link purchaseStock} in `stock-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-bodies.js')).purchaseStock(ctx, input);
 * ```
 */
export async function purchaseStock(
  ctx: CommandContext,
  input: z.output<typeof stockCommandInputs.purchaseStock>,
): Promise<{ movement: Doc<StockMovement>; lot: Doc<Lot> | null }> {
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
}

/**
 * The body of `stock.consume` ({@link consumeStock} in `stock-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-bodies.js')).consumeStock(ctx, input);
 * ```
 */
export async function consumeStock(
  ctx: CommandContext,
  input: z.output<typeof stockCommandInputs.consumeStock>,
): Promise<Doc<StockMovement>> {
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
}

/**
 * The body of `stock.waste` ({@link wasteStock} in `stock-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-bodies.js')).wasteStock(ctx, input);
 * ```
 */
export async function wasteStock(
  ctx: CommandContext,
  input: z.output<typeof stockCommandInputs.wasteStock>,
): Promise<Doc<StockMovement>> {
  return applyMovement(ctx, { ...input, kind: 'waste', quantity: -input.quantity });
}

/**
 * The body of `stock.adjust` ({@link adjustStock} in `stock-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-bodies.js')).adjustStock(ctx, input);
 * ```
 */
export async function adjustStock(
  ctx: CommandContext,
  input: z.output<typeof stockCommandInputs.adjustStock>,
): Promise<Doc<StockMovement>> {
  return applyMovement(ctx, {
    materialId: input.materialId,
    lotId: input.lotId ?? null,
    kind: 'adjustment',
    quantity: input.delta,
    reason: input.reason,
  });
}

/**
 * The body of `stock.return` ({@link returnStock} in `stock-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-bodies.js')).returnStock(ctx, input);
 * ```
 */
export async function returnStock(
  ctx: CommandContext,
  input: z.output<typeof stockCommandInputs.returnStock>,
): Promise<Doc<StockMovement>> {
  return applyMovement(ctx, { ...input, kind: 'return' });
}

/**
 * The body of `stock.transfer` ({@link transferStock} in `stock-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-bodies.js')).transferStock(ctx, input);
 * ```
 */
export async function transferStock(
  ctx: CommandContext,
  input: z.output<typeof stockCommandInputs.transferStock>,
): Promise<Doc<StockMovement>[]> {
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
}
