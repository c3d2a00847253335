import type {
  AggregateQuery,
  AggregateRow,
  DeletedVisibility,
  Doc,
  FindQuery,
  NewDoc,
  Page,
  Scalar,
  SearchQuery,
  Where,
  WriteTransaction,
} from '@rpma/engine';
import {
  checkAggregate,
  checkFindQuery,
  checkSearch,
  checkWhere,
  decodeCursor,
  EngineError,
  encodeCursor,
  searchTerms,
} from '@rpma/engine';
import type { CollectionLayout } from './collection-layout.js';
import { documentWriter } from './document-writer.js';
import type { DocChange } from './persistence/persistence.js';
import { compileAggregate, compileCount, compileFind, totalOrder } from './query-compiler.js';
import { compileSearchFetch, compileSearchMatches, rankMatches } from './search-ranking.js';
import type { StatementCache } from './statement-cache.js';

/**
 * What a transaction needs from its adapter: the statement cache of the open database and the
 * collection layouts.
 *
 * @example
 * ```ts
 * const tx = new SqljsTransaction({ statements, layout: (name) => layouts.get(name) }, changes);
 * ```
 */
export interface TransactionContext {
  readonly statements: StatementCache;
  /** The layout of a collection; unknown names are refused. */
  layout(collection: string): CollectionLayout;
}

/**
 * The journal's change for a stored document: its `doc` is parsed from the JSON text the row
 * holds, on each read. The entry never shares objects with the caller (who may mutate what it
 * passed or got back), and a backend that never reads `doc` (memory) pays nothing for it.
 */
function journalPut(collection: string, json: string): DocChange {
  return {
    op: 'put',
    collection,
    get doc(): Doc {
      return JSON.parse(json) as Doc;
    },
  };
}

function parseDoc<T extends object>(json: unknown): Doc<T> {
  return JSON.parse(json as string) as Doc<T>;
}

function checkNewDoc(collection: string, doc: unknown): asserts doc is NewDoc {
  const d = doc as Record<string, unknown> | null;
  const ok =
    typeof d === 'object' &&
    d !== null &&
    typeof d.id === 'string' &&
    d.id.length > 0 &&
    typeof d.createdAt === 'string' &&
    typeof d.updatedAt === 'string' &&
    (d.deletedAt === undefined || d.deletedAt === null || typeof d.deletedAt === 'string');
  if (!ok) {
    throw new EngineError(
      'VALIDATION',
      `a ${collection} document needs a non-empty string id and ISO createdAt/updatedAt (deletedAt null or ISO)`,
      { details: { collection } },
    );
  }
}

/**
 * One read or write transaction over the adapter's database. Writes record their changes in
 * `changes` (when given) for the journal entry of the commit. A transaction is usable only
 * while its callback runs.
 *
 * @example
 * ```ts
 * const doc = await tx.insert('clients', { id, createdAt: now, updatedAt: now, name: 'Léa' });
 * ```
 */
export class SqljsTransaction implements WriteTransaction {
  private active = true;
  /** Collections written in this transaction. */
  readonly touched = new Set<string>();
  /** Number of writes made. */
  writes = 0;

  constructor(
    private readonly ctx: TransactionContext,
    private readonly changes: DocChange[] | null,
    private readonly writable: boolean,
  ) {}

  /** Ends the transaction: later calls are refused. */
  end(): void {
    this.active = false;
  }

  private use(collection: string, write = false): CollectionLayout {
    if (!this.active) throw new EngineError('STORAGE', 'this transaction has already ended');
    if (write && !this.writable) throw new EngineError('STORAGE', 'cannot write inside a read transaction');
    return this.ctx.layout(collection);
  }

  async get<T extends object = Record<string, unknown>>(
    collection: string,
    id: string,
  ): Promise<Doc<T> | undefined> {
    const layout = this.use(collection);
    const json = this.ctx.statements.first(`SELECT doc FROM ${layout.table} WHERE id = ?`, [id]);
    return json === undefined ? undefined : parseDoc<T>(json);
  }

