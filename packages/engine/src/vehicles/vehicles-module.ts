import { ContainerModule } from 'inversify';
import type { CommandContext } from '../domain/command.js';
import { registerOperations } from '../domain/domain-module.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Doc } from '../storage/contract.js';
import type { TrashHandler } from '../trash/trash-registry.js';
import { type Vehicle, vehiclesCollection } from './vehicle-model.js';
import { refreshClientPlates, vehicleOperations } from './vehicle-operations.js';

const vehicleTrash: TrashHandler<Vehicle> = {
  collection: 'vehicles',
  beforeRestore: async (ctx: CommandContext, vehicle: Doc<Vehicle>) => {
    await ctx.load('clients', vehicle.clientId);
  },
  afterRestore: (ctx: CommandContext, vehicle: Doc<Vehicle>) => refreshClientPlates(ctx, vehicle.clientId),
  beforePurge: async (ctx: CommandContext, doc: Doc<Vehicle>) => {
    const tasks = await ctx.tx.count('tasks', { vehicleId: doc.id }, 'all');
    if (tasks > 0) {
      throw new EngineError('PRECONDITION', `vehicle ${doc.id} is still referenced by ${tasks} task(s)`, {
        details: { id: doc.id, tasks },
      });
    }
  },
};

/**
 * Vehicles: the collection, the operations, and the trash handler (restored only under a live
 * client; purged only when no task points at it).
 *
 * @example
 * ```ts
 * await container.load(vehiclesModule);
 * ```
 */
export const vehiclesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Collections).toConstantValue(vehiclesCollection);
  registerOperations(bind, vehicleOperations);
  bind<TrashHandler>(TOKENS.Trashable).toConstantValue(vehicleTrash);
});
