import { describe, expect, it } from 'vitest';
import { indexedDbJournal } from '../persistence/indexeddb-journal.js';
import type { Persistence } from '../persistence/persistence.js';
import { entryFor, xorCodec } from './journal-fixtures.js';

const seqs = (entries: { seq: number }[]) => entries.map((e) => e.seq);
const freshName = () => `test-${crypto.randomUUID()}`;

/** Opens the raw IndexedDB database of the store `name` (for inspecting or damaging it). */
function rawDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(`rpma-store:${name}`);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function opened(name: string, options?: Parameters<typeof indexedDbJournal>[1]): Promise<Persistence> {
  const journal = indexedDbJournal(name, options);
  await journal.open();
  return journal;
}

describe('indexedDbJournal', () => {
  it('creates an empty store, then reopens with every appended entry', async () => {
    const name = freshName();
    const first = indexedDbJournal(name);
    expect(await first.open()).toEqual({ snapshot: null, snapshotSeq: 0, entries: [] });
    await Promise.all([1, 2, 3, 4, 5].map((seq) => first.append(entryFor(seq))));
    await first.close();

    const second = indexedDbJournal(name);
    expect((await second.open()).entries).toEqual([1, 2, 3, 4, 5].map(entryFor));
    await second.close();
  });

  it('compacts in one transaction: snapshot in, covered entries out', async () => {
    const name = freshName();
    const journal = await opened(name, { compactAfterEntries: 4 });
    for (const seq of [1, 2, 3, 4]) await journal.append(entryFor(seq));
    expect(journal.shouldCompact()).toBe(false);
    await journal.append(entryFor(5));
    expect(journal.shouldCompact()).toBe(true);
    await journal.compact(Uint8Array.of(1, 2, 3), 3);
    expect(journal.shouldCompact()).toBe(false);
    await journal.append(entryFor(6));
    await journal.close();

    const state = await indexedDbJournal(name).open();
    expect(state.snapshot).toEqual(Uint8Array.of(1, 2, 3));
    expect(state.snapshotSeq).toBe(3);
    expect(seqs(state.entries)).toEqual([4, 5, 6]);
  });

  it('refuses an entry another writer already committed, and one that leaves a gap', async () => {
    const name = freshName();
    const tabA = await opened(name);
    const tabB = await opened(name);
    await tabA.append(entryFor(1));
    await expect(tabB.append(entryFor(1))).rejects.toMatchObject({ code: 'STORAGE' });
    await expect(tabB.append(entryFor(2))).rejects.toThrow(/reopened/);
    expect(seqs((await tabB.open()).entries)).toEqual([1]);
    await expect(tabB.append(entryFor(3))).rejects.toThrow(/does not follow the stored journal/);
    await tabB.open();
    await tabB.append(entryFor(2));
    expect(seqs((await indexedDbJournal(name).open()).entries)).toEqual([1, 2]);
    await Promise.all([tabA.close(), tabB.close()]);
  });

  it('pulls what another writer committed, or the whole state once it compacted past us', async () => {
    const name = freshName();
    const tabA = await opened(name);
    const tabB = await opened(name);
    for (const seq of [1, 2, 3]) await tabB.append(entryFor(seq));
    expect(await tabA.shared!.pull(1)).toEqual({ entries: [entryFor(2), entryFor(3)] });
    await tabB.compact(Uint8Array.of(42), 2);
    expect(await tabA.shared!.pull(1)).toEqual({
      reload: { snapshot: Uint8Array.of(42), snapshotSeq: 2, entries: [entryFor(3)] },
    });
    expect(await tabA.shared!.pull(3)).toEqual({ entries: [] });
    await Promise.all([tabA.close(), tabB.close()]);
  });

  it('announces commits to the other writers', async () => {
    const name = freshName();
    const tabA = await opened(name);
    const tabB = await opened(name);
    const heard = new Promise<[number, string[]]>((resolve) => {
      tabA.shared!.onAnnounce((seq, collections) => resolve([seq, collections]));
    });
    tabB.shared!.announce(7, ['things', 'clients']);
    expect(await heard).toEqual([7, ['things', 'clients']]);
    await Promise.all([tabA.close(), tabB.close()]);
  });

  it('serializes writers with the Web Lock', async () => {
    const name = freshName();
    const tabA = await opened(name);
    const tabB = await opened(name);
    const order: string[] = [];
    let second: Promise<void> | undefined;
    await tabA.shared!.withLock(async () => {
      order.push('A in');
      second = tabB.shared!.withLock(async () => {
        order.push('B in');
      });
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('A out');
    });
    await second;
    expect(order).toEqual(['A in', 'A out', 'B in']);
    await Promise.all([tabA.close(), tabB.close()]);
  });

  it('without the Web Locks API (insecure context) still serializes the writers of a page', async () => {
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    try {
      const journal = await opened(freshName());
      const order: string[] = [];
      const run = (label: string) =>
        journal.shared!.withLock(async () => {
          order.push(`${label} in`);
          await new Promise((resolve) => setTimeout(resolve, 10));
          order.push(`${label} out`);
        });
      await Promise.all([run('A'), run('B')]);
      expect(order).toEqual(['A in', 'A out', 'B in', 'B out']);
      await journal.close();
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
    expect(navigator.locks).toBeDefined();
  });

  it('stores only codec output; another key is a clear STORAGE error', async () => {
    const name = freshName();
    const journal = await opened(name, { codec: xorCodec(7) });
    await journal.append(entryFor(1));
    await journal.close();
    const db = await rawDatabase(name);
    const stored = await new Promise<{ data: Uint8Array }>((resolve) => {
      const request = db.transaction('journal').objectStore('journal').get(1);
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    expect(new TextDecoder().decode(stored.data)).not.toContain('doc-1');

    expect((await indexedDbJournal(name, { codec: xorCodec(7) }).open()).entries).toEqual([entryFor(1)]);
    await expect(indexedDbJournal(name, { codec: xorCodec(9) }).open()).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/wrong encryption key/),
    });
  });

  it('a damaged record is a clear STORAGE error, not an empty store', async () => {
    const name = freshName();
    const journal = await opened(name);
    await journal.append(entryFor(1));
    await journal.close();
    const db = await rawDatabase(name);
    await new Promise((resolve) => {
      const tx = db.transaction('journal', 'readwrite');
      tx.objectStore('journal').put({ seq: 2, data: 'garbage' });
      tx.oncomplete = resolve;
    });
    db.close();
    await expect(indexedDbJournal(name).open()).rejects.toThrow(/damaged/);
  });
});
