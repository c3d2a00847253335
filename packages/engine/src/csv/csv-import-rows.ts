import * as z from 'zod/mini';
import type { CommandContext } from '../domain/command.js';
import { EngineError, isEngineError } from '../kernel/engine-error.js';
import { parseInput } from '../kernel/validate.js';
import type { CsvRow, RowProblem } from './csv-format.js';

/** Most rows one import transaction takes. */
const MAX_CHUNK_ROWS = 500;

/**
 * Input of an import chunk command: rows already read from the CSV, with their line numbers.
 *
 * @example
 * ```ts
 * parseInput(importChunkInput, { rows: [{ line: 2, cells: { name: 'Léa' } }] }, 'csv.importClients');
 * ```
 */
export const importChunkInput = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        line: z.number().check(z.int(), z.gte(1)),
        cells: z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(20_000))),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_CHUNK_ROWS)),
});

/**
 * What one import transaction did: the rows it imported (line → new document id) and the rows
 * it refused without writing anything for them.
 *
 * @example
 * ```ts
 * const result: ChunkResult = { imported: [{ line: 2, id: '0197…' }], failed: [{ line: 3, reason: 'name: …', code: 'VALIDATION' }] };
 * ```
 */
export interface ChunkResult {
  imported: Array<{ line: number; id: string }>;
  failed: RowProblem[];
}

/**
 * How one entity is imported: `prepare` checks a row without writing (and returns the parsed
 * input, or a problem), `write` stores it (the first document it inserts into `collection` takes
 * the row's `id` when given).
 *
 * @example
 * ```ts
 * const clientRows: RowImporter<ClientInput> = { collection: 'clients', prepare, write: (ctx, input) => createClient.run(ctx, input) };
 * ```
 */
export interface RowImporter<I> {
  collection: string;
  prepare(ctx: CommandContext, row: CsvRow): Promise<{ input: I; id?: string } | { problem: RowProblem }>;
  write(ctx: CommandContext, input: I): Promise<{ id: string }>;
}

/**
 * Imports rows inside the command's one transaction. Rows that fail the checks are reported and
 * nothing is written for them; a row that fails while writing throws (tagged with its line), which
 * rolls the whole transaction back — the importer then replays those rows one per transaction,
 * so no row is ever half-applied.
 *
 * @example
 * ```ts
 * run: (ctx, input) => importRows(ctx, input.rows, clientRows),
 * ```
 */
export async function importRows<I>(
  ctx: CommandContext,
  rows: readonly CsvRow[],
  importer: RowImporter<I>,
): Promise<ChunkResult> {
  const result: ChunkResult = { imported: [], failed: [] };
  for (const row of rows) {
    const prepared = await importer.prepare(ctx, row);
    if ('problem' in prepared) {
      result.failed.push(prepared.problem);
      continue;
    }
    try {
      const doc = await importer.write(
        prepared.id === undefined ? ctx : withDocumentId(ctx, importer.collection, prepared.id),
        prepared.input,
      );
      result.imported.push({ line: row.line, id: doc.id });
    } catch (error) {
      const problem = problemOf(row.line, error);
      throw new EngineError(
        isEngineError(error) ? error.code : 'INTERNAL',
        `line ${row.line}: ${problem.reason}`,
        {
          details: { line: row.line },
          cause: error,
        },
      );
    }
  }
  return result;
}

/**
 * The reason a row was refused, in one line: validation issues by path, or the error's message.
 *
 * @example
 * ```ts
 * problemOf(7, validationError); // { line: 7, reason: 'email: Invalid email address', code: 'VALIDATION' }
 * ```
 */
export function problemOf(line: number, error: unknown): RowProblem {
  if (!isEngineError(error)) return { line, reason: String(error), code: 'INTERNAL' };
  const issues = error.details.issues as Array<{ path: string; message: string }> | undefined;
  const reason = issues?.length
    ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
    : error.message;
  return { line, reason, code: error.code };
}

/**
 * Parses a row's input with a command's schema; a refusal becomes the row's problem.
 *
 * @example
 * ```ts
 * const parsed = parseRow(createClient.input, raw, row.line, 'clients.create');
 * ```
 */
export function parseRow<S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
  line: number,
  what: string,
): { input: z.output<S> } | { problem: RowProblem } {
  try {
    return { input: parseInput(schema, raw, what) };
  } catch (error) {
    return { problem: problemOf(line, error) };
  }
}

/**
 * A row's `id` cell, checked: free in `collection` (live or in the trash), or the row's problem.
 * An empty cell means "give it a new id".
 *
 * @example
 * ```ts
 * const id = await freeId(ctx, 'clients', row);
 * ```
 */
export async function freeId(
  ctx: CommandContext,
  collection: string,
  row: CsvRow,
): Promise<{ id?: string } | { problem: RowProblem }> {
  const id = row.cells.id;
  if (!id) return {};
  if (id.length > 100)
    return { problem: { line: row.line, reason: 'id: at most 100 characters', code: 'VALIDATION' } };
  const existing = await ctx.tx.get(collection, id);
  if (existing) {
    return {
      problem: { line: row.line, reason: `id: ${collection} ${id} already exists`, code: 'CONFLICT' },
    };
  }
  return { id };
}

/** The context with the first document inserted into `collection` given `id`. */
function withDocumentId(ctx: CommandContext, collection: string, id: string): CommandContext {
  let used = false;
  const scoped: CommandContext = Object.create(ctx);
  scoped.insert = (into, fields) => {
    if (used || into !== collection) return ctx.insert(into, fields);
    used = true;
    return ctx.insert(into, { ...fields, id });
  };
  return scoped;
}
