import type * as z from 'zod/mini';
import type { CommandContext, QueryContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc, Page, Where } from '../storage/contract.js';
import type { Material } from './material-model.js';
import type { materialInputs } from './material-operations.js';

async function refuseDuplicateSku(
  tx: { count(c: string, w: Where): Promise<number> },
  sku: string,
): Promise<void> {
  if ((await tx.count('materials', { sku })) > 0) {
    throw new EngineError('CONFLICT', `a material with SKU ${sku} already exists`, { details: { sku } });
  }
}

/**
 * The body of `materials.create` ({@link createMaterial} in `material-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./material-bodies.js')).createMaterial(ctx, input);
 * ```
 */
export async function createMaterial(
  ctx: CommandContext,
  input: z.output<typeof materialInputs.createMaterial>,
): Promise<Doc<Material>> {
  await refuseDuplicateSku(ctx.tx, input.sku);
  return ctx.insert<Material>('materials', {
    ...input,
    supplier: input.supplier ?? null,
    storageLocation: input.storageLocation ?? null,
    category: input.category ?? null,
    shelfLifeDays: input.shelfLifeDays ?? null,
  });
}

/**
 * The body of `materials.update` ({@link updateMaterial} in `material-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./material-bodies.js')).updateMaterial(ctx, input);
 * ```
 */
export async function updateMaterial(
  ctx: CommandContext,
  input: z.output<typeof materialInputs.updateMaterial>,
): Promise<Doc<Material>> {
  const { id, rev, ...patch } = input;
  const material = await ctx.load<Material>('materials', id, rev === undefined ? {} : { rev });
  if (patch.sku !== undefined && patch.sku !== material.sku) await refuseDuplicateSku(ctx.tx, patch.sku);
  return ctx.update<Material>('materials', material, patch);
}

/**
 * The body of `materials.delete` ({@link deleteMaterial} in `material-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./material-bodies.js')).deleteMaterial(ctx, input);
 * ```
 */
export async function deleteMaterial(
  ctx: CommandContext,
  input: z.output<typeof materialInputs.deleteMaterial>,
): Promise<Doc<Material>> {
  const material = await ctx.load<Material>(
    'materials',
    input.id,
    input.rev === undefined ? {} : { rev: input.rev },
  );
  return ctx.softDelete('materials', material);
}

/**
 * The body of `materials.get` ({@link getMaterial} in `material-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./material-bodies.js')).getMaterial(ctx, input);
 * ```
 */
export async function getMaterial(
  ctx: QueryContext,
  input: z.output<typeof materialInputs.getMaterial>,
): Promise<Doc<Material>> {
  if ('id' in input) return ctx.load<Material>('materials', input.id);
  const found = await ctx.tx.find<Material>('materials', { where: { sku: input.sku }, limit: 1 });
  const material = found.items[0];
  if (!material) throw new EngineError('NOT_FOUND', `no material with SKU ${input.sku}`, { details: input });
  return material;
}

/**
 * The body of `materials.list` ({@link listMaterials} in `material-operations.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./material-bodies.js')).listMaterials(ctx, input);
 * ```
 */
export async function listMaterials(
  ctx: QueryContext,
  input: z.output<typeof materialInputs.listMaterials>,
): Promise<Page<Doc<Material>>> {
  const where: Where = {};
  if (input?.type) where.type = input.type;
  if (input?.category) where.category = input.category;
  return ctx.tx.find<Material>('materials', {
    where,
    orderBy: [{ field: 'sku' }],
    limit: input?.limit ?? 100,
    ...(input?.after ? { after: input.after } : {}),
  });
}
