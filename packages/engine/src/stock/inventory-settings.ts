import type { BaseContext } from '../domain/command.js';
import { TOKENS } from '../kernel/tokens.js';

/**
 * The organisation's inventory rules. Bound under `TOKENS.InventorySettings`; a host changes
 * them with a `ContainerModule` that rebinds the token.
 *
 * @example
 * ```ts
 * const lenient = new ContainerModule(({ rebind }) => {
 *   rebind(TOKENS.InventorySettings).toConstantValue({ ...DEFAULT_INVENTORY_SETTINGS, allowNegativeStock: true });
 * });
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

/** The rules used when the host binds none. */
export const DEFAULT_INVENTORY_SETTINGS: Readonly<InventorySettings> = {
  allowNegativeStock: false,
  filmShelfLifeDays: 365,
  expiryWarningDays: 30,
};

/**
 * The inventory rules in force for a command or query.
 *
 * @example
 * ```ts
 * if (!inventorySettings(ctx).allowNegativeStock && after < 0) refuse();
 * ```
 */
export function inventorySettings(ctx: BaseContext): InventorySettings {
  return ctx.get<InventorySettings>(TOKENS.InventorySettings);
}
