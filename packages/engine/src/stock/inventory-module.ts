import { ContainerModule } from 'inversify';
import { registerOperations } from '../domain/domain-module.js';
import { TOKENS } from '../kernel/tokens.js';
import { lotsCollection, materialsCollection } from '../materials/material-model.js';
import { materialOperations } from '../materials/material-operations.js';
import type { TrashHandler } from '../trash/trash-registry.js';
import { traceLot, traceVehicle } from './lot-tracing.js';
import { stockCheckpointsCollection } from './stock-checkpoints.js';
import { stockMovementsCollection } from './stock-movement.js';
import { stockCommands } from './stock-operations.js';
import {
  lotStatuses,
  lowStock,
  stockConsumption,
  stockHistory,
  stockLevels,
  stockOnHand,
  stockValuation,
} from './stock-queries.js';

/**
 * Every stock command and query, as the `shop.stock` section exposes them.
 *
 * @example
 * ```ts
 * await shop.stock.purchase({ materialId: film.id, quantity: 30, lotNumber: 'R-2026-118' });
 * const low = await shop.stock.lowStock();
 * ```
 */
export const stockOperations = {
  ...stockCommands,
  levels: stockLevels,
  lowStock,
  onHand: stockOnHand,
  lots: lotStatuses,
  history: stockHistory,
  consumption: stockConsumption,
  valuation: stockValuation,
  traceLot,
  traceVehicle,
};

/**
 * Materials, lots and stock movements: their collections and operations. Their rules (negative
 * stock, film shelf life, expiry warning) are organisation settings.
 *
 * @example
 * ```ts
 * await container.load(inventoryModule);
 * ```
 */
export const inventoryModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Collections).toConstantValue(materialsCollection);
  bind(TOKENS.Collections).toConstantValue(lotsCollection);
  bind(TOKENS.Collections).toConstantValue(stockMovementsCollection);
  bind(TOKENS.Collections).toConstantValue(stockCheckpointsCollection);
  bind<TrashHandler>(TOKENS.Trashable).toConstantValue({ collection: 'materials' });
  registerOperations(bind, materialOperations);
  registerOperations(bind, stockOperations);
});
