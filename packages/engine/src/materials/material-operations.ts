import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { cursor, idString, pageLimit, revNumber } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc, Page, Where } from '../storage/contract.js';
import { type Material, materialFields } from './material-model.js';

/**
 * `materials.create`: a new material with a unique SKU (a duplicate → `CONFLICT`). Its stock
 * starts at zero; stock comes only from movements (`stock.purchase`).
 *
 * @example
 * ```ts
 * const film = await shop.materials.create({ sku: 'XPEL-ULT-60', name: 'XPEL Ultimate Plus', type: 'film', unit: 'm2', reorderPoint: 10, unitCost: 38.5 });
 * ```
 */
export const createMaterial = defineCommand({
  name: 'materials.create',
  input: z.strictObject({
    sku: materialFields.sku,
    name: materialFields.name,
    type: materialFields.type,
    unit: materialFields.unit,
    reorderPoint: z._default(materialFields.reorderPoint, 0),
    unitCost: z._default(materialFields.unitCost, 0),
    currency: z._default(materialFields.currency, 'EUR'),
    supplier: z.optional(materialFields.supplier),
    storageLocation: z.optional(materialFields.storageLocation),
    category: z.optional(materialFields.category),
    shelfLifeDays: z.optional(materialFields.shelfLifeDays),
  }),
  run: async (ctx, input): Promise<Doc<Material>> => {
    await refuseDuplicateSku(ctx.tx, input.sku);
    return ctx.insert<Material>('materials', {
      ...input,
      supplier: input.supplier ?? null,
      storageLocation: input.storageLocation ?? null,
      category: input.category ?? null,
      shelfLifeDays: input.shelfLifeDays ?? null,
    });
  },
});

/**
 * `materials.update`: changes a material's description, reorder point or cost (never its stock).
 * With `rev`, a concurrent change → `CONFLICT`.
 *
 * @example
 * ```ts
 * await shop.materials.update({ id: film.id, reorderPoint: 15 });
 * ```
 */
export const updateMaterial = defineCommand({
  name: 'materials.update',
  input: z.strictObject({
    id: idString,
    rev: z.optional(revNumber),
    sku: z.optional(materialFields.sku),
    name: z.optional(materialFields.name),
    type: z.optional(materialFields.type),
    unit: z.optional(materialFields.unit),
    reorderPoint: z.optional(materialFields.reorderPoint),
    unitCost: z.optional(materialFields.unitCost),
    currency: z.optional(materialFields.currency),
    supplier: z.optional(materialFields.supplier),
    storageLocation: z.optional(materialFields.storageLocation),
    category: z.optional(materialFields.category),
    shelfLifeDays: z.optional(materialFields.shelfLifeDays),
  }),
  run: async (ctx, input): Promise<Doc<Material>> => {
    const { id, rev, ...patch } = input;
    const material = await ctx.load<Material>('materials', id, rev === undefined ? {} : { rev });
    if (patch.sku !== undefined && patch.sku !== material.sku) await refuseDuplicateSku(ctx.tx, patch.sku);
    return ctx.update<Material>('materials', material, patch);
  },
});

/**
 * `materials.delete`: moves a material to the trash; its movements stay for history and tracing.
 *
 * @example
 * ```ts
 * await shop.materials.delete({ id: film.id });
 * ```
 */
export const deleteMaterial = defineCommand({
  name: 'materials.delete',
  input: z.strictObject({ id: idString, rev: z.optional(revNumber) }),
  run: async (ctx, input): Promise<Doc<Material>> => {
    const material = await ctx.load<Material>(
      'materials',
      input.id,
      input.rev === undefined ? {} : { rev: input.rev },
    );
    return ctx.softDelete('materials', material);
  },
});

/**
 * `materials.get`: one material by id or by SKU.
 *
 * @example
 * ```ts
 * const film = await shop.materials.get({ sku: 'XPEL-ULT-60' });
 * ```
 */
export const getMaterial = defineQuery({
  name: 'materials.get',
  input: z.union([z.strictObject({ id: idString }), z.strictObject({ sku: materialFields.sku })]),
  run: async (ctx, input): Promise<Doc<Material>> => {
    if ('id' in input) return ctx.load<Material>('materials', input.id);
    const found = await ctx.tx.find<Material>('materials', { where: { sku: input.sku }, limit: 1 });
    const material = found.items[0];
    if (!material)
      throw new EngineError('NOT_FOUND', `no material with SKU ${input.sku}`, { details: input });
    return material;
  },
});

/**
 * `materials.list`: materials by SKU, optionally of one type or category, or matching a text.
 *
 * @example
 * ```ts
 * const films = await shop.materials.list({ type: 'film' });
 * ```
 */
export const listMaterials = defineQuery({
  name: 'materials.list',
  input: z.optional(
    z.strictObject({
      type: z.optional(materialFields.type),
      category: z.optional(z.string().check(z.maxLength(100))),
      limit: z.optional(pageLimit),
      after: z.optional(cursor),
    }),
  ),
  run: (ctx, input): Promise<Page<Doc<Material>>> => {
    const where: Where = {};
    if (input?.type) where.type = input.type;
    if (input?.category) where.category = input.category;
    return ctx.tx.find<Material>('materials', {
      where,
      orderBy: [{ field: 'sku' }],
      limit: input?.limit ?? 100,
      ...(input?.after ? { after: input.after } : {}),
    });
  },
});

async function refuseDuplicateSku(
  tx: { count(c: string, w: Where): Promise<number> },
  sku: string,
): Promise<void> {
  if ((await tx.count('materials', { sku })) > 0) {
    throw new EngineError('CONFLICT', `a material with SKU ${sku} already exists`, { details: { sku } });
  }
}

/** The material operations, as the `shop.materials` section exposes them. */
export const materialOperations = {
  create: createMaterial,
  update: updateMaterial,
  delete: deleteMaterial,
  get: getMaterial,
  list: listMaterials,
};
