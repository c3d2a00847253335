import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Lot, Material } from '../materials/material-model.js';
import type { Doc, ReadTransaction, Where } from '../storage/contract.js';
import { inventorySettings } from './inventory-settings.js';
import { checkpointIfDue, latestCheckpoint } from './stock-checkpoints.js';
import { type MovementKind, roundQuantity, type StockMovement } from './stock-movement.js';

/**
 * A movement to apply: `quantity` is signed (− takes stock out). Everything but the material
 * and the quantity is optional.
 */
export interface MovementDraft {
  materialId: string;
  lotId?: string | null;
  kind: MovementKind;
  quantity: number;
  reason?: string | null;
  note?: string | null;
  interventionId?: string | null;
  stepId?: string | null;
  taskId?: string | null;
  vehicleId?: string | null;
  zone?: string | null;
  location?: string | null;
  transferId?: string | null;
}

/**
 * Stock on hand: the sum of the movements matching `where` (a material, a lot), computed by
 * the storage adapter's aggregate, never stored.
 *
 * @example
 * ```ts
 * const left = await onHand(ctx.tx, { lotId: roll.id });
 * ```
 */
export async function onHand(tx: ReadTransaction, where: Where): Promise<number> {
  const [row] = await tx.aggregate('stockMovements', {
    where,
    deleted: 'all',
    measures: { onHand: { fn: 'sum', field: 'quantity' } },
  });
  return roundQuantity(row?.values.onHand ?? 0);
}

/**
 * Applies one stock movement inside an existing command transaction — the only way stock
 * changes. In that same transaction it loads the material (and lot), sums what is on hand, and
 * refuses with `PRECONDITION` (`details.reason: 'INSUFFICIENT_STOCK'`) a movement that would take
 * the material or the lot below zero unless the organisation allows negative stock. Because the
 * storage adapter serialises write transactions, two concurrent consumptions of the last units
 * cannot both pass. When the movement takes the material from above its reorder point to at or
 * below it, `material.low_stock` is queued (published after commit): once per crossing (a
 * transfer, net zero, never crosses).
 *
 * @example
 * ```ts
 * await applyMovement(ctx, { materialId: film.id, lotId: roll.id, kind: 'waste', quantity: -0.4, reason: 'creased' });
 * ```
 */
export async function applyMovement(ctx: CommandContext, draft: MovementDraft): Promise<Doc<StockMovement>> {
  const material = await ctx.load<Material>('materials', draft.materialId);
  const lot = draft.lotId ? await ctx.load<Lot>('lots', draft.lotId) : null;
  if (lot && lot.materialId !== material.id) {
    throw new EngineError('VALIDATION', `lot ${lot.lotNumber} is not a lot of ${material.sku}`, {
      details: { lotId: lot.id, materialId: material.id },
    });
  }
  const quantity = roundQuantity(draft.quantity);
  const before = await onHand(ctx.tx, { materialId: material.id });
  const after = roundQuantity(before + quantity);
  if (quantity < 0 && !(await inventorySettings(ctx.tx)).allowNegativeStock) {
    refuseBelowZero(material, null, before, quantity);
    if (lot) refuseBelowZero(material, lot, await onHand(ctx.tx, { lotId: lot.id }), quantity);
  }
  const unitCost = lot?.unitCost ?? material.unitCost;
  const movement = await ctx.insert<StockMovement>('stockMovements', {
    materialId: material.id,
    lotId: lot?.id ?? null,
    kind: draft.kind,
    quantity,
    unitCost,
    value: roundQuantity(quantity * unitCost),
    currency: material.currency,
    at: ctx.now,
    reason: draft.reason ?? null,
    note: draft.note ?? null,
    interventionId: draft.interventionId ?? null,
    stepId: draft.stepId ?? null,
    taskId: draft.taskId ?? null,
    vehicleId: draft.vehicleId ?? null,
    zone: draft.zone ?? null,
    location: draft.location ?? null,
    transferId: draft.transferId ?? null,
    actorId: ctx.principal.userId,
    generation: (await latestCheckpoint(ctx.tx)).generation + 1,
  });
  await checkpointIfDue(ctx.tx, ctx.now);
  const crossed = before > material.reorderPoint && after <= material.reorderPoint;
  if (crossed && draft.kind !== 'transfer') {
    ctx.emit('material.low_stock', {
      materialId: material.id,
      sku: material.sku,
      name: material.name,
      onHand: after,
      reorderPoint: material.reorderPoint,
      unit: material.unit,
      at: ctx.now,
    });
  }
  return movement;
}

