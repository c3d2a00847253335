import type * as z from 'zod/mini';
import type { QueryContext } from '../domain/command.js';
import type { Lot, Material } from '../materials/material-model.js';
import type { Doc, Page, ReadTransaction, Where } from '../storage/contract.js';
import { findAll } from './find-all.js';
import { inventorySettings } from './inventory-settings.js';
import { onHandByMaterial } from './stock-checkpoints.js';
import { roundQuantity, type StockMovement } from './stock-movement.js';
import type { LotStatus, StockLevel, stockQueryInputs } from './stock-queries.js';

const DAY = 86_400_000;

const CONSUMED: StockMovement['kind'][] = ['consumption', 'waste'];

async function levels(tx: ReadTransaction, type?: Material['type']): Promise<StockLevel[]> {
  const [sums, materials] = await Promise.all([
    onHandByMaterial(tx),
    findAll<Material>(tx, 'materials', { where: type ? { type } : {}, orderBy: [{ field: 'sku' }] }),
  ]);
  return materials.map((material) => {
    const onHand = sums.get(material.id) ?? 0;
    return {
      material,
      onHand,
      low: onHand <= material.reorderPoint,
      value: roundQuantity(Math.max(0, onHand) * material.unitCost),
    };
  });
}

function period(from: string | undefined, to: string | undefined) {
  return {
    ...(from ? { gte: new Date(from).toISOString() } : {}),
    ...(to ? { lt: new Date(to).toISOString() } : {}),
  };
}

async function sumsBy(
  tx: ReadTransaction,
  field: 'materialId' | 'lotId',
  where: Where = {},
): Promise<Map<string, number>> {
  const rows = await tx.aggregate('stockMovements', {
    where,
    deleted: 'all',
    groupBy: [field],
    measures: { onHand: { fn: 'sum', field: 'quantity' } },
  });
  return new Map(rows.map((r) => [String(r.group[field]), roundQuantity(r.values.onHand ?? 0)]));
}

/**
 * The body of `stock.levels` ({@link stockLevels} in `stock-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-query-bodies.js')).stockLevels(ctx, input);
 * ```
 */
export async function stockLevels(
  ctx: QueryContext,
  input: z.output<typeof stockQueryInputs.stockLevels>,
): Promise<StockLevel[]> {
  return levels(ctx.tx, input?.type);
}

/**
 * The body of `stock.lowStock` ({@link lowStock} in `stock-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-query-bodies.js')).lowStock(ctx, input);
 * ```
 */
export async function lowStock(
  ctx: QueryContext,
  input: z.output<typeof stockQueryInputs.lowStock>,
): Promise<StockLevel[]> {
  return (await levels(ctx.tx, input?.type)).filter((l) => l.low);
}

/**
 * The body of `stock.onHand` ({@link stockOnHand} in `stock-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-query-bodies.js')).stockOnHand(ctx, input);
 * ```
 */
export async function stockOnHand(ctx: QueryContext, input: z.output<typeof stockQueryInputs.stockOnHand>) {
  const material = await ctx.load<Material>('materials', input.materialId);
  const byLot = await sumsBy(ctx.tx, 'lotId', { materialId: material.id });
  const lots = await findAll<Lot>(ctx.tx, 'lots', {
    where: { materialId: material.id },
    orderBy: [{ field: 'receivedAt' }],
  });
  const total = roundQuantity([...byLot.values()].reduce((a, b) => a + b, 0));
  return {
    material,
    onHand: total,
    unassigned: byLot.get('null') ?? 0,
    lots: lots.map((lot) => ({ lot, onHand: byLot.get(lot.id) ?? 0 })),
  };
}

/**
 * The body of `stock.lots` ({@link lotStatuses} in `stock-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-query-bodies.js')).lotStatuses(ctx, input);
 * ```
 */
