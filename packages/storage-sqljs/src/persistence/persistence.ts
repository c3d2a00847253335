import type { Doc } from '@rpma/engine';

/**
 * How the sql.js adapter keeps its data: the contract between `SqljsStorageAdapter` (which
 * owns the in-memory SQLite database) and a persistence backend (memory, Node file journal,
 * browser IndexedDB journal). The adapter never writes files or IndexedDB itself.
 *
 * Durability model (shared/DESIGN.md §3): every committed write transaction becomes one
 * {@link JournalEntry}, appended durably before the `write` call resolves; the full SQLite
 * file is exported only at compaction. Opening = snapshot + replay of the entries after it.
 *
 * @example
 * ```ts
 * const adapter = sqljsStorage({ persistence: fileJournal('./shop.rpma') });
 * ```
 */

/** One change to one document inside a committed transaction. `put` carries the whole document. */
export type DocChange =
  | { op: 'put'; collection: string; doc: Doc }
  | { op: 'purge'; collection: string; id: string };

/** One committed write transaction. `seq` starts at 1 and grows by one per commit, with no gaps. */
export interface JournalEntry {
  seq: number;
  changes: DocChange[];
}

/**
 * What a backend holds: the last snapshot (a SQLite database file, or null for a new store),
 * the seq it covers (0 for none), and the entries after it, in seq order with no gaps.
 * Entries with `seq <= snapshotSeq` are never returned.
 */
export interface PersistedState {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  entries: JournalEntry[];
}

/**
 * Turns bytes into stored bytes and back, for encryption at rest. Applied to the snapshot and
 * to every journal entry. `decode` must reject (never return garbage) when the key is wrong or
 * the bytes were altered.
 */
export interface PersistenceCodec {
  encode(plain: Uint8Array): Promise<Uint8Array>;
  decode(stored: Uint8Array): Promise<Uint8Array>;
}

/**
 * Several writers on one store (browser tabs). Writes are serialized through `withLock`; inside
 * it, `pull` brings what other writers committed, so no writer ever forks the data.
 */
export interface SharedWriters {
  /** Runs `fn` while holding the store's cross-writer lock (Web Locks in browsers). */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * What other writers committed after `afterSeq`: the entries, or — when they compacted past
   * it — the whole state to reload.
   */
  pull(afterSeq: number): Promise<{ entries: JournalEntry[] } | { reload: PersistedState }>;
  /** Tells other writers that `seq` was committed. */
  announce(seq: number, collections: string[]): void;
  /** Called when another writer announces a commit. Returns the unsubscribe function. */
  onAnnounce(listener: (seq: number, collections: string[]) => void): () => void;
}

/**
 * A persistence backend. Created by a factory (`memoryPersistence()`, `fileJournal(path)`,
 * `indexedDbJournal(name)`); the adapter calls `open` once before anything else.
 */
export interface Persistence {
  /** `'memory'`, `'file'` or `'indexeddb'`, for messages. */
  readonly kind: string;
  /**
   * Takes the store (Node: an exclusive lock; a second opener gets `EngineError('LOCKED')`
   * naming the holder) and returns its durable state. Calling it again on the same open
   * instance re-reads the durable state (used after a failed append) and keeps the lock.
   * Bad stored data gives `EngineError('STORAGE')` or the state up to the last complete
   * entry — never a silent empty store.
   */
  open(): Promise<PersistedState>;
  /**
   * Appends one entry; resolves once it is durable (Node: written and fsync'd). Calls made
   * while an earlier append is in flight may be grouped into one write + fsync. A failure
   * rejects with `EngineError('STORAGE')` and leaves the durable state as it was before that
   * entry (and every entry appended after it is rejected too).
   */
  append(entry: JournalEntry): Promise<void>;
  /** True when the journal has grown past the backend's compaction threshold. */
  shouldCompact(): boolean;
  /**
   * Atomically replaces the snapshot with `snapshot` (covering every entry up to `seq`) and
   * drops those entries. A crash at any point leaves either the old or the new snapshot,
   * each with the entries that follow it.
   */
  compact(snapshot: Uint8Array, seq: number): Promise<void>;
  /** Present when several writers may share the store (browser tabs). */
  readonly shared?: SharedWriters;
  /** Releases the lock. */
  close(): Promise<void>;
}
