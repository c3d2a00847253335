import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersistedState } from '../index.js';
import { type FileJournalOptions, fileJournal, type JournalFileSystem, nodeFileSystem } from '../node.js';

/**
 * The files under `dir` this process holds open, read from `/proc/self/fd` (Linux); null where
 * the system has no such listing.
 *
 * @example
 * ```ts
 * expect(openFilesUnder(dir.path)).toEqual([]);
 * ```
 */
export function openFilesUnder(dir: string): string[] | null {
  if (!existsSync('/proc/self/fd')) return null;
  const open: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) open.push(target);
    } catch {
      // the descriptor closed while the listing was read
    }
  }
  return open;
}

/**
 * Node fixtures of the durability tests: temp store directories and a real file system with
 * injectable faults. `remove` refuses while a file of the directory is still open: a test that
 * leaves a journal open fails there, instead of Node closing the handle on garbage collection.
 *
 * @example
 * ```ts
 * const dir = await tempStoreDir();
 * try { … } finally { await dir.remove(); }
 * ```
 */
export async function tempStoreDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'rpma-journal-'));
  return {
    path: join(root, 'shop.rpma'),
    remove: async () => {
      const open = openFilesUnder(root) ?? [];
      await rm(root, { recursive: true, force: true });
      if (open.length > 0) throw new Error(`files left open: ${open.join(', ')}`);
    },
  };
}

/** A fault to inject: the next matching operation on a file whose name ends with `file` fails. */
export interface Fault {
  op: 'write' | 'sync' | 'rename';
  file: string;
  code: 'ENOSPC' | 'EIO';
  /** For `write`: write this many bytes for real before failing (a partial write). */
  partialBytes?: number;
}

/**
 * The real file system, with faults armed by `arm` (each fires once) and operations counted.
 */
export function faultyFileSystem(): {
  fs: JournalFileSystem;
  arm: (fault: Fault) => void;
  syncs: (file: string) => number;
} {
  const armed: Fault[] = [];
  const syncCounts = new Map<string, number>();
  const fire = (op: Fault['op'], path: string): Fault | undefined => {
    const i = armed.findIndex((f) => f.op === op && path.endsWith(f.file));
    return i < 0 ? undefined : armed.splice(i, 1)[0];
  };
  const failure = (fault: Fault, path: string) =>
    Object.assign(new Error(`${fault.code}: injected ${fault.op} failure on ${path}`), { code: fault.code });
  const fs: JournalFileSystem = {
    ...nodeFileSystem,
    async openFile(path, mode) {
      const file = await nodeFileSystem.openFile(path, mode);
      return {
        ...file,
        async write(data, position) {
          const fault = fire('write', path);
          if (!fault) return file.write(data, position);
          if (fault.partialBytes) await file.write(data.subarray(0, fault.partialBytes), position);
          throw failure(fault, path);
        },
        async sync() {
          syncCounts.set(path, (syncCounts.get(path) ?? 0) + 1);
          const fault = fire('sync', path);
          if (fault) throw failure(fault, path);
          return file.sync();
        },
      };
    },
    async rename(from, to) {
      const fault = fire('rename', from);
      if (fault) throw failure(fault, from);
      return nodeFileSystem.rename(from, to);
    },
  };
  return {
    fs,
    arm: (fault) => armed.push(fault),
    syncs: (file) => [...syncCounts].filter(([p]) => p.endsWith(file)).reduce((n, [, c]) => n + c, 0),
  };
}

/**
 * What a fresh opener of the store at `path` reads; the journal is closed again (its file and
 * its lock released) before this resolves.
 *
 * @example
 * ```ts
 * expect((await readStore(dir.path)).entries).toEqual([entryFor(1)]);
 * ```
 */
export async function readStore(path: string, options: FileJournalOptions = {}): Promise<PersistedState> {
  const journal = fileJournal(path, options);
  try {
    return await journal.open();
  } finally {
    await journal.close();
  }
}
