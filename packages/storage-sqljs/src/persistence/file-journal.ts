import { join } from 'node:path';
import { EngineError, toEngineError } from '@rpma/engine';
import { decodeBytes, decodeChanges, encodeBytes, encodeChanges } from './entry-codec.js';
import {
  encodeFrame,
  encodeSnapshot,
  JOURNAL_HEADER_BYTES,
  type JournalFrame,
  journalHeader,
  type ParsedJournal,
  parseJournal,
  parseSnapshot,
} from './file-format.js';
import { acquireLock, type LockHolder, releaseLock } from './file-lock.js';
import {
  codeOf,
  type JournalFile,
  type JournalFileSystem,
  nodeFileSystem,
  writeDurably,
} from './file-system.js';
import { GroupCommit } from './group-commit.js';
import type { JournalEntry, PersistedState, Persistence, PersistenceCodec } from './persistence.js';

/** Options of {@link fileJournal}. */
export interface FileJournalOptions {
  /** Compact once the journal holds more than this many bytes of entries. Default 16 MiB. */
  compactAfterBytes?: number;
  /** Compact once the journal holds more than this many entries. Default 10,000. */
  compactAfterEntries?: number;
  /** Applied to the snapshot and to every entry (encryption at rest). */
  codec?: PersistenceCodec;
  /** The file operations to use; {@link nodeFileSystem} by default. Tests inject faults here. */
  fs?: JournalFileSystem;
}

/**
 * A durable file store for Node: the directory `path` holds `snapshot` (the SQLite file as of
 * some seq), `journal` (the entries after it, each fsync'd before `append` resolves, concurrent
 * appends grouped into one write + fsync) and `lock` (pid, host, time of the exclusive holder).
 * Formats and the crash-safety argument: docs/architecture.md, "Durability".
 *
 * @example
 * ```ts
 * import { sqljsStorage } from '@rpma/storage-sqljs';
 * import { fileJournal } from '@rpma/storage-sqljs/node';
 *
 * const storage = sqljsStorage({ persistence: fileJournal('./shop.rpma', { compactAfterBytes: 8 << 20 }) });
 * ```
 */
export function fileJournal(path: string, options: FileJournalOptions = {}): Persistence {
  return new FileJournal(path, options);
}

class FileJournal implements Persistence {
  readonly kind = 'file';
  private readonly fs: JournalFileSystem;
  private readonly journalPath: string;
  private readonly snapshotPath: string;
  private readonly lockPath: string;
  private readonly group = new GroupCommit<JournalEntry>((entries) => this.serial(() => this.flush(entries)));
  private lock: LockHolder | null = null;
  private file: JournalFile | null = null;
  private closed = false;
  /** Set when an append or compaction failed; appends are refused until `open` re-reads. */
  private broken: EngineError | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private length = 0;
  private entryCount = 0;
  private snapshotSeq = 0;
  private durableSeq = 0;
  private nextSeq = 1;

  constructor(
    private readonly dir: string,
    private readonly options: FileJournalOptions,
  ) {
    this.fs = options.fs ?? nodeFileSystem;
    this.journalPath = join(dir, 'journal');
    this.snapshotPath = join(dir, 'snapshot');
    this.lockPath = join(dir, 'lock');
  }

  async open(): Promise<PersistedState> {
    this.assertNotClosed();
    await this.group.idle();
    return this.serial(async () => {
      const reopening = this.lock !== null;
      try {
        await this.fs.mkdir(this.dir);
        this.lock ??= await acquireLock(this.fs, this.lockPath);
        return await this.load();
      } catch (err) {
        if (!reopening) await this.letGo();
        throw toEngineError(err, 'STORAGE', `could not open the store ${this.dir}`);
      }
    });
  }

  append(entry: JournalEntry): Promise<void> {
    if (this.closed || this.file === null) {
      return Promise.reject(new EngineError('STORAGE', `the store ${this.dir} is not open`));
    }
    if (this.broken) {
      return Promise.reject(
        new EngineError('STORAGE', `the store ${this.dir} must be reopened after a failed write`, {
          cause: this.broken,
        }),
      );
    }
    if (entry.seq !== this.nextSeq) {
      return Promise.reject(
        new EngineError('STORAGE', `entry ${entry.seq} appended where entry ${this.nextSeq} was expected`, {
          details: { expected: this.nextSeq, found: entry.seq },
        }),
      );
    }
    this.nextSeq++;
    return this.group.add(entry);
  }

  shouldCompact(): boolean {
    const bytes = this.length - JOURNAL_HEADER_BYTES;
    return (
      bytes > (this.options.compactAfterBytes ?? 16 * 1024 * 1024) ||
      this.entryCount > (this.options.compactAfterEntries ?? 10_000)
    );
  }

