import type { ReadTransaction, StorageAdapter, StoreSchema, WriteTransaction } from '@rpma/engine';
import { EngineError, toEngineError } from '@rpma/engine';
import type { Database, SqlJsStatic } from 'sql.js';
import type { CollectionLayout } from './collection-layout.js';
import { documentWriter } from './document-writer.js';
import type { WasmSource } from './load-sqljs.js';
import { loadSqlJs } from './load-sqljs.js';
import type {
  DocChange,
  JournalEntry,
  PersistedState,
  Persistence,
  SharedWriters,
} from './persistence/persistence.js';
import { adoptCollection, migrateSchema, readMeta, writeMeta } from './schema-migrator.js';
import type { TransactionContext } from './sqljs-transaction.js';
import { SqljsTransaction } from './sqljs-transaction.js';
import { StatementCache } from './statement-cache.js';

/**
 * Options of {@link SqljsStorageAdapter}: where its data is kept and where the wasm comes from.
 *
 * @example
 * ```ts
 * const options: SqljsStorageOptions = { persistence: memoryPersistence() };
 * ```
 */
export interface SqljsStorageOptions extends WasmSource {
  /** Where commits are made durable. Without it the store lives in memory only and journals nothing. */
  persistence?: Persistence;
}

interface WriteOutcome<R> {
  result: R;
  durable: Promise<void>;
  seq: number;
  collections: string[];
}

/**
 * The database file lives in sql.js's in-memory file system and durability is the journal's
 * job, so SQLite's own rollback journal stays in memory, never syncs, and keeps its locks;
 * a 64 MB page cache spares most trips through the emscripten file layer (it halves a 100k-doc
 * bulk insert and speeds up sorts).
 */
export const SQLITE_PRAGMAS =
  'PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA locking_mode = EXCLUSIVE';

const EMPTY_STATE: PersistedState = { snapshot: null, snapshotSeq: 0, entries: [] };

/** A rejection handler that rethrows anything as an `EngineError` (`STORAGE` unless it already is one). */
function refuse(message: string): (err: unknown) => never {
  return (err) => {
    throw toEngineError(err, 'STORAGE', message);
  };
}

/**
 * Rolls back the open transaction. SQLite may already have rolled it back by itself (out of
 * memory, a full in-memory file system): then there is nothing left to undo, and the error that
 * made us roll back is the one worth reporting.
 */
function rollback(db: Database): void {
  try {
    db.run('ROLLBACK');
  } catch {
    return;
  }
}

/**
 * The sql.js storage adapter: an in-memory SQLite database (one table per collection, one
 * indexed column per declared field, FTS4 for full text) made durable by a {@link Persistence}
 * backend that journals every commit. See docs/architecture.md, "Storage".
 *
 * Transactions run one at a time (reads and writes share one queue: sql.js has a single
 * connection); a write's journal entry is appended after its COMMIT, and the next transaction
 * may run while that append is in flight (the backend groups them). `write` resolves only once
 * its entry is durable. A transaction callback must not call `read`/`write` on the same adapter
 * (it would wait for itself).
 *
 * @example
 * ```ts
 * const storage = new SqljsStorageAdapter({ persistence: memoryPersistence() });
 * await storage.open({ collections: [{ name: 'clients', fields: { name: 'string' }, fullText: ['name'] }] });
 * await storage.write((tx) => tx.insert('clients', { id: 'c1', createdAt: now, updatedAt: now, name: 'Léa Martin' }));
 * ```
 */
export class SqljsStorageAdapter implements StorageAdapter {
  readonly name = 'sqljs';
  private sql: SqlJsStatic | undefined;
  private db: Database | undefined;
  private statements: StatementCache | undefined;
  private layouts = new Map<string, CollectionLayout>();
  private schema: StoreSchema = { collections: [] };
  private seq = 0;
  private status: 'new' | 'open' | 'closed' = 'new';
  private tail: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<Promise<void>>();
  private reloadNeeded = false;
  private compaction: Promise<void> | null = null;
  private readonly listeners = new Set<(collections: string[]) => void>();
  private stopAnnounce: (() => void) | undefined;
  private readonly ctx: TransactionContext;

  constructor(private readonly options: SqljsStorageOptions = {}) {
    const adapter = this;
    this.ctx = {
      get statements() {
        return adapter.statements as StatementCache;
      },
      layout: (collection) => this.layout(collection),
    };
  }

  /** The seq of the last commit applied to this database (0 for none). */
  get lastSeq(): number {
    return this.seq;
  }

