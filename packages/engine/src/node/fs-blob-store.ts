import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { toEngineError } from '../kernel/engine-error.js';
import { type BlobStore, checkBlobKey } from '../photos/blob-store.js';

/**
 * A {@link BlobStore} of real files under `dir` (Node only). A key maps to
 * `dir/<last two characters>/<key>`; a put writes a temporary file in the same directory,
 * fsyncs it, renames it over the final name and fsyncs the directory, so a crash leaves the
 * old bytes or the new ones, never a torn file.
 *
 * @example
 * ```ts
 * import { fsBlobStore } from '@rpma/engine/node';
 * const blobs = fsBlobStore('./shop-photos');
 * ```
 */
export function fsBlobStore(dir: string): BlobStore {
  const pathOf = (key: string) => {
    checkBlobKey(key);
    return { folder: join(dir, key.slice(-2)), file: join(dir, key.slice(-2), key) };
  };
  return {
    async put(key, bytes) {
      const { folder, file } = pathOf(key);
      const temp = join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await mkdir(folder, { recursive: true });
        const handle = await open(temp, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
        await syncDirectory(folder);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw toEngineError(error, 'STORAGE', `could not write blob ${key}`);
      }
    },
    async get(key) {
      const { file } = pathOf(key);
      try {
        return new Uint8Array(await readFile(file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw toEngineError(error, 'STORAGE', `could not read blob ${key}`);
      }
    },
    async delete(key) {
      const { file } = pathOf(key);
      try {
        await unlink(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw toEngineError(error, 'STORAGE', `could not delete blob ${key}`);
        }
      }
    },
  };
}

async function syncDirectory(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
