import type { CollectionSchema, Doc } from '@rpma/engine';
import { EngineError } from '@rpma/engine';
import { describe, expect, it } from 'vitest';
import type { JournalEntry, Persistence, SharedWriters } from '../index.js';
import { sqljsStorage } from '../index.js';

const counters: CollectionSchema = { name: 'counters', fields: { n: 'number' } };
const schema = { collections: [counters] };
const at = '2026-11-26T00:00:00.000Z';

/**
 * Several writers on one durable journal in this process, as browser tabs share one IndexedDB
 * store: one lock, `pull` from the shared entries, announcements to the other writers. It
 * exercises the adapter's side of {@link SharedWriters}; the browser backend has its own tests.
 */
function sharedStore() {
  const entries: JournalEntry[] = [];
  const listeners = new Map<number, (seq: number, collections: string[]) => void>();
  let lock: Promise<unknown> = Promise.resolve();
  let nextWriter = 0;
  const writer = (): Persistence => {
    const me = nextWriter++;
    const shared: SharedWriters = {
      withLock<T>(fn: () => Promise<T>): Promise<T> {
        const run = lock.then(fn);
        lock = run.catch(() => undefined);
        return run;
      },
      async pull(afterSeq) {
        return { entries: entries.filter((entry) => entry.seq > afterSeq) };
      },
      announce(seq, collections) {
        for (const [id, listener] of listeners) if (id !== me) listener(seq, collections);
      },
      onAnnounce(listener) {
        listeners.set(me, listener);
        return () => listeners.delete(me);
      },
    };
    return {
      kind: 'shared-test',
      shared,
      async open() {
        return { snapshot: null, snapshotSeq: 0, entries: [...entries] };
      },
      async append(entry) {
        const last = entries.at(-1)?.seq ?? 0;
        if (entry.seq !== last + 1)
          throw new EngineError('STORAGE', `writer forked: ${entry.seq} after ${last}`);
        entries.push(entry);
      },
      shouldCompact: () => false,
      compact: async () => undefined,
      close: async () => undefined,
    };
  };
  return { writer, entries };
}

describe('sqljs adapter with shared writers (two tabs on one store)', () => {
  it('a commit in one tab reaches the other, which reports the changed collections', async () => {
    const store = sharedStore();
    const tabA = sqljsStorage({ persistence: store.writer() });
    const tabB = sqljsStorage({ persistence: store.writer() });
    await tabA.open(schema);
    await tabB.open(schema);
    const changed = new Promise<string[]>((resolve) => tabB.onExternalChange(resolve));
    await tabA.write((tx) => tx.insert('counters', { id: 'c', createdAt: at, updatedAt: at, n: 1 }));
    expect(await changed).toEqual(['counters']);
    expect(await tabB.read((tx) => tx.get('counters', 'c'))).toMatchObject({ n: 1 });
  });

  it('writes from both tabs never fork the journal: 20 interleaved increments end at 20', async () => {
    const store = sharedStore();
    const tabA = sqljsStorage({ persistence: store.writer() });
    const tabB = sqljsStorage({ persistence: store.writer() });
    await tabA.open(schema);
    await tabB.open(schema);
    await tabA.write((tx) => tx.insert('counters', { id: 'c', createdAt: at, updatedAt: at, n: 0 }));
    const bump = (tab: typeof tabA) =>
      tab.write(async (tx) => {
        const doc = (await tx.get<{ n: number }>('counters', 'c')) as Doc<{ n: number }>;
        await tx.update('counters', { ...doc, n: doc.n + 1 }, doc.rev);
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 === 0 ? tabA : tabB)));
    expect(store.entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(await tabB.read((tx) => tx.get('counters', 'c'))).toMatchObject({ n: 20, rev: 21 });
    expect(await tabA.read((tx) => tx.get('counters', 'c'))).toMatchObject({ n: 20, rev: 21 });
  });
});