  async open(schema: StoreSchema): Promise<void> {
    return this.exclusive(async () => {
      if (this.status === 'closed') throw new EngineError('STORAGE', 'this storage adapter is closed');
      this.sql ??= await loadSqlJs(this.options);
      this.schema = schema;
      if (this.status === 'open') {
        this.inTransaction(() => {
          this.layouts = migrateSchema(this.database(), schema.collections);
        });
        return;
      }
      const persistence = this.options.persistence;
      const state = persistence
        ? await persistence.open().catch(refuse('cannot open the store'))
        : EMPTY_STATE;
      try {
        this.load(state);
      } catch (err) {
        await persistence?.close();
        throw err;
      }
      const shared = persistence?.shared;
      if (shared)
        this.stopAnnounce = shared.onAnnounce((seq, collections) =>
          this.onAnnounce(shared, seq, collections),
        );
      this.status = 'open';
    });
  }

  read<R>(fn: (tx: ReadTransaction) => Promise<R>): Promise<R> {
    return this.exclusive(async () => {
      await this.ready();
      const tx = new SqljsTransaction(this.ctx, null, false);
      try {
        return await fn(tx);
      } catch (err) {
        throw toEngineError(err, 'STORAGE', 'read transaction failed');
      } finally {
        tx.end();
      }
    });
  }

  async write<R>(fn: (tx: WriteTransaction) => Promise<R>): Promise<R> {
    const shared = this.options.persistence?.shared;
    if (shared) return this.exclusive(() => shared.withLock(() => this.sharedWrite(shared, fn)));
    const outcome = await this.exclusive(async () => {
      await this.ready();
      return this.runWrite(fn);
    });
    await outcome.durable;
    return outcome.result;
  }

  async close(): Promise<void> {
    const wasOpen = await this.exclusive(async () => {
      const open = this.status === 'open';
      this.status = 'closed';
      return open;
    });
    if (!wasOpen) return;
    await Promise.allSettled([...this.pending]);
    await this.compaction;
    this.stopAnnounce?.();
    this.statements?.clear();
    this.db?.close();
    this.db = undefined;
    await this.options.persistence?.close();
  }

