/**
 * The storage contract (shared/DESIGN.md §3): documents in collections, declared by the engine,
 * read and written inside transactions. One small interface an adapter implements.
 *
 * @example
 * ```ts
 * const adapter: StorageAdapter = sqljsStorage();
 * await adapter.open(engineSchema);
 * const page = await adapter.read((tx) =>
 *   tx.find('tasks', { where: { status: { in: ['scheduled', 'in_progress'] } }, orderBy: [{ field: 'scheduledAt' }], limit: 50 }),
 * );
 * ```
 */

/** Fields every stored document carries. `rev` starts at 1 and grows by one on each update. */
export interface DocMeta {
  id: string;
  rev: number;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** ISO-8601 UTC. */
  updatedAt: string;
  /** ISO-8601 UTC when soft-deleted, otherwise null. */
  deletedAt: string | null;
}

/**
 * A stored document: the metadata plus the collection's own fields, JSON-serialisable.
 *
 * @example
 * ```ts
 * type Client = Doc<{ name: string; phone?: string }>;
 * ```
 */
export type Doc<T extends object = Record<string, unknown>> = T & DocMeta;

/**
 * What `insert` takes: the whole document but `rev`, which the adapter sets to 1.
 * `deletedAt` may be omitted (null).
 *
 * @example
 * ```ts
 * await tx.insert('clients', { id: ids.next(), createdAt: now, updatedAt: now, name: 'Léa Martin' });
 * ```
 */
export type NewDoc<T extends object = Record<string, unknown>> = T &
  Omit<DocMeta, 'rev' | 'deletedAt'> & { deletedAt?: string | null };

/** The type of a queryable field; decides how values are compared and bucketed. */
export type FieldType = 'string' | 'number' | 'boolean' | 'date';

/**
 * One collection as the engine declares it. `fields` are the only fields a query may filter,
 * sort, group or aggregate on (dotted paths reach into nested objects); each gets an index.
 * `indexes` add composite indexes, `unique` adds unique keys (checked among documents that are
 * not soft-deleted unless `includeDeleted` is set), `fullText` lists the fields `search` matches.
 *
 * @example
 * ```ts
 * const tasks: CollectionSchema = {
 *   name: 'tasks',
 *   fields: { status: 'string', technicianId: 'string', scheduledAt: 'date', number: 'string' },
 *   indexes: [['status', 'scheduledAt'], ['technicianId', 'scheduledAt']],
 *   unique: [{ fields: ['number'] }],
 *   fullText: ['title', 'notes'],
 * };
 * ```
 */
export interface CollectionSchema {
  name: string;
  fields: Record<string, FieldType>;
  indexes?: string[][];
  unique?: UniqueKey[];
  fullText?: string[];
}

/** A unique key over one or more declared fields. */
export interface UniqueKey {
  fields: string[];
  /** When true, soft-deleted documents still hold their key. Default false. */
  includeDeleted?: boolean;
}

/**
 * The whole schema the engine hands to `open`. Opening again with more fields, indexes or
 * collections migrates the store in place.
 *
 * @example
 * ```ts
 * await adapter.open({ collections: [clients, vehicles, tasks] });
 * ```
 */
export interface StoreSchema {
  collections: CollectionSchema[];
}

/** A scalar a filter compares with. Dates are ISO-8601 strings. */
export type Scalar = string | number | boolean | null;

/**
 * Operators on one field. Several operators on the same field are ANDed.
 * `prefix` is a case-sensitive string prefix; `isNull: true` matches missing and null.
 * Missing and null are one value: `eq: null` matches both, `ne`/`nin` match them unless null is
 * the operand or listed, `in` matches them when null is listed. Ranges (`gt`…`lte`) never match
 * null and refuse a null operand. (Fixed by the conformance suite's reference model.)
 */
export interface FieldFilter {
  eq?: Scalar;
  ne?: Scalar;
  in?: Scalar[];
  nin?: Scalar[];
  gt?: Scalar;
  gte?: Scalar;
  lt?: Scalar;
  lte?: Scalar;
  isNull?: boolean;
  prefix?: string;
}

/**
 * The filter language: a field maps to a scalar (equality) or a {@link FieldFilter};
 * `and` / `or` nest. Fields in one object are ANDed. Only declared fields and the metadata
 * fields (`id`, `createdAt`, `updatedAt`, `deletedAt`) may appear; anything else is refused
 * with `UNSUPPORTED_QUERY`.
 *
 * @example
 * ```ts
 * const where: Where = {
 *   technicianId: 'u1',
 *   scheduledAt: { gte: '2026-03-01T00:00:00Z', lt: '2026-04-01T00:00:00Z' },
 *   or: [{ status: 'scheduled' }, { status: { in: ['in_progress', 'on_hold'] } }],
 * };
 * ```
 */
export type Where = {
  and?: Where[];
  or?: Where[];
} & { [field: string]: Scalar | FieldFilter | Where[] | undefined };

/**
 * One sort key. Ties are always broken by `id` ascending, so order is total. Missing and null
 * values sort first ascending and last descending.
 */
export interface OrderBy {
  field: string;
  direction?: 'asc' | 'desc';
}

/** Which documents a query sees with respect to soft delete. Default `'live'`. */
export type DeletedVisibility = 'live' | 'deleted' | 'all';

