import { ContainerModule } from 'inversify';
import type { CommandContext } from '../domain/command.js';
import { registerOperations } from '../domain/domain-module.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Doc } from '../storage/contract.js';
import type { TrashHandler } from '../trash/trash-registry.js';
import { clientsCollection } from './client-model.js';
import { clientOperations } from './client-operations.js';

async function refuseWhileReferenced(ctx: CommandContext, client: Doc): Promise<void> {
  const vehicles = await ctx.tx.count('vehicles', { clientId: client.id }, 'all');
  const tasks = await ctx.tx.count('tasks', { clientId: client.id }, 'all');
  if (vehicles + tasks > 0) {
    throw new EngineError(
      'PRECONDITION',
      `client ${client.id} is still referenced by ${vehicles} vehicle(s) and ${tasks} task(s)`,
      {
        details: { id: client.id, vehicles, tasks },
      },
    );
  }
}

/**
 * Clients: the collection, the operations, and the trash handler (a client is purged only when
 * no vehicle or task, even in the trash, points at it).
 *
 * @example
 * ```ts
 * await container.load(clientsModule);
 * ```
 */
export const clientsModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Collections).toConstantValue(clientsCollection);
  registerOperations(bind, clientOperations);
  bind<TrashHandler>(TOKENS.Trashable).toConstantValue({
    collection: 'clients',
    beforePurge: refuseWhileReferenced,
  });
});