function refuseBelowZero(
  material: Doc<Material>,
  lot: Doc<Lot> | null,
  available: number,
  quantity: number,
): void {
  if (roundQuantity(available + quantity) >= 0) return;
  const what = lot ? `lot ${lot.lotNumber} of ${material.sku}` : material.sku;
  throw new EngineError(
    'PRECONDITION',
    `not enough ${what}: ${available} ${material.unit} on hand, ${-quantity} asked`,
    {
      details: {
        reason: 'INSUFFICIENT_STOCK',
        materialId: material.id,
        lotId: lot?.id ?? null,
        onHand: available,
        requested: -quantity,
      },
    },
  );
}

/**
 * What a workflow step consumes, by SKU and lot number (the shape of a step's `consumes`), with
 * where it went. Task and vehicle make lot tracing work; when only the task is given, its
 * vehicle is read from the task.
 */
export interface ConsumptionRecord {
  sku: string;
  lot?: string;
  quantity: number;
  kind: 'consumption' | 'waste';
  zone?: string;
  note?: string;
  interventionId: string;
  stepId: string;
  taskId?: string;
  vehicleId?: string;
}

/**
 * Records material used (or wasted) by an intervention step INSIDE the caller's command
 * transaction: for the workflow runtime, whose step submission and its stock movements must
 * commit together. Resolves the SKU and lot number, then {@link applyMovement} (same
 * negative-stock refusal and low-stock event). Throws `NOT_FOUND` for an unknown SKU or lot, so
 * the caller's whole command rolls back.
 *
 * @example
 * ```ts
 * // inside the workflow's defineCommand run(ctx, input):
 * for (const c of step.consumes?.(data) ?? []) {
 *   await recordConsumption(ctx, { ...c, interventionId: run.id, stepId: step.id, taskId: run.taskId });
 * }
 * ```
 */
export async function recordConsumption(
  ctx: CommandContext,
  record: ConsumptionRecord,
): Promise<Doc<StockMovement>> {
  if (!(record.quantity > 0) || !Number.isFinite(record.quantity)) {
    throw new EngineError('VALIDATION', `a consumption quantity must be positive (got ${record.quantity})`, {
      details: { sku: record.sku, quantity: record.quantity },
    });
  }
  const material = await materialBySku(ctx.tx, record.sku);
  const lot = record.lot === undefined ? null : await lotByNumber(ctx.tx, material, record.lot);
  let vehicleId = record.vehicleId ?? null;
  if (!vehicleId && record.taskId) {
    const task = await ctx.tx.get<{ vehicleId?: string }>('tasks', record.taskId);
    vehicleId = task?.vehicleId ?? null;
  }
  return applyMovement(ctx, {
    materialId: material.id,
    lotId: lot?.id ?? null,
    kind: record.kind,
    quantity: -record.quantity,
    reason: record.kind === 'waste' ? (record.note ?? 'offcut') : null,
    note: record.note ?? null,
    interventionId: record.interventionId,
    stepId: record.stepId,
    taskId: record.taskId ?? null,
    vehicleId,
    zone: record.zone ?? null,
  });
}

/**
 * The live material with this SKU, or `NOT_FOUND`.
 *
 * @example
 * ```ts
 * const film = await materialBySku(ctx.tx, 'XPEL-ULT-60');
 * ```
 */
export async function materialBySku(tx: ReadTransaction, sku: string): Promise<Doc<Material>> {
  const { items } = await tx.find<Material>('materials', { where: { sku }, limit: 1 });
  const material = items[0];
  if (!material) throw new EngineError('NOT_FOUND', `no material with SKU ${sku}`, { details: { sku } });
  return material;
}

/**
 * The lot of `material` with this lot number, or `NOT_FOUND`.
 *
 * @example
 * ```ts
 * const roll = await lotByNumber(ctx.tx, film, 'R-2026-118');
 * ```
 */
export async function lotByNumber(
  tx: ReadTransaction,
  material: Doc<Material>,
  lotNumber: string,
): Promise<Doc<Lot>> {
  const { items } = await tx.find<Lot>('lots', { where: { materialId: material.id, lotNumber }, limit: 1 });
  const lot = items[0];
  if (!lot) {
    throw new EngineError('NOT_FOUND', `no lot ${lotNumber} of ${material.sku}`, {
      details: { sku: material.sku, lot: lotNumber },
    });
  }
  return lot;
}
