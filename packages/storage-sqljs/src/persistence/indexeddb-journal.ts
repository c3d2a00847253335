import { EngineError } from '@rpma/engine';
import { decodeBytes, decodeChanges, encodeBytes, encodeChanges } from './entry-codec.js';
import { GroupCommit } from './group-commit.js';
import { openJournalDatabase, requestResult, transactionDone } from './idb-requests.js';
import { TabWriters } from './indexeddb-shared.js';
import type { JournalEntry, PersistedState, Persistence, PersistenceCodec } from './persistence.js';

/** Options of {@link indexedDbJournal}. */
export interface IndexedDbJournalOptions {
  /** Compact once the entries after the snapshot hold more than this many bytes. Default 8 MiB. */
  compactAfterBytes?: number;
  /** Compact once more than this many entries follow the snapshot. Default 2,000. */
  compactAfterEntries?: number;
  /** Applied to the snapshot and to every entry (encryption at rest). */
  codec?: PersistenceCodec;
}

interface StoredRecord {
  seq: number;
  data: Uint8Array;
}

/**
 * A durable browser store in IndexedDB (database `rpma-store:<name>`): a `snapshot` object
 * store (one record: the SQLite file and the seq it covers) and a `journal` object store (one
 * record per committed entry). Every write is a `durability: 'strict'` transaction; concurrent
 * appends share one transaction; compaction replaces the snapshot and deletes the entries it
 * covers in one transaction. Tabs on the same store share it through {@link SharedWriters}
 * (`shared`): Web Locks serialize writers, BroadcastChannel announces commits.
 *
 * @example
 * ```ts
 * import { indexedDbJournal, sqljsStorage } from '@rpma/storage-sqljs';
 *
 * const storage = sqljsStorage({ persistence: indexedDbJournal('shop') });
 * ```
 */
export function indexedDbJournal(name: string, options: IndexedDbJournalOptions = {}): Persistence {
  return new IndexedDbJournal(name, options);
}

class IndexedDbJournal implements Persistence {
  readonly kind = 'indexeddb';
  readonly shared: TabWriters;
  private readonly dbName: string;
  private readonly group = new GroupCommit<JournalEntry>((entries) => this.flush(entries));
  private db: IDBDatabase | null = null;
  private closed = false;
  private broken: EngineError | null = null;
  /** Encoded size of each entry known to follow the snapshot, by seq (for `shouldCompact`). */
  private readonly sizes = new Map<number, number>();

  constructor(
    name: string,
    private readonly options: IndexedDbJournalOptions,
  ) {
    this.dbName = `rpma-store:${name}`;
    this.shared = new TabWriters(this.dbName, (afterSeq) => this.readAfter(afterSeq));
  }

  async open(): Promise<PersistedState> {
    if (this.closed) throw new EngineError('STORAGE', `the store ${this.dbName} is closed`);
    await this.group.idle();
    if (!this.db) {
      try {
        this.db = await openJournalDatabase(this.dbName);
      } catch (err) {
        throw new EngineError('STORAGE', `could not open IndexedDB ${this.dbName}: ${messageOf(err)}`, {
          cause: err,
        });
      }
      this.db.onversionchange = () => this.db?.close();
    }
    const read = await this.readAfter(0);
    const state = 'reload' in read ? read.reload : { snapshot: null, snapshotSeq: 0, entries: read.entries };
    this.broken = null;
    return state;
  }

  append(entry: JournalEntry): Promise<void> {
    if (this.closed || !this.db) {
      return Promise.reject(new EngineError('STORAGE', `the store ${this.dbName} is not open`));
    }
    if (this.broken) {
      return Promise.reject(
        new EngineError('STORAGE', `the store ${this.dbName} must be reopened after a failed write`, {
          cause: this.broken,
        }),
      );
    }
    return this.group.add(entry);
  }

  shouldCompact(): boolean {
    let bytes = 0;
    for (const size of this.sizes.values()) bytes += size;
    return (
      this.sizes.size > (this.options.compactAfterEntries ?? 2000) ||
      bytes > (this.options.compactAfterBytes ?? 8 * 1024 * 1024)
    );
  }

  async compact(snapshot: Uint8Array, seq: number): Promise<void> {
    const db = this.requireDb();
    const data = await encodeBytes(snapshot, this.options.codec, 'the snapshot');
    try {
      const tx = db.transaction(['snapshot', 'journal'], 'readwrite', { durability: 'strict' });
      const snapshots = tx.objectStore('snapshot');
      const current = snapshots.get('current');
      current.onsuccess = () => {
        if (((current.result as StoredRecord | undefined)?.seq ?? 0) >= seq) return;
        const record: StoredRecord = { seq, data };
        snapshots.put(record, 'current');
        tx.objectStore('journal').delete(IDBKeyRange.upperBound(seq));
      };
      await transactionDone(tx);
    } catch (err) {
      throw new EngineError('STORAGE', `could not write the snapshot of ${this.dbName}: ${messageOf(err)}`, {
        details: { name: errorName(err) },
        cause: err,
      });
    }
    for (const known of [...this.sizes.keys()]) if (known <= seq) this.sizes.delete(known);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.group.idle();
    this.shared.close();
    this.db?.close();
    this.db = null;
  }

