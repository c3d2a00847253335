import * as z from 'zod/mini';
import type { CollectionSchema } from '../storage/contract.js';

/** What a material is. */
export const MATERIAL_TYPES = ['film', 'coating', 'chemical', 'consumable', 'tool'] as const;
/** The unit its stock is counted in. */
export const MATERIAL_UNITS = ['m', 'm2', 'ml', 'piece', 'roll'] as const;

/**
 * A material the shop stocks. Its quantity on hand is never stored: it is the sum of its
 * stock movements.
 *
 * @example
 * ```ts
 * const film: Material = {
 *   sku: 'XPEL-ULT-60', name: 'XPEL Ultimate Plus 60"', type: 'film', unit: 'm2', reorderPoint: 10,
 *   unitCost: 38.5, currency: 'EUR', supplier: 'XPEL France', storageLocation: 'Rack A',
 *   category: 'PPF', shelfLifeDays: 365,
 * };
 * ```
 */
export interface Material {
  sku: string;
  name: string;
  type: (typeof MATERIAL_TYPES)[number];
  unit: (typeof MATERIAL_UNITS)[number];
  reorderPoint: number;
  unitCost: number;
  currency: string;
  supplier: string | null;
  storageLocation: string | null;
  category: string | null;
  /** Days a lot may stay in stock before its warranty is at risk; null: the organisation's default for films. */
  shelfLifeDays: number | null;
}

/**
 * A lot (a film roll, a bottle batch) of one material: received on a date, maybe expiring.
 * Its quantity on hand is the sum of the movements that name it.
 *
 * @example
 * ```ts
 * const roll: Lot = { materialId: film.id, lotNumber: 'R-2026-118', receivedAt: '2026-01-10T00:00:00.000Z', expiresAt: null, unitCost: 38.5 };
 * ```
 */
export interface Lot {
  materialId: string;
  lotNumber: string;
  receivedAt: string;
  expiresAt: string | null;
  unitCost: number;
}

/**
 * The `materials` collection: unique SKU among live materials, indexed by type and category.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(materialsCollection);
 * ```
 */
export const materialsCollection: CollectionSchema = {
  name: 'materials',
  fields: { sku: 'string', name: 'string', type: 'string', category: 'string', supplier: 'string' },
  indexes: [
    ['type', 'sku'],
    ['category', 'sku'],
  ],
  unique: [{ fields: ['sku'] }],
  fullText: ['sku', 'name', 'supplier'],
};

/**
 * The `lots` collection: one lot number per material, indexed by expiry and reception.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(lotsCollection);
 * ```
 */
export const lotsCollection: CollectionSchema = {
  name: 'lots',
  fields: { materialId: 'string', lotNumber: 'string', receivedAt: 'date', expiresAt: 'date' },
  indexes: [['materialId', 'receivedAt'], ['expiresAt'], ['receivedAt']],
  unique: [{ fields: ['materialId', 'lotNumber'], includeDeleted: true }],
};

/** A stock quantity: finite, at most a billion, rounded to 6 decimals by the ledger. */
export const quantity = z.number().check(z.gt(0), z.lte(1e9));

/** A money amount per unit. */
export const money = z.number().check(z.gte(0), z.lte(1e9));

/** zod/mini fields of a material, shared by create and update. */
export const materialFields = {
  sku: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  type: z.enum(MATERIAL_TYPES),
  unit: z.enum(MATERIAL_UNITS),
  reorderPoint: z.number().check(z.gte(0), z.lte(1e9)),
  unitCost: money,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  supplier: z.nullable(z.string().check(z.trim(), z.maxLength(200))),
  storageLocation: z.nullable(z.string().check(z.trim(), z.maxLength(200))),
  category: z.nullable(z.string().check(z.trim(), z.maxLength(100))),
  shelfLifeDays: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(36_500))),
};