export async function lotStatuses(
  ctx: QueryContext,
  input: z.output<typeof stockQueryInputs.lotStatuses>,
): Promise<LotStatus[]> {
  const settings = await inventorySettings(ctx.tx);
  const where: Where = input?.materialId ? { materialId: input.materialId } : {};
  const [sums, lots] = await Promise.all([
    sumsBy(ctx.tx, 'lotId', where),
    findAll<Lot>(ctx.tx, 'lots', { where, orderBy: [{ field: 'receivedAt' }] }),
  ]);
  const materials = new Map(
    (await ctx.tx.getMany<Material>('materials', [...new Set(lots.map((l) => l.materialId))])).map((m) => [
      m.id,
      m,
    ]),
  );
  const now = Date.parse(ctx.now);
  const statuses = lots.flatMap((lot): LotStatus[] => {
    const material = materials.get(lot.materialId);
    const onHand = sums.get(lot.id) ?? 0;
    if (!material || material.deletedAt !== null || onHand <= 0) return [];
    const shelfLife =
      material.shelfLifeDays ?? (material.type === 'film' ? settings.filmShelfLifeDays : null);
    const ageDays = Math.floor((now - Date.parse(lot.receivedAt)) / DAY);
    const expiresAt = lot.expiresAt === null ? null : Date.parse(lot.expiresAt);
    return [
      {
        lot,
        sku: material.sku,
        onHand,
        ageDays,
        expired: expiresAt !== null && expiresAt <= now,
        expiringSoon:
          expiresAt !== null && expiresAt > now && expiresAt <= now + settings.expiryWarningDays * DAY,
        overShelfLife: shelfLife !== null && ageDays > shelfLife,
      },
    ];
  });
  return input?.alertsOnly
    ? statuses.filter((s) => s.expired || s.expiringSoon || s.overShelfLife)
    : statuses;
}

/**
 * The body of `stock.history` ({@link stockHistory} in `stock-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-query-bodies.js')).stockHistory(ctx, input);
 * ```
 */
export async function stockHistory(
  ctx: QueryContext,
  input: z.output<typeof stockQueryInputs.stockHistory>,
): Promise<Page<Doc<StockMovement>>> {
  const where: Where = {};
  if (input.materialId) where.materialId = input.materialId;
  if (input.lotId) where.lotId = input.lotId;
  if (input.kind) where.kind = input.kind;
  if (input.from || input.to) where.at = period(input.from, input.to);
  return ctx.tx.find<StockMovement>('stockMovements', {
    where,
    orderBy: [{ field: 'at', direction: 'desc' }],
    limit: input.limit ?? 100,
    ...(input.after ? { after: input.after } : {}),
  });
}

/**
 * The body of `stock.consumption` ({@link stockConsumption} in `stock-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-query-bodies.js')).stockConsumption(ctx, input);
 * ```
 */
export async function stockConsumption(
  ctx: QueryContext,
  input: z.output<typeof stockQueryInputs.stockConsumption>,
) {
  const where: Where = { kind: { in: CONSUMED } };
  if (input.interventionId) where.interventionId = input.interventionId;
  if (input.taskId) where.taskId = input.taskId;
  if (input.from || input.to) where.at = period(input.from, input.to);
  const rows = await ctx.tx.aggregate('stockMovements', {
    where,
    groupBy: ['materialId', 'kind', ...(input.bucket ? [{ field: 'at', bucket: input.bucket }] : [])],
    measures: { quantity: { fn: 'sum', field: 'quantity' }, value: { fn: 'sum', field: 'value' } },
    deleted: 'all',
  });
  return rows.map((r) => ({
    materialId: String(r.group.materialId),
    kind: r.group.kind as 'consumption' | 'waste',
    ...(input.bucket ? { period: String(r.group.at) } : {}),
    quantity: roundQuantity(-(r.values.quantity ?? 0)),
    cost: roundQuantity(-(r.values.value ?? 0)),
  }));
}

/**
 * The body of `stock.valuation` ({@link stockValuation} in `stock-queries.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./stock-query-bodies.js')).stockValuation(ctx, input);
 * ```
 */
export async function stockValuation(
  ctx: QueryContext,
  input: z.output<typeof stockQueryInputs.stockValuation>,
) {
  const materials = await levels(ctx.tx, input?.type);
  const totals: Record<string, number> = {};
  for (const l of materials)
    totals[l.material.currency] = roundQuantity((totals[l.material.currency] ?? 0) + l.value);
  return { materials, totals };
}