  async compact(snapshot: Uint8Array, seq: number): Promise<void> {
    this.assertNotClosed();
    await this.serial(async () => {
      if (this.broken)
        throw new EngineError('STORAGE', `the store ${this.dir} must be reopened before compacting`);
      if (seq > this.durableSeq || seq < this.snapshotSeq) {
        throw new EngineError(
          'STORAGE',
          `cannot compact at entry ${seq}: the journal covers ${this.snapshotSeq}–${this.durableSeq}`,
        );
      }
      const payload = await encodeBytes(snapshot, this.options.codec, 'the snapshot');
      try {
        await writeDurably(this.fs, this.dir, 'snapshot', encodeSnapshot(seq, payload));
      } catch (err) {
        throw toEngineError(err, 'STORAGE', `could not write the snapshot of ${this.dir}`);
      }
      this.snapshotSeq = seq;
      try {
        const current = await this.fs.readFile(this.journalPath);
        if (current === null) throw new EngineError('STORAGE', `${this.journalPath} disappeared`);
        await this.restartJournal(seq, parseJournal(current, this.journalPath).frames);
      } catch (err) {
        this.broken = toEngineError(err, 'STORAGE', `could not start a fresh journal in ${this.dir}`);
        throw this.broken;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.group.idle();
    await this.serial(async () => {
      try {
        await this.file?.close();
      } finally {
        this.file = null;
        if (this.lock) await releaseLock(this.fs, this.lockPath, this.lock);
        this.lock = null;
      }
    });
  }

  /** After a failed first open: closes the journal if it was opened and gives the lock back, best effort. */
  private async letGo(): Promise<void> {
    await this.file?.close().catch(() => undefined);
    this.file = null;
    if (this.lock) await releaseLock(this.fs, this.lockPath, this.lock).catch(() => undefined);
    this.lock = null;
  }

  /** Reads snapshot + journal, repairs a torn tail or an interrupted compaction, opens the journal. */
  private async load(): Promise<PersistedState> {
    await this.file?.close();
    this.file = null;
    await this.fs.unlink(`${this.snapshotPath}.tmp`);
    await this.fs.unlink(`${this.journalPath}.tmp`);
    const snapshotBytes = await this.fs.readFile(this.snapshotPath);
    const snapshot = snapshotBytes === null ? null : parseSnapshot(snapshotBytes, this.snapshotPath);
    const journalBytes = await this.fs.readFile(this.journalPath);
    const snapshotSeq = snapshot?.seq ?? 0;
    let journal: ParsedJournal;
    if (journalBytes === null) {
      if (snapshot) throw new EngineError('STORAGE', `${this.journalPath} is missing beside its snapshot`);
      await writeDurably(this.fs, this.dir, 'journal', journalHeader(0));
      journal = { baseSeq: 0, frames: [], goodLength: JOURNAL_HEADER_BYTES };
    } else {
      journal = parseJournal(journalBytes, this.journalPath);
    }
    if (journal.baseSeq > snapshotSeq) {
      throw new EngineError(
        'STORAGE',
        `${this.journalPath} starts after entry ${journal.baseSeq} but the snapshot covers only ${snapshotSeq}`,
      );
    }
    const later = journal.frames.filter((f) => f.seq > snapshotSeq);
    const entries: JournalEntry[] = [];
    for (const frame of later) {
      entries.push({
        seq: frame.seq,
        changes: await decodeChanges(frame.payload, frame.seq, this.options.codec, this.journalPath),
      });
    }
    const plain = snapshot
      ? await decodeBytes(snapshot.payload, this.options.codec, this.snapshotPath)
      : null;
    this.snapshotSeq = snapshotSeq;
    if (journal.baseSeq < snapshotSeq) {
      await this.restartJournal(snapshotSeq, later);
    } else {
      this.file = await this.fs.openFile(this.journalPath, 'readwrite');
      if (journalBytes !== null && journal.goodLength < journalBytes.length) {
        await this.file.truncate(journal.goodLength);
        await this.file.sync();
      }
      this.length = journal.goodLength;
      this.entryCount = later.length;
      this.durableSeq = snapshotSeq + later.length;
    }
    this.nextSeq = this.durableSeq + 1;
    this.broken = null;
    return { snapshot: plain, snapshotSeq, entries };
  }

  /** Atomically replaces the journal with one following `baseSeq` holding `frames` (those after it). */
  private async restartJournal(baseSeq: number, frames: JournalFrame[]): Promise<void> {
    const kept = frames.filter((f) => f.seq > baseSeq).map((f) => encodeFrame(f.seq, f.payload));
    const bytes = Buffer.concat([journalHeader(baseSeq), ...kept]);
    await this.file?.close();
    this.file = null;
    await writeDurably(this.fs, this.dir, 'journal', bytes);
    this.file = await this.fs.openFile(this.journalPath, 'readwrite');
    this.length = bytes.length;
    this.entryCount = kept.length;
    this.durableSeq = baseSeq + kept.length;
  }

  /** One group of appends: one write, one fsync; on failure the journal is cut back to its last good length. */
  private async flush(entries: JournalEntry[]): Promise<void> {
    const file = this.file;
    if (this.broken || file === null) {
      throw new EngineError('STORAGE', `the store ${this.dir} must be reopened after a failed write`);
    }
    let written = false;
    try {
      const frames: Buffer[] = [];
      for (const entry of entries) {
        frames.push(encodeFrame(entry.seq, await encodeChanges(entry.changes, this.options.codec)));
      }
      const bytes = Buffer.concat(frames);
      written = true;
      await file.write(bytes, this.length);
      await file.sync();
      this.length += bytes.length;
    } catch (err) {
      this.broken = new EngineError('STORAGE', `could not append to ${this.journalPath}: ${messageOf(err)}`, {
        details: { code: codeOf(err) },
        cause: err,
      });
      if (written) await this.cutBack(file);
      throw this.broken;
    }
    this.entryCount += entries.length;
    this.durableSeq += entries.length;
  }

  /** Truncates the journal back to its last good length, so the failed group never becomes durable. */
  private async cutBack(file: JournalFile): Promise<void> {
    try {
      await file.truncate(this.length);
      await file.sync();
    } catch {
      // the store stays broken; reopening re-reads the journal and drops any torn tail
    }
  }

  /** Runs file operations one at a time: appends, compaction, reopen and close never interleave. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private assertNotClosed(): void {
    if (this.closed) throw new EngineError('STORAGE', `the store ${this.dir} is closed`);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
