import { ContainerModule, type ContainerModuleLoadOptions } from 'inversify';
import { auditCollection } from '../audit/audit-collection.js';
import { auditOperations } from '../audit/audit-queries.js';
import { AuthService } from '../auth/auth-service.js';
import { TOKENS } from '../kernel/tokens.js';
import { outboxCollection } from '../outbox/outbox-collection.js';
import { outboxOperations } from '../outbox/outbox-operations.js';
import type { AnyOperation } from './command.js';
import { CommandRunner } from './command-runner.js';

/**
 * Registers operations in the container under `TOKENS.Commands`, where the policy matrix test
 * and `engine.operations()` find every command and query of every module.
 *
 * @example
 * ```ts
 * export const clientsModule = new ContainerModule(({ bind }) => {
 *   bind(TOKENS.Collections).toConstantValue(clientsCollection);
 *   registerOperations(bind, clientOperations);
 * });
 * ```
 */
export function registerOperations(
  bind: ContainerModuleLoadOptions['bind'],
  operations: Record<string, AnyOperation>,
): void {
  for (const operation of Object.values(operations)) {
    bind<AnyOperation>(TOKENS.Commands).toConstantValue(operation);
  }
}

/**
 * The command path itself: the {@link CommandRunner}, `engine.auth` ({@link AuthService}), and
 * the two collections every command writes to (`auditEvents`, `outbox`) with their queries.
 *
 * @example
 * ```ts
 * await container.load(domainModule);
 * ```
 */
export const domainModule = new ContainerModule(({ bind }) => {
  bind(CommandRunner).toSelf();
  bind(AuthService).toSelf();
  bind(TOKENS.Collections).toConstantValue(auditCollection);
  bind(TOKENS.Collections).toConstantValue(outboxCollection);
  registerOperations(bind, auditOperations);
  registerOperations(bind, outboxOperations);
});
