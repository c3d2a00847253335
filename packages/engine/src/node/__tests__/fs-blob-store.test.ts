import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEngineError } from '../../kernel/engine-error.js';
import { fsBlobStore } from '../fs-blob-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rpma-blobs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fsBlobStore', () => {
  it('writes real files, reads them back and deletes them', async () => {
    const blobs = fsBlobStore(dir);
    const bytes = new Uint8Array([1, 2, 3, 250]);
    await blobs.put('019b7640-a800-7c1e-9e4f-3b7c2a1d0e55', bytes);
    expect(await readFile(join(dir, '55', '019b7640-a800-7c1e-9e4f-3b7c2a1d0e55'))).toEqual(
      Buffer.from(bytes),
    );
    expect(await blobs.get('019b7640-a800-7c1e-9e4f-3b7c2a1d0e55')).toEqual(bytes);
    await blobs.delete('019b7640-a800-7c1e-9e4f-3b7c2a1d0e55');
    expect(await blobs.get('019b7640-a800-7c1e-9e4f-3b7c2a1d0e55')).toBeUndefined();
    await blobs.delete('019b7640-a800-7c1e-9e4f-3b7c2a1d0e55');
  });

  it('replaces a blob whole and leaves no temporary file behind', async () => {
    const blobs = fsBlobStore(dir);
    await blobs.put('photo-1', new Uint8Array(1000).fill(1));
    await blobs.put('photo-1', new Uint8Array(10).fill(2));
    expect(await blobs.get('photo-1')).toEqual(new Uint8Array(10).fill(2));
    expect(await readdir(join(dir, '-1'))).toEqual(['photo-1']);
  });

  it('refuses keys that could leave its directory', async () => {
    const blobs = fsBlobStore(dir);
    await writeFile(join(dir, 'secret'), 'x');
    for (const key of ['../secret', 'a/b', '', '.hidden', 'x'.repeat(129), 'photo.jpg']) {
      await expect(blobs.put(key, new Uint8Array([1]))).rejects.toSatisfy((e) =>
        isEngineError(e, 'VALIDATION'),
      );
      await expect(blobs.get(key)).rejects.toSatisfy((e) => isEngineError(e, 'VALIDATION'));
    }
  });

  it('reports an unwritable directory as STORAGE', async () => {
    await writeFile(join(dir, 'file'), 'not a directory');
    const blobs = fsBlobStore(join(dir, 'file'));
    await expect(blobs.put('photo-1', new Uint8Array([1]))).rejects.toSatisfy((e) =>
      isEngineError(e, 'STORAGE'),
    );
  });
});
