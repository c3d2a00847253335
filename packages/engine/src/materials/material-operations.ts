import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { cursor, idString, pageLimit, revNumber } from '../domain/schemas.js';
import { lazyModule } from '../kernel/lazy-module.js';
import { materialFields } from './material-model.js';

const bodies = lazyModule('stock operations', () => import('../stock/inventory-bodies.js'));

/**
 * The input schemas of the operations of this file (their bodies, in `material-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof materialInputs.createMaterial> = parseInput(materialInputs.createMaterial, raw, 'materials.create');
 * ```
 */
export const materialInputs = {
  createMaterial: z.strictObject({
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
  updateMaterial: z.strictObject({
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
  deleteMaterial: z.strictObject({ id: idString, rev: z.optional(revNumber) }),
  getMaterial: z.union([z.strictObject({ id: idString }), z.strictObject({ sku: materialFields.sku })]),
  listMaterials: z.optional(
    z.strictObject({
      type: z.optional(materialFields.type),
      category: z.optional(z.string().check(z.maxLength(100))),
      limit: z.optional(pageLimit),
      after: z.optional(cursor),
    }),
  ),
};

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
  input: materialInputs.createMaterial,
  run: lazyBody(bodies, 'createMaterial'),
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
  input: materialInputs.updateMaterial,
  run: lazyBody(bodies, 'updateMaterial'),
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
  input: materialInputs.deleteMaterial,
  run: lazyBody(bodies, 'deleteMaterial'),
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
  input: materialInputs.getMaterial,
  run: lazyBody(bodies, 'getMaterial'),
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
  input: materialInputs.listMaterials,
  run: lazyBody(bodies, 'listMaterials'),
});

/** The material operations, as the `shop.materials` section exposes them. */
export const materialOperations = {
  create: createMaterial,
  update: updateMaterial,
  delete: deleteMaterial,
  get: getMaterial,
  list: listMaterials,
};
