import { readSettings } from '../settings/settings-service.js';
import type { ReadTransaction } from '../storage/contract.js';

/**
 * The organisation's inventory rules, as stored in its settings (`shop.settings.update`).
 *
 * @example
 * ```ts
 * await admin.settings.update({ allowNegativeStock: true, filmShelfLifeDays: 540 });
 * ```
 */
export interface InventorySettings {
  /** When false (the default), a movement that would take a material or a lot below zero is refused. */
  allowNegativeStock: boolean;
  /** Age in days after which a film roll in stock is flagged as a warranty risk (default 365). */
  filmShelfLifeDays: number;
  /** A lot expiring within this many days is flagged as expiring (default 30). */
  expiryWarningDays: number;
}

/**
 * The inventory rules in force, read inside the caller's transaction.
 *
 * @example
 * ```ts
 * if (!(await inventorySettings(ctx.tx)).allowNegativeStock && after < 0) refuse();
 * ```
 */
export async function inventorySettings(tx: ReadTransaction): Promise<InventorySettings> {
  const settings = await readSettings(tx);
  return {
    allowNegativeStock: settings.allowNegativeStock,
    filmShelfLifeDays: settings.filmShelfLifeDays,
    expiryWarningDays: settings.lotExpiryWarningDays,
  };
}