  /** One group of appends in one strict transaction, refused whole if it does not follow the stored journal. */
  private async flush(entries: JournalEntry[]): Promise<void> {
    const db = this.requireDb();
    const records: StoredRecord[] = [];
    for (const entry of entries) {
      records.push({ seq: entry.seq, data: await encodeChanges(entry.changes, this.options.codec) });
    }
    const first = records[0]?.seq ?? 0;
    let outOfOrder = false;
    try {
      const tx = db.transaction(['snapshot', 'journal'], 'readwrite', { durability: 'strict' });
      const journal = tx.objectStore('journal');
      const previous = journal.count(first - 1);
      const snapshot = tx.objectStore('snapshot').get('current');
      snapshot.onsuccess = () => {
        const snapshotSeq = (snapshot.result as StoredRecord | undefined)?.seq ?? 0;
        if (previous.result === 0 && snapshotSeq !== first - 1) {
          outOfOrder = true;
          tx.abort();
        }
      };
      for (const record of records) journal.add(record);
      await transactionDone(tx);
    } catch (err) {
      const reason =
        outOfOrder || errorName(err) === 'ConstraintError'
          ? `entry ${first} does not follow the stored journal (another writer committed meanwhile)`
          : messageOf(err);
      this.broken = new EngineError('STORAGE', `could not append to ${this.dbName}: ${reason}`, {
        details: { name: errorName(err) },
        cause: err,
      });
      throw this.broken;
    }
    for (const record of records) this.sizes.set(record.seq, record.data.length);
  }

  /** The entries after `afterSeq`, or the whole state when a snapshot covers more than that. */
  private async readAfter(
    afterSeq: number,
  ): Promise<{ entries: JournalEntry[] } | { reload: PersistedState }> {
    const db = this.requireDb();
    let snapshot: StoredRecord | undefined;
    let stored: StoredRecord[];
    try {
      const tx = db.transaction(['snapshot', 'journal'], 'readonly');
      const [snapshotValue, journalValues] = await Promise.all([
        requestResult(tx.objectStore('snapshot').get('current')),
        requestResult(tx.objectStore('journal').getAll(IDBKeyRange.lowerBound(afterSeq, true))),
        transactionDone(tx),
      ]);
      snapshot =
        snapshotValue === undefined
          ? undefined
          : checkRecord(snapshotValue, `the snapshot of ${this.dbName}`);
      stored = journalValues.map((r) => checkRecord(r, `a journal entry of ${this.dbName}`));
    } catch (err) {
      if (err instanceof EngineError) throw err;
      throw new EngineError('STORAGE', `could not read ${this.dbName}: ${messageOf(err)}`, { cause: err });
    }
    const snapshotSeq = snapshot?.seq ?? 0;
    const base = Math.max(afterSeq, snapshotSeq);
    const entries: JournalEntry[] = [];
    for (const record of stored) {
      if (record.seq <= base) continue;
      if (record.seq !== base + entries.length + 1) {
        throw new EngineError(
          'STORAGE',
          `${this.dbName} has a gap: entry ${base + entries.length + 1} is missing`,
        );
      }
      entries.push({
        seq: record.seq,
        changes: await decodeChanges(record.data, record.seq, this.options.codec, this.dbName),
      });
      this.sizes.set(record.seq, record.data.length);
    }
    if (snapshotSeq <= afterSeq) return { entries };
    for (const known of [...this.sizes.keys()]) if (known <= snapshotSeq) this.sizes.delete(known);
    const plain = snapshot
      ? await decodeBytes(snapshot.data, this.options.codec, `the snapshot of ${this.dbName}`)
      : null;
    return { reload: { snapshot: plain, snapshotSeq, entries } };
  }

  private requireDb(): IDBDatabase {
    if (this.closed || !this.db) throw new EngineError('STORAGE', `the store ${this.dbName} is not open`);
    return this.db;
  }
}

function checkRecord(value: unknown, what: string): StoredRecord {
  const record = value as Partial<StoredRecord> | null;
  if (record && typeof record.seq === 'number' && record.data instanceof Uint8Array)
    return record as StoredRecord;
  throw new EngineError('STORAGE', `${what} is damaged (not a journal record)`);
}

function errorName(err: unknown): string | undefined {
  return err instanceof DOMException || err instanceof Error ? err.name : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error || err instanceof DOMException ? err.message : String(err);
}