  async getMany<T extends object = Record<string, unknown>>(
    collection: string,
    ids: readonly string[],
  ): Promise<Doc<T>[]> {
    const layout = this.use(collection);
    if (ids.length === 0) return [];
    const rows = this.ctx.statements.all(
      `SELECT id, doc FROM ${layout.table} WHERE id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(ids)],
    );
    const byId = new Map(rows.map((row) => [row[0] as string, row[1]]));
    const out: Doc<T>[] = [];
    for (const id of ids) {
      const json = byId.get(id);
      if (json !== undefined) out.push(parseDoc<T>(json));
    }
    return out;
  }

  async find<T extends object = Record<string, unknown>>(
    collection: string,
    query: FindQuery = {},
  ): Promise<Page<Doc<T>>> {
    const layout = this.use(collection);
    const limit = checkFindQuery(collection, layout.types, query);
    const after =
      query.after === undefined ? null : decodeCursor(collection, totalOrder(query.orderBy), query.after);
    const compiled = compileFind(layout, query, limit, after);
    const rows = this.ctx.statements.all(compiled.sql, compiled.params);
    const items: Doc<T>[] = [];
    const count = Math.min(rows.length, limit);
    for (let i = 0; i < count; i++) items.push(parseDoc<T>((rows[i] as unknown[])[0]));
    let nextCursor: string | null = null;
    if (rows.length > limit) {
      const last = rows[limit - 1] as Scalar[];
      nextCursor = encodeCursor(compiled.keys, last.slice(1));
    }
    return { items, nextCursor };
  }

  async count(collection: string, where?: Where, deleted?: DeletedVisibility): Promise<number> {
    const layout = this.use(collection);
    checkWhere(collection, layout.types, where);
    const compiled = compileCount(layout, where, deleted);
    return Number(this.ctx.statements.first(compiled.sql, compiled.params) ?? 0);
  }

  async aggregate(collection: string, query: AggregateQuery): Promise<AggregateRow[]> {
    const layout = this.use(collection);
    checkAggregate(collection, layout.types, query);
    const compiled = compileAggregate(layout, query);
    const groupCount = compiled.groupNames.length;
    const booleans = (query.groupBy ?? []).map(
      (g) => typeof g === 'string' && layout.types.get(g) === 'boolean',
    );
    return this.ctx.statements.all(compiled.sql, compiled.params).map((row) => {
      const group: Record<string, Scalar> = {};
      compiled.groupNames.forEach((name, i) => {
        const value = row[i] as Scalar;
        group[name] = booleans[i] && value !== null ? value === 1 : value;
      });
      const values: Record<string, number | null> = {};
      compiled.measureNames.forEach((name, i) => {
        const value = row[groupCount + i];
        values[name] = value === null || value === undefined ? null : Number(value);
      });
      return { group, values };
    });
  }

  async search<T extends object = Record<string, unknown>>(
    collection: string,
    query: SearchQuery,
  ): Promise<Doc<T>[]> {
    const layout = this.use(collection);
    const limit = checkSearch(layout.schema, layout.types, query);
    const terms = searchTerms(query.text);
    if (terms.length === 0) return [];
    const matches = compileSearchMatches(layout, terms);
    const [docids, info] = this.ctx.statements.all(matches.sql, matches.params)[0] ?? [];
    if (typeof docids !== 'string' || typeof info !== 'string') return [];
    const ranked = rankMatches(docids, info, terms.length * 2 * layout.fullText.length);
    const found: Doc<T>[] = [];
    let size = limit;
    for (let start = 0; start < ranked.length && found.length < limit; start += size, size *= 2) {
      const chunk = ranked.slice(start, start + size);
      const fetch = compileSearchFetch(layout, query, chunk);
      const docs = new Map(
        this.ctx.statements.all(fetch.sql, fetch.params).map(([rowid, doc]) => [rowid, doc]),
      );
      for (const rowid of chunk) {
        const doc = docs.get(rowid);
        if (doc !== undefined && found.length < limit) found.push(parseDoc<T>(doc));
      }
    }
    return found;
  }

  async insert<T extends object = Record<string, unknown>>(
    collection: string,
    doc: NewDoc<T>,
  ): Promise<Doc<T>> {
    const layout = this.use(collection, true);
    checkNewDoc(collection, doc);
    const stored = { ...doc, rev: 1, deletedAt: doc.deletedAt ?? null } as Doc<T>;
    const json = JSON.stringify(stored);
    documentWriter(layout).insert(this.ctx.statements, stored as Doc, json);
    this.record(journalPut(collection, json));
    return stored;
  }

  async update<T extends object = Record<string, unknown>>(
    collection: string,
    doc: Doc<T>,
    expectedRev: number,
  ): Promise<Doc<T>> {
    const layout = this.use(collection, true);
    checkNewDoc(collection, doc);
    const stored = { ...doc, rev: expectedRev + 1, deletedAt: doc.deletedAt ?? null } as Doc<T>;
    const json = JSON.stringify(stored);
    const writer = documentWriter(layout);
    if (!writer.update(this.ctx.statements, stored as Doc, json, expectedRev)) {
      const current = this.ctx.statements.first(`SELECT rev FROM ${layout.table} WHERE id = ?`, [doc.id]);
      if (current === undefined) {
        throw new EngineError('NOT_FOUND', `${collection} ${doc.id} does not exist`, {
          details: { collection, id: doc.id },
        });
      }
      throw new EngineError(
        'CONFLICT',
        `${collection} ${doc.id} was changed meanwhile: expected rev ${expectedRev}, stored rev ${String(current)}`,
        { details: { collection, id: doc.id, expectedRev, currentRev: current } },
      );
    }
    this.record(journalPut(collection, json));
    return stored;
  }

  async purge(collection: string, id: string): Promise<void> {
    const layout = this.use(collection, true);
    if (!documentWriter(layout).purge(this.ctx.statements, id)) {
      throw new EngineError('NOT_FOUND', `${collection} ${id} does not exist`, {
        details: { collection, id },
      });
    }
    this.record({ op: 'purge', collection, id });
  }

  private record(change: DocChange): void {
    this.writes++;
    this.touched.add(change.collection);
    this.changes?.push(change);
  }
}
