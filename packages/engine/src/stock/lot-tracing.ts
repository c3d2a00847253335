import * as z from 'zod/mini';
import { defineQuery } from '../domain/command.js';
import { idString } from '../domain/schemas.js';
import type { Lot, Material } from '../materials/material-model.js';
import type { Doc } from '../storage/contract.js';
import { findAll } from './find-all.js';
import { roundQuantity, type StockMovement } from './stock-movement.js';

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
  input: z.strictObject({ lotId: idString }),
  run: async (ctx, input) => {
    const lot = await ctx.load<Lot>('lots', input.lotId, { deleted: true });
    const movements = await findAll<StockMovement>(ctx.tx, 'stockMovements', {
      where: { lotId: lot.id, kind: { in: [...USED] } },
      orderBy: [{ field: 'at' }],
    });
    const uses = await describe(ctx.tx, movements);
    const vehicles = [...new Set(uses.flatMap((u) => (u.vehicleId ? [u.vehicleId] : [])))];
    return { lot, uses, vehicles };
  },
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
  input: z.strictObject({ vehicleId: idString }),
  run: async (ctx, input) => {
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
  },
});
