import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError } from '@rpma/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileJournal } from '../node.js';
import { entryFor, xorCodec } from './journal-fixtures.js';
import { faultyFileSystem, readStore, tempStoreDir } from './node-fixtures.js';

let dir: Awaited<ReturnType<typeof tempStoreDir>>;
beforeEach(async () => {
  dir = await tempStoreDir();
});
afterEach(async () => {
  await dir.remove();
});

const seqs = (entries: { seq: number }[]) => entries.map((e) => e.seq);

describe('fileJournal', () => {
  it('creates an empty store, then reopens with every appended entry', async () => {
    const first = fileJournal(dir.path);
    expect(await first.open()).toEqual({ snapshot: null, snapshotSeq: 0, entries: [] });
    for (const seq of [1, 2, 3]) await first.append(entryFor(seq));
    await first.close();

    const second = fileJournal(dir.path);
    const state = await second.open();
    expect(state.snapshot).toBeNull();
    expect(state.entries).toEqual([entryFor(1), entryFor(2), entryFor(3)]);
    await second.close();
  });

  it('groups concurrent appends into few fsyncs (group commit)', async () => {
    const { fs, syncs } = faultyFileSystem();
    const journal = fileJournal(dir.path, { fs });
    await journal.open();
    const before = syncs('journal');
    await Promise.all(Array.from({ length: 20 }, (_, i) => journal.append(entryFor(i + 1))));
    expect(syncs('journal') - before).toBe(2);
    await journal.close();
    const state = await readStore(dir.path);
    expect(seqs(state.entries)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses an entry out of sequence', async () => {
    const journal = fileJournal(dir.path);
    await journal.open();
    await expect(journal.append(entryFor(2))).rejects.toMatchObject({ code: 'STORAGE' });
    await journal.close();
  });

  it('compacts: the snapshot replaces the entries it covers, later ones stay', async () => {
    const journal = fileJournal(dir.path, { compactAfterEntries: 4 });
    await journal.open();
    for (const seq of [1, 2, 3, 4]) await journal.append(entryFor(seq));
    expect(journal.shouldCompact()).toBe(false);
    await journal.append(entryFor(5));
    expect(journal.shouldCompact()).toBe(true);
    await journal.compact(Uint8Array.of(1, 2, 3), 3);
    expect(journal.shouldCompact()).toBe(false);
    await journal.append(entryFor(6));
    await journal.close();

    const state = await readStore(dir.path);
    expect(state.snapshot).toEqual(Uint8Array.of(1, 2, 3));
    expect(state.snapshotSeq).toBe(3);
    expect(seqs(state.entries)).toEqual([4, 5, 6]);
  });

  it('asks for compaction past the byte threshold', async () => {
    const journal = fileJournal(dir.path, { compactAfterBytes: 1000 });
    await journal.open();
    let seq = 0;
    while (!journal.shouldCompact()) await journal.append(entryFor(++seq));
    expect(seq).toBeGreaterThan(3);
    await journal.compact(Uint8Array.of(9), seq);
    expect(journal.shouldCompact()).toBe(false);
    await journal.close();
    expect((await readFile(join(dir.path, 'journal'))).length).toBe(16);
  });

  it('re-reads the durable state when opened again, keeping the lock', async () => {
    const journal = fileJournal(dir.path);
    await journal.open();
    await journal.append(entryFor(1));
    expect(seqs((await journal.open()).entries)).toEqual([1]);
    await journal.append(entryFor(2));
    await expect(fileJournal(dir.path).open()).rejects.toMatchObject({ code: 'LOCKED' });
    await journal.close();
  });

  it('encodes snapshot and entries with the codec: no plaintext on disk, a round trip with the key', async () => {
    const journal = fileJournal(dir.path, { codec: xorCodec(7) });
    await journal.open();
    await journal.append(entryFor(1));
    await journal.compact(new TextEncoder().encode('SQLite format 3'), 1);
    await journal.append(entryFor(2));
    await journal.close();
    const raw = Buffer.concat([
      await readFile(join(dir.path, 'journal')),
      await readFile(join(dir.path, 'snapshot')),
    ]);
    expect(raw.includes('Léa')).toBe(false);
    expect(raw.includes('SQLite')).toBe(false);

    const state = await readStore(dir.path, { codec: xorCodec(7) });
    expect(new TextDecoder().decode(state.snapshot!)).toBe('SQLite format 3');
    expect(state.entries).toEqual([entryFor(2)]);
  });
});

describe('fileJournal lock', () => {
  it('refuses a second opener in the same process with LOCKED naming the holder', async () => {
    const holder = fileJournal(dir.path);
    await holder.open();
    const err = await fileJournal(dir.path)
      .open()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ code: 'LOCKED', details: { pid: process.pid } });
    expect((err as EngineError).message).toContain(`process ${process.pid}`);
    await holder.close();
    const next = fileJournal(dir.path);
    await next.open();
    await next.close();
  });

  it('takes over a lock left by a dead process', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(dead.stdout.toString());
    const first = fileJournal(dir.path);
    await first.open();
    await first.close();
    const lock = {
      pid: deadPid,
      host: (await import('node:os')).hostname(),
      since: '2026-11-26T00:00:00Z',
      token: 'x',
    };
    await writeFile(join(dir.path, 'lock'), JSON.stringify(lock));
    const journal = fileJournal(dir.path);
    await journal.open();
    expect(JSON.parse(await readFile(join(dir.path, 'lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await journal.close();
  });

  it('refuses a lock held from another host', async () => {
    const first = fileJournal(dir.path);
    await first.open();
    await first.close();
    const lock = { pid: 4242, host: 'workshop-laptop', since: '2026-11-26T00:00:00Z', token: 'x' };
    await writeFile(join(dir.path, 'lock'), JSON.stringify(lock));
    await expect(fileJournal(dir.path).open()).rejects.toThrow(/process 4242 on workshop-laptop/);
  });
});
