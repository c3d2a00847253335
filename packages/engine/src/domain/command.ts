import type { ServiceIdentifier } from 'inversify';
import type * as z from 'zod/mini';
import type { EngineEventMap, EngineEventType } from '../kernel/events.js';
import type { IdGenerator } from '../kernel/ids.js';
import type { Doc, ReadTransaction, WriteTransaction } from '../storage/contract.js';
import type { Principal } from './principal.js';

/**
 * What every command and query body receives. `now` is the injected clock's time (ISO-8601 UTC),
 * read once per call so every row the call writes carries the same instant.
 */
export interface BaseContext {
  readonly principal: Principal;
  /** The command or query name, the key of its row in `POLICY`. */
  readonly command: string;
  readonly now: string;
  /** Resolves a binding of the engine container (a service, the settings, a blob store…). */
  get<T>(token: ServiceIdentifier<T>): T;
  /**
   * Loads a live document: `NOT_FOUND` when missing or soft-deleted (unless `deleted: true`),
   * `CONFLICT` when `rev` is given and differs from the stored one.
   */
  load<T extends object>(
    collection: string,
    id: string,
    options?: { rev?: number; deleted?: boolean },
  ): Promise<Doc<T>>;
}

/** The body of a query: reads only. */
export interface QueryContext extends BaseContext {
  readonly tx: ReadTransaction;
}

/** How a document was changed, as written to the audit log and the outbox. */
export type Operation = 'create' | 'update' | 'delete' | 'restore' | 'purge';

/**
 * The body of a command: one write transaction, plus helpers that write the audit row and the
 * outbox row of every change in that same transaction. Use the helpers, not `tx.insert` /
 * `tx.update`, for any entity a user would care about; `tx` is there for bookkeeping documents
 * (counters) that have no audit value.
 *
 * @example
 * ```ts
 * const client = await ctx.insert('clients', { kind: 'individual', name: input.name });
 * ctx.emit('client.created', { id: client.id });
 * ctx.afterCommit(() => mailer.welcome(client));
 * ```
 */
export interface CommandContext extends BaseContext {
  readonly tx: WriteTransaction;
  readonly ids: IdGenerator;
  /** Inserts a new document (id from `ids` unless given, times from `now`); audited. */
  insert<T extends object>(collection: string, fields: T & { id?: string }): Promise<Doc<T>>;
  /**
   * Applies `patch` (keys set to `undefined` are ignored) to `doc`, checked against `doc.rev`
   * (a concurrent change → `CONFLICT`). Returns `doc` untouched, writing nothing, when nothing
   * changes; otherwise audit row with the field diff and outbox row with the changed fields.
   */
  update<T extends object>(collection: string, doc: Doc<T>, patch: Partial<T>): Promise<Doc<T>>;
  /** Sets `deletedAt` (moves the document to the trash); audited as `delete`. */
  softDelete<T extends object>(collection: string, doc: Doc<T>): Promise<Doc<T>>;
  /** Clears `deletedAt` (takes the document out of the trash); audited as `restore`. */
  restore<T extends object>(collection: string, doc: Doc<T>): Promise<Doc<T>>;
  /** Removes the document for good; audited as `purge` with its last values. */
  purge<T extends object>(collection: string, doc: Doc<T>): Promise<void>;
  /** Queues an event, published only after the transaction commits. */
  emit<K extends EngineEventType>(type: K, payload: EngineEventMap[K]): void;
  /** Queues a side effect run after commit and events; its failure is logged, never thrown. */
  afterCommit(fn: () => void | Promise<void>): void;
}

/**
 * Who owns the target of a command, for grants limited to assigned entities
 * (`{ assigned: true }` in `POLICY`). Checked inside the write transaction, after parsing.
 */
export interface Ownership<I> {
  /** The user id the target is assigned to (null/undefined: nobody, so refused). */
  assignee(tx: ReadTransaction, input: I): Promise<string | null | undefined>;
  /** The fields this input would change, checked against the grant's `fields`. */
  fields?(input: I): readonly string[];
}

/** A mutating command: runs in one write transaction. */
export interface CommandDef<S extends z.ZodMiniType = z.ZodMiniType, R = unknown> {
  readonly kind: 'command';
  readonly name: string;
  readonly input: S;
  readonly ownership?: Ownership<z.output<S>>;
  run(ctx: CommandContext, input: z.output<S>): Promise<R>;
}

/** A read-only query: runs in one read transaction. */
export interface QueryDef<S extends z.ZodMiniType = z.ZodMiniType, R = unknown> {
  readonly kind: 'query';
  readonly name: string;
  readonly input: S;
  readonly ownership?: Ownership<z.output<S>>;
  run(ctx: QueryContext, input: z.output<S>): Promise<R>;
}

/** Any command or query. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds definitions of every input and result type
export type AnyOperation = CommandDef<any, any> | QueryDef<any, any>;

/** The input a caller passes to an operation (before parsing). */
export type InputOf<D> = D extends { input: infer S extends z.ZodMiniType } ? z.input<S> : never;

/** What an operation resolves to. */
export type ResultOf<D> = D extends { run(ctx: never, input: never): Promise<infer R> } ? R : never;

/**
 * Defines a command. `name` is the key of its row in the policy table (`domain/policy.ts`);
 * `input` a zod/mini schema every call is parsed with; `run` the body, given a
 * {@link CommandContext}. The runner does: check the role's grant → parse → one
 * `storage.write` (ownership check, `run`, audit + outbox rows) → commit → publish the queued
 * events → post-commit actions. A rejected command changes nothing.
 *
 * Register it by binding `TOKENS.Commands` to it in the module's `ContainerModule`, and expose it
 * on the `Shop` facade (`engine/shop.ts`).
 *
 * @example
 * ```ts
 * export const createClient = defineCommand({
 *   name: 'clients.create',
 *   input: z.object({ name: z.string().check(z.minLength(1)) }),
 *   run: async (ctx, input) => ctx.insert('clients', { kind: 'individual', name: input.name }),
 * });
 * ```
 */
export function defineCommand<S extends z.ZodMiniType, R>(definition: {
  name: string;
  input: S;
  ownership?: Ownership<z.output<S>>;
  run: (ctx: CommandContext, input: z.output<S>) => Promise<R>;
}): CommandDef<S, R> {
  return { kind: 'command', ...definition };
}

/**
 * Defines a query (a named read, with its own row in the policy table): parsed and authorised
 * like a command, run in one read transaction, never writing.
 *
 * @example
 * ```ts
 * export const getClient = defineQuery({
 *   name: 'clients.get',
 *   input: z.object({ id: z.string() }),
 *   run: (ctx, input) => ctx.load('clients', input.id),
 * });
 * ```
 */
export function defineQuery<S extends z.ZodMiniType, R>(definition: {
  name: string;
  input: S;
  ownership?: Ownership<z.output<S>>;
  run: (ctx: QueryContext, input: z.output<S>) => Promise<R>;
}): QueryDef<S, R> {
  return { kind: 'query', ...definition };
}