  onExternalChange(listener: (collections: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private database(): Database {
    if (this.db === undefined) throw new EngineError('STORAGE', 'the store is not open');
    return this.db;
  }

  private layout(collection: string): CollectionLayout {
    const layout = this.layouts.get(collection);
    if (layout === undefined) {
      const known = [...this.layouts.keys()];
      throw new EngineError(
        'UNSUPPORTED_QUERY',
        `unknown collection '${collection}' (declared: ${known.join(', ')})`,
        {
          details: { collection, collections: known },
        },
      );
    }
    return layout;
  }

  /** Checks the adapter is open and, after a failed append, reloads the durable state first. */
  private async ready(): Promise<void> {
    if (this.status === 'new') throw new EngineError('STORAGE', 'call open(schema) before any transaction');
    if (this.status === 'closed') throw new EngineError('STORAGE', 'this storage adapter is closed');
    if (!this.reloadNeeded) return;
    await Promise.allSettled([...this.pending]);
    const persistence = this.options.persistence as Persistence;
    this.load(await persistence.open());
    this.reloadNeeded = false;
  }

  private inTransaction(fn: () => void): void {
    const db = this.database();
    db.run('BEGIN');
    try {
      fn();
      db.run('COMMIT');
    } catch (err) {
      rollback(db);
      throw err;
    }
  }

  /** Replaces the database with a durable state: snapshot (or a new database), schema, then the entries after it. */
  private load(state: PersistedState): void {
    const sql = this.sql as SqlJsStatic;
    this.statements?.clear();
    this.db?.close();
    this.db = undefined;
    let db: Database | undefined;
    try {
      db = state.snapshot ? new sql.Database(state.snapshot) : new sql.Database();
      db.run(SQLITE_PRAGMAS);
      this.db = db;
      this.statements = new StatementCache(db);
      this.seq = 0;
      this.inTransaction(() => {
        this.layouts = migrateSchema(db as Database, this.schema.collections);
        this.seq = Math.max(state.snapshotSeq, Number(readMeta(db as Database, 'seq') ?? 0));
        this.applyEntries(state.entries);
      });
    } catch (err) {
      this.statements?.clear();
      db?.close();
      this.db = undefined;
      throw toEngineError(err, 'STORAGE', 'cannot load the stored database');
    }
  }

  /** Applies journal entries past the current seq (inside a transaction). */
  private applyEntries(entries: readonly JournalEntry[]): void {
    const db = this.database();
    const statements = this.statements as StatementCache;
    for (const entry of entries) {
      if (entry.seq <= this.seq) continue;
      if (entry.seq !== this.seq + 1) {
        throw new EngineError('STORAGE', `journal gap: entry ${entry.seq} follows ${this.seq}`, {
          details: { seq: entry.seq, previous: this.seq },
        });
      }
      for (const change of entry.changes) this.applyChange(db, statements, change);
      this.seq = entry.seq;
    }
  }

  private applyChange(db: Database, statements: StatementCache, change: DocChange): void {
    let layout = this.layouts.get(change.collection);
    if (layout === undefined) {
      layout = adoptCollection(db, change.collection);
      this.layouts.set(change.collection, layout);
    }
    const writer = documentWriter(layout);
    if (change.op === 'put') writer.put(statements, change.doc, JSON.stringify(change.doc));
    else writer.purge(statements, change.id);
  }

  private async runWrite<R>(fn: (tx: WriteTransaction) => Promise<R>): Promise<WriteOutcome<R>> {
    const statements = this.statements as StatementCache;
    const persistence = this.options.persistence;
    const changes: DocChange[] | null = persistence ? [] : null;
    const tx = new SqljsTransaction(this.ctx, changes, true);
    statements.run('BEGIN', []);
    let result: R;
    try {
      result = await fn(tx);
      tx.end();
      statements.run('COMMIT', []);
    } catch (err) {
      tx.end();
      rollback(this.database());
      throw toEngineError(err, 'STORAGE', 'write transaction failed');
    }
    if (tx.writes === 0) return { result, durable: Promise.resolve(), seq: 0, collections: [] };
    const seq = ++this.seq;
    const durable = persistence && changes ? this.append(persistence, { seq, changes }) : Promise.resolve();
    return { result, durable, seq, collections: [...tx.touched] };
  }

  private append(persistence: Persistence, entry: JournalEntry): Promise<void> {
    const appended: Promise<void> = persistence.append(entry).then(
      () => {
        this.pending.delete(appended);
        this.maybeCompact(persistence);
      },
      (err: unknown) => {
        this.pending.delete(appended);
        this.reloadNeeded = true;
        throw toEngineError(err, 'STORAGE', `commit ${entry.seq} could not be made durable`);
      },
    );
    this.pending.add(appended);
    appended.catch(() => undefined);
    return appended;
  }

  /**
   * Exports a snapshot when the backend asks for it, after the commit that triggered it has
   * resolved. It waits for in-flight appends so the snapshot holds only durable commits, and
   * records the seq it covers in the meta table so replay skips those entries. A failed
   * compaction leaves the journal whole; the next commit tries again.
   */
  private maybeCompact(persistence: Persistence): void {
    if (this.compaction !== null || this.status !== 'open' || !persistence.shouldCompact()) return;
    this.compaction = this.exclusive(async () => {
      await Promise.allSettled([...this.pending]);
      if (this.status !== 'open' || this.reloadNeeded) return null;
      const db = this.database();
      writeMeta(db, 'seq', String(this.seq));
      return { bytes: db.export(), seq: this.seq };
    })
      .then((snapshot) => (snapshot ? persistence.compact(snapshot.bytes, snapshot.seq) : undefined))
      .catch(() => undefined)
      .finally(() => {
        this.compaction = null;
      });
  }

  private async pull(shared: SharedWriters): Promise<void> {
    const pulled = await shared.pull(this.seq);
    if ('reload' in pulled) this.load(pulled.reload);
    else if (pulled.entries.length > 0) this.inTransaction(() => this.applyEntries(pulled.entries));
  }

  private async sharedWrite<R>(shared: SharedWriters, fn: (tx: WriteTransaction) => Promise<R>): Promise<R> {
    await this.ready();
    await this.pull(shared);
    const outcome = await this.runWrite(fn);
    await outcome.durable;
    if (outcome.seq > 0) shared.announce(outcome.seq, outcome.collections);
    return outcome.result;
  }

  private onAnnounce(shared: SharedWriters, seq: number, collections: string[]): void {
    if (seq <= this.seq) return;
    this.exclusive(async () => {
      if (this.status !== 'open') return false;
      await this.ready();
      await this.pull(shared);
      return true;
    }).then(
      (pulled) => {
        if (!pulled) return;
        for (const listener of this.listeners) queueMicrotask(() => listener(collections));
      },
      () => undefined,
    );
  }
}
