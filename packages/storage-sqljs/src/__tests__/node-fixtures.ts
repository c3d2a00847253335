import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JournalFileSystem, nodeFileSystem } from '../node.js';

/**
 * Node fixtures of the durability tests: temp store directories and a real file system with
 * injectable faults.
 *
 * @example
 * ```ts
 * const dir = await tempStoreDir();
 * try { … } finally { await dir.remove(); }
 * ```
 */
export async function tempStoreDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'rpma-journal-'));
  return { path: join(root, 'shop.rpma'), remove: () => rm(root, { recursive: true, force: true }) };
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
