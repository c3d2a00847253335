import { EngineError } from '@rpma/engine';
import type { JournalEntry, PersistedState, Persistence } from './persistence.js';

/**
 * Options of {@link memoryPersistence}.
 *
 * @example
 * ```ts
 * memoryPersistence({ compactAfter: 100 });
 * ```
 */
export interface MemoryPersistenceOptions {
  /** Ask for a compaction once this many entries follow the snapshot. Default: never. */
  compactAfter?: number;
}

/**
 * A persistence kept in this process's memory: entries and snapshots survive `close()` and a
 * new adapter opened on the same object (which is what tests of reopening need), not the
 * process. Entries are stored as handed over: the adapter gives each one its own document
 * objects.
 *
 * @example
 * ```ts
 * const persistence = memoryPersistence();
 * const first = sqljsStorage({ persistence });
 * await first.open(schema);
 * await first.close();
 * const again = sqljsStorage({ persistence }); // sees what `first` committed
 * ```
 */
export function memoryPersistence(options: MemoryPersistenceOptions = {}): Persistence & {
  /** What is stored now (for tests). */
  readonly state: PersistedState;
} {
  let snapshot: Uint8Array | null = null;
  let snapshotSeq = 0;
  let entries: JournalEntry[] = [];
  let open = false;
  return {
    kind: 'memory',
    get state(): PersistedState {
      return { snapshot, snapshotSeq, entries: [...entries] };
    },
    async open() {
      open = true;
      return { snapshot, snapshotSeq, entries: [...entries] };
    },
    async append(entry) {
      if (!open) throw new EngineError('STORAGE', 'memory persistence is not open');
      const last = entries.at(-1)?.seq ?? snapshotSeq;
      if (entry.seq !== last + 1) {
        throw new EngineError('STORAGE', `journal entry ${entry.seq} does not follow ${last}`, {
          details: { seq: entry.seq, last },
        });
      }
      entries.push(entry);
    },
    shouldCompact() {
      return options.compactAfter !== undefined && entries.length >= options.compactAfter;
    },
    async compact(bytes, seq) {
      snapshot = bytes.slice();
      snapshotSeq = seq;
      entries = entries.filter((entry) => entry.seq > seq);
    },
    async close() {
      open = false;
    },
  };
}