/**
 * A `find` query. `after` is the `nextCursor` of the previous page; a page is stable under
 * concurrent inserts (keyset pagination, never offsets).
 */
export interface FindQuery {
  where?: Where;
  orderBy?: OrderBy[];
  /** Default 100, at most 1000. */
  limit?: number;
  after?: string;
  deleted?: DeletedVisibility;
}

/** A page of results; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Time bucket sizes for grouping a `date` field (UTC). Weeks start on Monday (ISO week). */
export type TimeBucket = 'hour' | 'day' | 'week' | 'month' | 'year';

/** A group key: a declared field, or a date field cut into time buckets. */
export type GroupBy = string | { field: string; bucket: TimeBucket };

/** One measure of an aggregate. `count` needs no field; the others need a `number` field. */
export type Measure = { fn: 'count' } | { fn: 'sum' | 'avg' | 'min' | 'max'; field: string };

/**
 * An aggregate query: rows grouped by `groupBy`, each with the named measures.
 *
 * @example
 * ```ts
 * await tx.aggregate('tasks', {
 *   where: { status: 'completed' },
 *   groupBy: [{ field: 'completedAt', bucket: 'month' }],
 *   measures: { jobs: { fn: 'count' }, billed: { fn: 'sum', field: 'totalPrice' } },
 * });
 * // [{ group: { completedAt: '2026-03' }, values: { jobs: 41, billed: 52300 } }, …]
 * ```
 */
export interface AggregateQuery {
  where?: Where;
  groupBy?: GroupBy[];
  measures: Record<string, Measure>;
  deleted?: DeletedVisibility;
}

/** One aggregate row; groups are ordered by their keys ascending. Bucket keys are strings like `2026-03-05`, `2026-W10`, `2026-03`, `2026`, `2026-03-05T14`. */
export interface AggregateRow {
  group: Record<string, Scalar>;
  values: Record<string, number | null>;
}

/**
 * A full-text search. Matching is case- and accent-insensitive and by word prefix
 * ("lea mar" finds "Léa Martin"). Results come best first.
 */
export interface SearchQuery {
  text: string;
  where?: Where;
  /** Default 50, at most 1000. */
  limit?: number;
  deleted?: DeletedVisibility;
}

/** Reads available in every transaction. */
export interface ReadTransaction {
  /** One document by id, or undefined. Soft-deleted documents are returned (check `deletedAt`). */
  get<T extends object = Record<string, unknown>>(
    collection: string,
    id: string,
  ): Promise<Doc<T> | undefined>;
  /** Documents by id, in the order of `ids`, missing ones left out. */
  getMany<T extends object = Record<string, unknown>>(
    collection: string,
    ids: readonly string[],
  ): Promise<Doc<T>[]>;
  find<T extends object = Record<string, unknown>>(
    collection: string,
    query?: FindQuery,
  ): Promise<Page<Doc<T>>>;
  count(collection: string, where?: Where, deleted?: DeletedVisibility): Promise<number>;
  aggregate(collection: string, query: AggregateQuery): Promise<AggregateRow[]>;
  search<T extends object = Record<string, unknown>>(
    collection: string,
    query: SearchQuery,
  ): Promise<Doc<T>[]>;
}

/** Reads plus writes, all applied together or not at all. */
export interface WriteTransaction extends ReadTransaction {
  /** Inserts a document with `rev` 1. A duplicate id or unique key → `CONFLICT`. */
  insert<T extends object = Record<string, unknown>>(collection: string, doc: NewDoc<T>): Promise<Doc<T>>;
  /**
   * Replaces a document whose current `rev` is `expectedRev`, storing it with `rev + 1`.
   * A stale rev or a unique-key clash → `CONFLICT`; an unknown id → `NOT_FOUND`.
   * Soft delete is an update that sets `deletedAt`.
   */
  update<T extends object = Record<string, unknown>>(
    collection: string,
    doc: Doc<T>,
    expectedRev: number,
  ): Promise<Doc<T>>;
  /** Removes a document for good. Unknown id → `NOT_FOUND`. */
  purge(collection: string, id: string): Promise<void>;
}

/**
 * A storage adapter. Transactions are serializable and all-or-nothing: if `fn` throws, nothing
 * it wrote is kept and the error is rethrown. Writes are serialized; `write` resolves only once
 * the commit is durable under the adapter's configured durability.
 */
export interface StorageAdapter {
  /** A short name for messages, like `'sqljs'`. */
  readonly name: string;
  /** Creates or migrates collections; idempotent. Must be called before any transaction. */
  open(schema: StoreSchema): Promise<void>;
  read<R>(fn: (tx: ReadTransaction) => Promise<R>): Promise<R>;
  write<R>(fn: (tx: WriteTransaction) => Promise<R>): Promise<R>;
  /** Flushes and releases locks; later calls reject with `STORAGE`. */
  close(): Promise<void>;
  /**
   * Called after every commit made by another writer (another tab on the same store),
   * so caches and UIs can refresh. Returns an unsubscribe function.
   */
  onExternalChange?(listener: (collections: string[]) => void): () => void;
}

/** Fields every document has and any query may use, whatever the schema declares. */
export const META_FIELDS: Readonly<Record<'id' | 'createdAt' | 'updatedAt' | 'deletedAt', FieldType>> = {
  id: 'string',
  createdAt: 'date',
  updatedAt: 'date',
  deletedAt: 'date',
};
