import * as z from 'zod/mini';
import { defineQuery } from '../domain/command.js';
import { cursor, idString, isoDate, pageLimit } from '../domain/schemas.js';
import type { Lot, Material } from '../materials/material-model.js';
import { MATERIAL_TYPES } from '../materials/material-model.js';
import type { Doc, Page, ReadTransaction, Where } from '../storage/contract.js';
import { findAll } from './find-all.js';
import { inventorySettings } from './inventory-settings.js';
import { onHandByMaterial } from './stock-checkpoints.js';
import { MOVEMENT_KINDS, roundQuantity, type StockMovement } from './stock-movement.js';

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

const DAY = 86_400_000;
const CONSUMED: StockMovement['kind'][] = ['consumption', 'waste'];

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

const typeInput = z.optional(z.strictObject({ type: z.optional(z.enum(MATERIAL_TYPES)) }));

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
  input: typeInput,
  run: (ctx, input): Promise<StockLevel[]> => levels(ctx.tx, input?.type),
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
  input: typeInput,
  run: async (ctx, input): Promise<StockLevel[]> => (await levels(ctx.tx, input?.type)).filter((l) => l.low),
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
  input: z.strictObject({ materialId: idString }),
  run: async (ctx, input) => {
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
  },
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
  input: z.optional(
    z.strictObject({ materialId: z.optional(idString), alertsOnly: z.optional(z.boolean()) }),
  ),
  run: async (ctx, input): Promise<LotStatus[]> => {
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
  },
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
  input: z.strictObject({
    materialId: z.optional(idString),
    lotId: z.optional(idString),
    kind: z.optional(z.enum(MOVEMENT_KINDS)),
    from: z.optional(isoDate),
    to: z.optional(isoDate),
    limit: z.optional(pageLimit),
    after: z.optional(cursor),
  }),
  run: (ctx, input): Promise<Page<Doc<StockMovement>>> => {
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
  },
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
  input: z.strictObject({
    interventionId: z.optional(idString),
    taskId: z.optional(idString),
    from: z.optional(isoDate),
    to: z.optional(isoDate),
    bucket: z.optional(z.enum(['day', 'week', 'month'])),
  }),
  run: async (ctx, input) => {
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
  },
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
  input: typeInput,
  run: async (ctx, input) => {
    const materials = await levels(ctx.tx, input?.type);
    const totals: Record<string, number> = {};
    for (const l of materials)
      totals[l.material.currency] = roundQuantity((totals[l.material.currency] ?? 0) + l.value);
    return { materials, totals };
  },
});

function period(from: string | undefined, to: string | undefined) {
  return {
    ...(from ? { gte: new Date(from).toISOString() } : {}),
    ...(to ? { lt: new Date(to).toISOString() } : {}),
  };
}
