import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileJournal } from '../node.js';
import { entryFor, xorCodec } from './journal-fixtures.js';
import { readStore, tempStoreDir } from './node-fixtures.js';

let dir: Awaited<ReturnType<typeof tempStoreDir>>;
beforeEach(async () => {
  dir = await tempStoreDir();
});
afterEach(async () => {
  await dir.remove();
});

const seqs = (entries: { seq: number }[]) => entries.map((e) => e.seq);
const journalPath = () => join(dir.path, 'journal');

async function storeWith(count: number, options: Parameters<typeof fileJournal>[1] = {}): Promise<void> {
  const journal = fileJournal(dir.path, options);
  await journal.open();
  for (let seq = 1; seq <= count; seq++) await journal.append(entryFor(seq));
  await journal.close();
}

describe('a torn journal tail recovers to the last complete commit', () => {
  for (const cut of [1, 10, 17, 40]) {
    it(`tail cut by ${cut} bytes`, async () => {
      await storeWith(3);
      const size = (await stat(journalPath())).size;
      await truncate(journalPath(), size - cut);

      const journal = fileJournal(dir.path);
      expect(seqs((await journal.open()).entries)).toEqual([1, 2]);
      expect((await stat(journalPath())).size).toBeLessThan(size - cut + 1);
      await journal.append(entryFor(3));
      await journal.close();
      expect(seqs((await readStore(dir.path)).entries)).toEqual([1, 2, 3]);
    });
  }

  it('a zero-filled tail (a write that never reached the disk) is dropped', async () => {
    await storeWith(2);
    await writeFile(journalPath(), Buffer.alloc(300), { flag: 'a' });
    expect(seqs((await readStore(dir.path)).entries)).toEqual([1, 2]);
  });
});

describe('damaged or foreign files give a clear STORAGE error, never an empty store', () => {
  it('a garbage journal', async () => {
    await storeWith(2);
    await writeFile(journalPath(), randomBytes(4096));
    await expect(fileJournal(dir.path).open()).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/not an RPMA journal/),
    });
  });

  it('an empty journal file', async () => {
    await storeWith(1);
    await writeFile(journalPath(), '');
    await expect(fileJournal(dir.path).open()).rejects.toMatchObject({ code: 'STORAGE' });
  });

  it('a garbage snapshot', async () => {
    await mkdir(dir.path, { recursive: true });
    await writeFile(join(dir.path, 'snapshot'), randomBytes(10_000));
    await expect(fileJournal(dir.path).open()).rejects.toThrow(/not an RPMA snapshot/);
  });

  it('a snapshot with a flipped byte', async () => {
    const journal = fileJournal(dir.path);
    await journal.open();
    await journal.append(entryFor(1));
    await journal.compact(new Uint8Array(1000).fill(3), 1);
    await journal.close();
    const bytes = await readFile(join(dir.path, 'snapshot'));
    bytes[500] = (bytes[500] ?? 0) ^ 0x10;
    await writeFile(join(dir.path, 'snapshot'), bytes);
    await expect(fileJournal(dir.path).open()).rejects.toThrow(/damaged \(length or checksum mismatch\)/);
  });

  it('a flipped byte inside an early entry (not a torn tail)', async () => {
    await storeWith(4);
    const bytes = await readFile(journalPath());
    bytes[40] = (bytes[40] ?? 0) ^ 0x01;
    await writeFile(journalPath(), bytes);
    await expect(fileJournal(dir.path).open()).rejects.toThrow(/damaged at byte 16/);
  });

  it('a snapshot whose journal is missing', async () => {
    const journal = fileJournal(dir.path);
    await journal.open();
    await journal.append(entryFor(1));
    await journal.compact(Uint8Array.of(1), 1);
    await journal.close();
    await rm(journalPath());
    await expect(fileJournal(dir.path).open()).rejects.toThrow(/journal is missing/);
  });

  it('a path that is a regular file', async () => {
    await mkdir(join(dir.path, '..'), { recursive: true });
    await writeFile(dir.path, 'not a directory');
    await expect(fileJournal(dir.path).open()).rejects.toMatchObject({ code: 'STORAGE' });
  });

  it('the wrong codec key, on entries and on the snapshot', async () => {
    await storeWith(2, { codec: xorCodec(7) });
    await expect(fileJournal(dir.path, { codec: xorCodec(8) }).open()).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/entry 1 .*wrong encryption key/),
    });

    const journal = fileJournal(dir.path, { codec: xorCodec(7) });
    await journal.open();
    await journal.compact(Uint8Array.of(1, 2), 2);
    await journal.close();
    await expect(fileJournal(dir.path, { codec: xorCodec(8) }).open()).rejects.toThrow(
      /snapshot \(wrong encryption key/,
    );
  });

  it('an encoded store opened without its codec', async () => {
    await storeWith(1, { codec: xorCodec(7) });
    await expect(fileJournal(dir.path).open()).rejects.toThrow(/entry 1 .* is not a valid journal entry/);
  });
});
