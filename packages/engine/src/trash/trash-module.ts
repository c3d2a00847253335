import { ContainerModule } from 'inversify';
import { registerOperations } from '../domain/domain-module.js';
import { trashOperations } from './trash-operations.js';
import { TrashRegistry } from './trash-registry.js';

/**
 * The trash: its registry of per-collection handlers (`TOKENS.Trashable`) and its operations.
 *
 * @example
 * ```ts
 * await container.load(trashModule);
 * ```
 */
export const trashModule = new ContainerModule(({ bind }) => {
  bind(TrashRegistry).toSelf();
  registerOperations(bind, trashOperations);
});
