import { ContainerModule } from 'inversify';
import { registerOperations } from '../domain/domain-module.js';
import { TOKENS } from '../kernel/tokens.js';
import { SettingsService, settingsCollection, settingsOperations } from './settings-service.js';

/**
 * Settings: the one-document collection, the operations, and {@link SettingsService} for
 * services that read settings outside a command.
 *
 * @example
 * ```ts
 * await container.load(settingsModule);
 * ```
 */
export const settingsModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Collections).toConstantValue(settingsCollection);
  bind(SettingsService).toSelf();
  registerOperations(bind, settingsOperations);
});
