import type * as z from 'zod/mini';
import type { QueryContext } from '../domain/command.js';
import type { Lot, Material } from '../materials/material-model.js';
import type { Doc } from '../storage/contract.js';
import { findAll } from './find-all.js';
import type { LotUse, lotTracingInputs } from './lot-tracing.js';
import { roundQuantity, type StockMovement } from './stock-movement.js';

const USED = new Set<StockMovement['kind']>(['consumption', 'waste']);

async function describe(
  tx: Parameters<typeof findAll>[0],
  movements: Doc<StockMovement>[],
): Promise<LotUse[]> {
  const lots = new Map(
    (await tx.getMany<Lot>('lots', [...new Set(movements.flatMap((m) => (m.lotId ? [m.lotId] : [])))])).map(
      (l) => [l.id, l],
    ),
  );
  const materials = new Map(
    (await tx.getMany<Material>('materials', [...new Set(movements.map((m) => m.materialId))])).map((m) => [
      m.id,
      m,
    ]),
  );
  return movements
    .filter((m) => USED.has(m.kind))
    .map((m) => ({
      movementId: m.id,
      kind: m.kind,
      lotId: m.lotId,
      lotNumber: m.lotId ? (lots.get(m.lotId)?.lotNumber ?? null) : null,
      materialId: m.materialId,
      sku: materials.get(m.materialId)?.sku ?? '',
      quantity: roundQuantity(-m.quantity),
      vehicleId: m.vehicleId,
      taskId: m.taskId,
      interventionId: m.interventionId,
      stepId: m.stepId,
      zone: m.zone,
      at: m.at,
    }));
}

/**
 * The body of `stock.traceLot` ({@link traceLot} in `lot-tracing.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./lot-tracing-body.js')).traceLot(ctx, input);
 * ```
 */
export async function traceLot(ctx: QueryContext, input: z.output<typeof lotTracingInputs.traceLot>) {
  const lot = await ctx.load<Lot>('lots', input.lotId, { deleted: true });
  const movements = await findAll<StockMovement>(ctx.tx, 'stockMovements', {
    where: { lotId: lot.id, kind: { in: [...USED] } },
    orderBy: [{ field: 'at' }],
  });
  const uses = await describe(ctx.tx, movements);
  const vehicles = [...new Set(uses.flatMap((u) => (u.vehicleId ? [u.vehicleId] : [])))];
  return { lot, uses, vehicles };
}

/**
 * The body of `stock.traceVehicle` ({@link traceVehicle} in `lot-tracing.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./lot-tracing-body.js')).traceVehicle(ctx, input);
 * ```
 */
export async function traceVehicle(ctx: QueryContext, input: z.output<typeof lotTracingInputs.traceVehicle>) {
  const movements = await findAll<StockMovement>(ctx.tx, 'stockMovements', {
    where: { vehicleId: input.vehicleId },
    orderBy: [{ field: 'at' }],
  });
  const uses = await describe(ctx.tx, movements);
  const totals = new Map<
    string,
    { lotId: string | null; lotNumber: string | null; sku: string; quantity: number }
  >();
  for (const use of uses) {
    const key = `${use.materialId}/${use.lotId}`;
    const total = totals.get(key) ?? {
      lotId: use.lotId,
      lotNumber: use.lotNumber,
      sku: use.sku,
      quantity: 0,
    };
    total.quantity = roundQuantity(total.quantity + use.quantity);
    totals.set(key, total);
  }
  return { vehicleId: input.vehicleId, uses, lots: [...totals.values()] };
}
