import * as z from 'zod/mini';
import type { CommandDef, InputOf } from '../domain/command.js';
import type { CommandRunner } from '../domain/command-runner.js';
import { grantFor } from '../domain/policy.js';
import type { Principal } from '../domain/principal.js';
import { EngineError, isEngineError, toEngineError } from '../kernel/engine-error.js';
import { parseInput } from '../kernel/validate.js';
import { CLIENT_COLUMNS } from './client-csv.js';
import { exportClients, exportTasks, importClientsChunk, importTasksChunk } from './csv-commands.js';
import type { CsvRow, RowProblem } from './csv-format.js';
import { type ChunkResult, type importChunkInput, problemOf } from './csv-import-rows.js';
import { loadCsvFormat } from './load-csv-format.js';
import { TASK_COLUMNS } from './task-csv.js';

/** The largest CSV text an import takes: 20 million characters. */
const MAX_IMPORT_CHARS = 20_000_000;

/** The most data rows one import takes (lower it per call with `maxRows`). */
const MAX_IMPORT_ROWS = 100_000;

/** Rows per import transaction. */
const IMPORT_CHUNK_ROWS = 100;

/**
 * Where a long import is, reported after each committed chunk.
 *
 * @example
 * ```ts
 * const onProgress = (p: ImportProgress) => console.log(`${p.processed}/${p.total}, ${p.failed} refused`);
 * ```
 */
export interface ImportProgress {
  processed: number;
  total: number;
  imported: number;
  failed: number;
}

/**
 * What an import did: each imported row's line and new document id, each refused row's line and
 * reason (first line first), and the header columns it did not know (ignored).
 *
 * @example
 * ```ts
 * const report = await shop.csv.importClients({ csv });
 * for (const bad of report.failed) console.log(`line ${bad.line}: ${bad.reason}`);
 * ```
 */
export interface ImportReport {
  total: number;
  imported: Array<{ line: number; id: string }>;
  failed: RowProblem[];
  ignoredColumns: string[];
}

const importOptions = z.strictObject({
  csv: z.string().check(z.maxLength(MAX_IMPORT_CHARS)),
  onProgress: z.optional(z.custom<(progress: ImportProgress) => void>((v) => typeof v === 'function')),
  maxRows: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_IMPORT_ROWS))),
});

/**
 * Options of an import: the CSV text, an optional progress callback and row cap.
 *
 * @example
 * ```ts
 * const options: ImportOptions = { csv: 'name\nLéa Martin', maxRows: 1000 };
 * ```
 */
export type ImportOptions = z.input<typeof importOptions>;

type ChunkCommand = CommandDef<typeof importChunkInput, ChunkResult>;

/**
 * `shop.csv`: exports and imports of clients and tasks. An import reads the whole file first
 * (papaparse; BOM, comma/semicolon/tab, quoted newlines), reports unreadable rows by line, then
 * sends the rows in chunks of {@link IMPORT_CHUNK_ROWS}, each chunk ONE write transaction on the
 * command path (`csv.importClients` / `csv.importTasks`: policy, audit and outbox rows, events).
 * Rows that fail their checks are reported and skipped; a row failing while it is written rolls
 * its chunk back and the chunk is replayed row by row. So every row is all-or-nothing, valid
 * rows are imported, and the import as a whole is not one transaction: rows committed before a
 * storage failure stay imported.
 *
 * @example
 * ```ts
 * const report = await shop.csv.importTasks({ csv, onProgress: (p) => bar.set(p.processed / p.total) });
 * const backup = await shop.csv.exportTasks({ delimiter: ';', bom: true });
 * ```
 */
export class CsvApi {
  constructor(
    private readonly runner: CommandRunner,
    private readonly principal: Principal,
  ) {}

  /** Every live client as CSV (see `csv.exportClients`). */
  exportClients(input?: InputOf<typeof exportClients>): Promise<string> {
    return this.runner.execute(this.principal, exportClients, input);
  }

  /** Every live task as CSV (see `csv.exportTasks`). */
  exportTasks(input?: InputOf<typeof exportTasks>): Promise<string> {
    return this.runner.execute(this.principal, exportTasks, input);
  }

  /** Imports clients; a `name` column is required. */
  importClients(options: ImportOptions): Promise<ImportReport> {
    return this.import(importClientsChunk, CLIENT_COLUMNS, ['name'], options);
  }

  /** Imports tasks; `title`, `clientId` and `service` columns are required. */
  importTasks(options: ImportOptions): Promise<ImportReport> {
    return this.import(importTasksChunk, TASK_COLUMNS, ['title', 'clientId', 'service'], options);
  }

  private async import(
    command: ChunkCommand,
    columns: readonly string[],
    required: readonly string[],
    options: ImportOptions,
  ): Promise<ImportReport> {
    try {
      if (grantFor(command.name, this.principal?.role) === 'deny') {
        throw new EngineError('FORBIDDEN', `a ${this.principal?.role} may not run ${command.name}`, {
          details: { command: command.name },
        });
      }
      const { csv, onProgress, maxRows } = parseInput(importOptions, options, command.name);
      const { parseCsv } = await loadCsvFormat();
      const table = parseCsv(csv, { columns, required, maxRows: maxRows ?? MAX_IMPORT_ROWS });
      const total = table.rows.length + table.problems.length;
      const report: ImportReport = {
        total,
        imported: [],
        failed: [...table.problems],
        ignoredColumns: table.ignoredColumns,
      };
      for (let i = 0; i < table.rows.length; i += IMPORT_CHUNK_ROWS) {
        await this.importChunk(command, table.rows.slice(i, i + IMPORT_CHUNK_ROWS), report);
        onProgress?.({
          processed: Math.min(i + IMPORT_CHUNK_ROWS, table.rows.length) + table.problems.length,
          total,
          imported: report.imported.length,
          failed: report.failed.length,
        });
      }
      report.failed.sort((a, b) => a.line - b.line);
      return report;
    } catch (error) {
      throw toEngineError(error, 'INTERNAL', `${command.name} failed`);
    }
  }

  private async importChunk(command: ChunkCommand, rows: CsvRow[], report: ImportReport): Promise<void> {
    try {
      merge(report, await this.runner.execute(this.principal, command, { rows }));
      return;
    } catch (error) {
      if (!isEngineError(error) || typeof error.details.line !== 'number') throw error;
    }
    for (const row of rows) {
      try {
        merge(report, await this.runner.execute(this.principal, command, { rows: [row] }));
      } catch (error) {
        if (!isEngineError(error) || error.details.line !== row.line) throw error;
        report.failed.push(problemOf(row.line, error.cause ?? error));
      }
    }
  }
}

function merge(report: ImportReport, chunk: ChunkResult): void {
  report.imported.push(...chunk.imported);
  report.failed.push(...chunk.failed);
}
