import * as z from 'zod/mini';
import type { Client } from '../clients/client-model.js';
import { createClient } from '../clients/client-operations.js';
import { defineCommand, defineQuery, type QueryContext } from '../domain/command.js';
import { readSettings } from '../settings/settings-service.js';
import type { Doc } from '../storage/contract.js';
import { createTaskIn, createTaskInput } from '../tasks/task-create.js';
import type { Task } from '../tasks/task-model.js';
import type { Vehicle } from '../vehicles/vehicle-model.js';
import { CLIENT_COLUMNS, clientInput, clientRecord } from './client-csv.js';
import {
  type ChunkResult,
  freeId,
  importChunkInput,
  importRows,
  parseRow,
  type RowImporter,
} from './csv-import-rows.js';
import { loadCsvFormat } from './load-csv-format.js';
import { TASK_COLUMNS, taskInput, taskRecord } from './task-csv.js';

const exportInput = z.optional(
  z.strictObject({
    delimiter: z.optional(z.enum([',', ';'])),
    bom: z.optional(z.boolean()),
  }),
);

async function* everyLive<T extends object>(ctx: QueryContext, collection: string): AsyncGenerator<Doc<T>[]> {
  let after: string | undefined;
  do {
    const page = await ctx.tx.find<T>(collection, {
      orderBy: [{ field: 'id' }],
      limit: 1000,
      ...(after ? { after } : {}),
    });
    yield page.items;
    after = page.nextCursor ?? undefined;
  } while (after);
}

/**
 * `csv.exportClients`: every live client as RFC 4180 CSV, in creation order, text cells
 * neutralised against formula injection. `{ delimiter: ';', bom: true }` suits French Excel.
 *
 * @example
 * ```ts
 * const csv = await shop.csv.exportClients({ delimiter: ';', bom: true });
 * ```
 */
export const exportClients = defineQuery({
  name: 'csv.exportClients',
  input: exportInput,
  run: async (ctx, input): Promise<string> => {
    const records = [];
    for await (const page of everyLive<Client>(ctx, 'clients')) records.push(...page.map(clientRecord));
    const { writeCsv } = await loadCsvFormat();
    return writeCsv(CLIENT_COLUMNS, records, input ?? {});
  },
});

/**
 * `csv.exportTasks`: every live task as RFC 4180 CSV, in creation order, with its client's name
 * and its vehicle's make, model, year, plate, VIN and colour.
 *
 * @example
 * ```ts
 * const csv = await shop.csv.exportTasks();
 * ```
 */
export const exportTasks = defineQuery({
  name: 'csv.exportTasks',
  input: exportInput,
  run: async (ctx, input): Promise<string> => {
    const records = [];
    for await (const page of everyLive<Task>(ctx, 'tasks')) {
      const clients = await ctx.tx.getMany<Client>('clients', [...new Set(page.map((t) => t.clientId))]);
      const vehicleIds = page.map((t) => t.vehicleId).filter((id): id is string => id !== null);
      const vehicles = await ctx.tx.getMany<Vehicle>('vehicles', [...new Set(vehicleIds)]);
      const clientById = new Map(clients.map((c) => [c.id, c]));
      const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
      for (const task of page) {
        records.push(taskRecord(task, clientById.get(task.clientId), vehicleById.get(task.vehicleId ?? '')));
      }
    }
    const { writeCsv } = await loadCsvFormat();
    return writeCsv(TASK_COLUMNS, records, input ?? {});
  },
});

const clientRows: RowImporter<z.output<typeof createClient.input>> = {
  collection: 'clients',
  prepare: async (ctx, row) => {
    const id = await freeId(ctx, 'clients', row);
    if ('problem' in id) return id;
    const parsed = parseRow(createClient.input, clientInput(row.cells), row.line, 'clients.create');
    return 'problem' in parsed ? parsed : { ...parsed, ...id };
  },
  write: (ctx, input) => createClient.run(ctx, input),
};

/**
 * `csv.importClients`: imports one chunk of client rows in one transaction (the `shop.csv`
 * importer reads the file and sends the chunks). Each row goes through `clients.create`'s
 * schema and body; an `id` cell is kept when free, so a re-import reports duplicates instead
 * of doubling them.
 *
 * @example
 * ```ts
 * await shop.csv.importClients({ csv: text, onProgress: (p) => bar.update(p.processed / p.total) });
 * ```
 */
export const importClientsChunk = defineCommand({
  name: 'csv.importClients',
  input: importChunkInput,
  run: (ctx, input): Promise<ChunkResult> => importRows(ctx, input.rows, clientRows),
});

/**
 * `csv.importTasks`: imports one chunk of task rows in one transaction through `tasks.create`'s
 * schema and body (numbered by this shop; scheduled when a start is given, else draft). The
 * client must exist; a `vehicleId` that is not in this store is replaced by a new vehicle from
 * the vehicle columns. Date-times without an offset are read in the organisation's zone.
 *
 * @example
 * ```ts
 * await shop.csv.importTasks({ csv: text });
 * ```
 */
export const importTasksChunk = defineCommand({
  name: 'csv.importTasks',
  input: importChunkInput,
  run: async (ctx, input): Promise<ChunkResult> => {
    const { timeZone } = await readSettings(ctx.tx);
    const taskRows: RowImporter<z.output<typeof createTaskInput>> = {
      collection: 'tasks',
      prepare: async (ctx, row) => {
        const id = await freeId(ctx, 'tasks', row);
        if ('problem' in id) return id;
        const clientId = row.cells.clientId;
        const client = clientId ? await ctx.tx.get('clients', clientId) : undefined;
        if (clientId && (!client || client.deletedAt !== null)) {
          return {
            problem: {
              line: row.line,
              reason: `clientId: client ${clientId} does not exist`,
              code: 'NOT_FOUND',
            },
          };
        }
        const vehicleId = row.cells.vehicleId;
        const vehicle = vehicleId ? await ctx.tx.get('vehicles', vehicleId) : undefined;
        const raw = taskInput(row.cells, timeZone, vehicle !== undefined && vehicle.deletedAt === null);
        const parsed = parseRow(createTaskInput, raw, row.line, 'tasks.create');
        return 'problem' in parsed ? parsed : { ...parsed, ...id };
      },
      write: (ctx, input) => createTaskIn(ctx, input),
    };
    return importRows(ctx, input.rows, taskRows);
  },
});
