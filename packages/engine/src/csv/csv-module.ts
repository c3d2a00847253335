import { ContainerModule } from 'inversify';
import { registerOperations } from '../domain/domain-module.js';
import { exportClients, exportTasks, importClientsChunk, importTasksChunk } from './csv-commands.js';

/**
 * The CSV operations, each with its row in the policy table; `shop.csv` (`CsvApi`) drives
 * the import ones chunk by chunk.
 *
 * @example
 * ```ts
 * const csv = await engine.as(principal).csv.exportClients();
 * ```
 */
export const csvOperations = {
  exportClients,
  exportTasks,
  importClients: importClientsChunk,
  importTasks: importTasksChunk,
};

/**
 * Registers the CSV operations (no collection of its own: it reads and writes clients and tasks).
 *
 * @example
 * ```ts
 * await container.load(csvModule);
 * ```
 */
export const csvModule = new ContainerModule(({ bind }) => {
  registerOperations(bind, csvOperations);
});
