import { existsSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileJournal } from '../node.js';
import { entryFor } from './journal-fixtures.js';
import { faultyFileSystem, openFilesUnder, readStore, tempStoreDir } from './node-fixtures.js';

let dir: Awaited<ReturnType<typeof tempStoreDir>>;
beforeEach(async () => {
  dir = await tempStoreDir();
});
afterEach(async () => {
  await dir.remove();
});

const seqs = (entries: { seq: number }[]) => entries.map((e) => e.seq);

/** A store holding entries 1..count, opened on a file system with injectable faults. */
async function storeWith(count: number, options: { compactAfterEntries?: number } = {}) {
  const faults = faultyFileSystem();
  const journal = fileJournal(dir.path, { ...options, fs: faults.fs });
  await journal.open();
  for (let seq = 1; seq <= count; seq++) await journal.append(entryFor(seq));
  return { journal, arm: faults.arm };
}

describe('I/O failures on journal append', () => {
  for (const fault of [
    { op: 'write', code: 'ENOSPC', partialBytes: 20 },
    { op: 'write', code: 'EIO' },
    { op: 'sync', code: 'EIO' },
    { op: 'sync', code: 'ENOSPC' },
  ] as const) {
    it(`${fault.code} on ${fault.op}: rejects with STORAGE, later entries too, reopen gives the last good state`, async () => {
      const { journal, arm } = await storeWith(2);
      const goodBytes = await readFile(join(dir.path, 'journal'));
      arm({ ...fault, file: 'journal' });

      const failed = journal.append(entryFor(3));
      const queued = journal.append(entryFor(4));
      await expect(failed).rejects.toMatchObject({ code: 'STORAGE', details: { code: fault.code } });
      await expect(queued).rejects.toMatchObject({ code: 'STORAGE' });
      await expect(journal.append(entryFor(5))).rejects.toThrow(/reopened/);
      expect(await readFile(join(dir.path, 'journal'))).toEqual(goodBytes);

      expect(seqs((await journal.open()).entries)).toEqual([1, 2]);
      await journal.append(entryFor(3));
      await journal.close();
      expect(seqs((await readStore(dir.path)).entries)).toEqual([1, 2, 3]);
    });
  }
});

describe('I/O failures on snapshot write', () => {
  for (const fault of [
    { op: 'write', code: 'ENOSPC', partialBytes: 10 },
    { op: 'sync', code: 'EIO' },
    { op: 'rename', code: 'EIO' },
  ] as const) {
    it(`${fault.code} on ${fault.op} of the snapshot: rejects with STORAGE, the store keeps its last good state`, async () => {
      const { journal, arm } = await storeWith(3);
      await journal.compact(Uint8Array.of(1), 2);
      arm({ ...fault, file: 'snapshot.tmp' });

      await expect(journal.compact(Uint8Array.of(2), 3)).rejects.toMatchObject({ code: 'STORAGE' });
      await journal.append(entryFor(4));
      await journal.close();

      const state = await readStore(dir.path);
      expect(state.snapshot).toEqual(Uint8Array.of(1));
      expect(state.snapshotSeq).toBe(2);
      expect(seqs(state.entries)).toEqual([3, 4]);
    });
  }

  it('a failure starting the fresh journal (after the snapshot is in place) is finished by the next open', async () => {
    const { journal, arm } = await storeWith(4);
    arm({ op: 'rename', file: 'journal.tmp', code: 'EIO' });

    await expect(journal.compact(Uint8Array.of(7), 3)).rejects.toMatchObject({ code: 'STORAGE' });
    await expect(journal.append(entryFor(5))).rejects.toMatchObject({ code: 'STORAGE' });
    const reread = await journal.open();
    expect(reread).toMatchObject({ snapshotSeq: 3, entries: [entryFor(4)] });
    expect((await readFile(join(dir.path, 'journal'))).readBigUInt64LE(8)).toBe(3n);
    await journal.append(entryFor(5));
    await journal.close();

    const state = await readStore(dir.path);
    expect(state.snapshot).toEqual(Uint8Array.of(7));
    expect(seqs(state.entries)).toEqual([4, 5]);
  });
});

describe('a failed open', () => {
  it.skipIf(!existsSync('/proc/self/fd'))(
    'closes the journal file it opened and gives the lock back',
    async () => {
      const { journal } = await storeWith(2);
      await journal.close();
      await appendFile(join(dir.path, 'journal'), Uint8Array.of(1, 2, 3));
      const faults = faultyFileSystem();
      faults.arm({ op: 'sync', file: 'journal', code: 'EIO' });

      await expect(fileJournal(dir.path, { fs: faults.fs }).open()).rejects.toMatchObject({
        code: 'STORAGE',
      });
      expect(openFilesUnder(dir.path)).toEqual([]);
      expect(existsSync(join(dir.path, 'lock'))).toBe(false);
      expect(seqs((await readStore(dir.path)).entries)).toEqual([1, 2]);
    },
  );
});
