import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** An open file of a file store. */
export interface JournalFile {
  /** Writes all of `data` at `position`. */
  write(data: Uint8Array, position: number): Promise<void>;
  /** fsync: resolves once everything written is on stable storage. */
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The few file operations a file journal uses, so tests can inject faults (ENOSPC, EIO) and
 * hosts can route I/O elsewhere. Failures reject with Node-style errors (`code`).
 *
 * @example
 * ```ts
 * const full: JournalFileSystem = {
 *   ...nodeFileSystem,
 *   openFile: async (path, mode) => {
 *     const file = await nodeFileSystem.openFile(path, mode);
 *     return { ...file, write: async () => { throw Object.assign(new Error('no space'), { code: 'ENOSPC' }); } };
 *   },
 * };
 * fileJournal(dir, { fs: full });
 * ```
 */
export interface JournalFileSystem {
  /** Creates the directory (and its parents) when missing. */
  mkdir(path: string): Promise<void>;
  /** The whole file, or null when it does not exist. */
  readFile(path: string): Promise<Uint8Array | null>;
  /**
   * `'readwrite'`: an existing file; `'truncate'`: created or emptied;
   * `'exclusive'`: created, failing with `EEXIST` when it exists.
   */
  openFile(path: string, mode: 'readwrite' | 'truncate' | 'exclusive'): Promise<JournalFile>;
  /** Atomically replaces `to` with `from`. */
  rename(from: string, to: string): Promise<void>;
  /** Removes the file; a missing file is not an error. */
  unlink(path: string): Promise<void>;
  /** fsync of a directory, making renames and creations in it durable. */
  syncDir(path: string): Promise<void>;
}

const FLAGS = { readwrite: 'r+', truncate: 'w', exclusive: 'wx' } as const;

/**
 * The real file system (`node:fs/promises`).
 *
 * @example
 * ```ts
 * const bytes = await nodeFileSystem.readFile('/data/shop.rpma/journal');
 * ```
 */
export const nodeFileSystem: JournalFileSystem = {
  async mkdir(path) {
    await mkdir(path, { recursive: true });
  },
  async readFile(path) {
    try {
      return await readFile(path);
    } catch (err) {
      if (codeOf(err) === 'ENOENT') return null;
      throw err;
    }
  },
  async openFile(path, mode) {
    const handle = await open(path, FLAGS[mode]);
    return {
      async write(data, position) {
        let done = 0;
        while (done < data.length) {
          const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
          done += bytesWritten;
        }
      },
      sync: () => handle.sync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  async unlink(path) {
    try {
      await unlink(path);
    } catch (err) {
      if (codeOf(err) !== 'ENOENT') throw err;
    }
  },
  async syncDir(path) {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/**
 * Writes `data` to `dir/name` atomically and durably: a temp file, fsync, rename over the old
 * file, fsync of the directory. A crash leaves either the old file or the new one.
 *
 * @example
 * ```ts
 * await writeDurably(nodeFileSystem, '/data/shop.rpma', 'snapshot', bytes);
 * ```
 */
export async function writeDurably(
  fs: JournalFileSystem,
  dir: string,
  name: string,
  data: Uint8Array,
): Promise<void> {
  const target = join(dir, name);
  const temp = `${target}.tmp`;
  try {
    const file = await fs.openFile(temp, 'truncate');
    try {
      await file.write(data, 0);
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await fs.syncDir(dir);
}

/** The `code` of a Node-style error (`'ENOENT'`, `'ENOSPC'`, …), if any. */
export function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}
