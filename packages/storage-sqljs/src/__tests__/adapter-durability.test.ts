import type { CollectionSchema, Doc, StoreSchema } from '@rpma/engine';
import { EngineError } from '@rpma/engine';
import { describe, expect, it } from 'vitest';
import type { JournalEntry, PersistedState, Persistence } from '../index.js';
import { memoryPersistence, sqljsStorage } from '../index.js';

const clients: CollectionSchema = { name: 'clients', fields: { name: 'string' }, fullText: ['name'] };
const schema: StoreSchema = { collections: [clients] };
const at = '2026-11-26T00:00:00.000Z';
const client = (id: string, name: string) => ({ id, createdAt: at, updatedAt: at, name });

/**
 * memoryPersistence with its appends under the test's control, run in call order: each append
 * waits for `release(seq)` when held, and fails once when `fail(seq)` was called. Like the real backends, once
 * an append failed every later one fails until `open()` is called again.
 */
function controlledPersistence() {
  const inner = memoryPersistence();
  const held = new Map<number, () => void>();
  const gates = new Map<number, Promise<void>>();
  const failing = new Set<number>();
  const appended: number[] = [];
  let broken = false;
  let queue: Promise<unknown> = Promise.resolve();
  const persistence: Persistence = {
    kind: 'controlled',
    async open() {
      broken = false;
      return inner.open();
    },
    append(entry: JournalEntry) {
      const done = queue.then(async () => {
        await gates.get(entry.seq);
        if (broken || failing.delete(entry.seq)) {
          broken = true;
          throw new EngineError('STORAGE', `injected failure appending ${entry.seq}`);
        }
        appended.push(entry.seq);
        await inner.append(entry);
      });
      queue = done.catch(() => undefined);
      return done;
    },
    shouldCompact: () => false,
    compact: (bytes, seq) => inner.compact(bytes, seq),
    close: () => inner.close(),
  };
  return {
    persistence,
    appended,
    hold(seq: number) {
      gates.set(
        seq,
        new Promise<void>((resolve) => {
          held.set(seq, resolve);
        }),
      );
    },
    release(seq: number) {
      held.get(seq)?.();
    },
    fail(seq: number) {
      failing.add(seq);
    },
  };
}

async function names(storage: ReturnType<typeof sqljsStorage>): Promise<string[]> {
  return storage.read(async (tx) => (await tx.find<{ name: string }>('clients')).items.map((d) => d.name));
}

describe('sqljs adapter durability', () => {
  it('write resolves only once its journal entry is durable', async () => {
    const control = controlledPersistence();
    const storage = sqljsStorage({ persistence: control.persistence });
    await storage.open(schema);
    control.hold(1);
    let resolved = false;
    const writing = storage
      .write((tx) => tx.insert('clients', client('c1', 'Léa')))
      .then(() => {
        resolved = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(resolved).toBe(false);
    control.release(1);
    await writing;
    expect(control.appended).toEqual([1]);
  });

  it('the next write transaction runs while an append is in flight, and entries keep their order', async () => {
    const control = controlledPersistence();
    const storage = sqljsStorage({ persistence: control.persistence });
    await storage.open(schema);
    control.hold(1);
    const first = storage.write((tx) => tx.insert('clients', client('c1', 'Léa')));
    let secondRan = false;
    const second = storage.write(async (tx) => {
      secondRan = true;
      return tx.insert('clients', client('c2', 'Marc'));
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(secondRan).toBe(true);
    control.release(1);
    await Promise.all([first, second]);
    expect(control.appended).toEqual([1, 2]);
  });

  it('a failed append rejects its write and every write committed after it, then memory matches the durable state', async () => {
    const control = controlledPersistence();
    const storage = sqljsStorage({ persistence: control.persistence });
    await storage.open(schema);
    await storage.write((tx) => tx.insert('clients', client('c1', 'Léa')));
    control.hold(2);
    control.fail(2);
    const failed = storage.write((tx) => tx.insert('clients', client('c2', 'Marc')));
    let committedAfter!: () => void;
    const afterRan = new Promise<void>((resolve) => {
      committedAfter = resolve;
    });
    const after = storage.write(async (tx) => {
      await tx.insert('clients', client('c3', 'Zoé'));
      committedAfter();
    });
    await afterRan;
    control.release(2);
    const outcomes = await Promise.allSettled([failed, after]);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect(((outcome as PromiseRejectedResult).reason as EngineError).code).toBe('STORAGE');
    }
    expect(await names(storage)).toEqual(['Léa']);
    expect(await storage.read((tx) => tx.search('clients', { text: 'marc' }))).toEqual([]);
    await storage.write((tx) => tx.insert('clients', client('c4', 'Anne')));
    expect(control.appended).toEqual([1, 2]);
    expect(await names(storage)).toEqual(['Léa', 'Anne']);
  });

  it('journal entries hold their own copies: mutating a returned document changes nothing stored', async () => {
    const persistence = memoryPersistence();
    const storage = sqljsStorage({ persistence });
    await storage.open(schema);
    const doc = await storage.write((tx) => tx.insert('clients', { ...client('c1', 'Léa'), tags: ['a'] }));
    (doc as Doc<{ tags: string[] }>).tags.push('mutated');
    await storage.close();
    const again = sqljsStorage({ persistence });
    await again.open(schema);
    expect(await again.read((tx) => tx.get('clients', 'c1'))).toMatchObject({ tags: ['a'] });
  });

  it('a snapshot records the seq it covers, so entries it already holds are not replayed', async () => {
    const persistence = memoryPersistence({ compactAfter: 2 });
    const storage = sqljsStorage({ persistence });
    await storage.open(schema);
    const v1 = await storage.write((tx) => tx.insert('clients', client('c1', 'v1')));
    await storage.write((tx) => tx.update('clients', { ...v1, name: 'v2' }, 1));
    await storage.close();
    const { snapshot } = persistence.state;
    expect(snapshot).not.toBeNull();
    const staleEntry: JournalEntry = {
      seq: 1,
      changes: [{ op: 'put', collection: 'clients', doc: v1 as unknown as Doc }],
    };
    const crashedMidCompaction: PersistedState = { snapshot, snapshotSeq: 0, entries: [staleEntry] };
    const reopened = sqljsStorage({ persistence: fixedState(crashedMidCompaction) });
    await reopened.open(schema);
    expect(await reopened.read((tx) => tx.get('clients', 'c1'))).toMatchObject({ name: 'v2', rev: 2 });
    expect(reopened.lastSeq).toBe(2);
  });

  it('garbage instead of a snapshot is refused with STORAGE, never opened as an empty store', async () => {
    const garbage = new TextEncoder().encode('this is not an SQLite database, not at all, no'.repeat(20));
    const storage = sqljsStorage({
      persistence: fixedState({ snapshot: garbage, snapshotSeq: 0, entries: [] }),
    });
    const err = await storage.open(schema).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('STORAGE');
  });

  it('an open that fails releases the persistence it opened, so the store can be opened again', async () => {
    let closes = 0;
    const garbage = new TextEncoder().encode('not a database'.repeat(40));
    const broken = {
      ...fixedState({ snapshot: garbage, snapshotSeq: 0, entries: [] }),
      close: async () => void closes++,
    };
    const err = await sqljsStorage({ persistence: broken })
      .open(schema)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((err as EngineError).code).toBe('STORAGE');
    expect(closes).toBe(1);
  });

  it('a foreign error from the persistence at open comes back as STORAGE', async () => {
    const failing = {
      ...fixedState(EMPTY),
      open: async () => Promise.reject(new RangeError('disk on fire')),
    };
    const err = await sqljsStorage({ persistence: failing })
      .open(schema)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('STORAGE');
    expect((err as EngineError).cause).toBeInstanceOf(RangeError);
  });

  it('a gap in the journal is refused with STORAGE', async () => {
    const doc = { ...client('c1', 'Léa'), rev: 1, deletedAt: null };
    const entries: JournalEntry[] = [{ seq: 2, changes: [{ op: 'put', collection: 'clients', doc }] }];
    const storage = sqljsStorage({ persistence: fixedState({ snapshot: null, snapshotSeq: 0, entries }) });
    const err = await storage.open(schema).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as EngineError).code).toBe('STORAGE');
    expect((err as EngineError).message).toContain('gap');
  });

  it('entries for a collection the schema no longer declares are kept and come back when it is declared again', async () => {
    const persistence = memoryPersistence();
    const first = sqljsStorage({ persistence });
    const legacy: CollectionSchema = { name: 'legacy', fields: { code: 'string' } };
    await first.open({ collections: [clients, legacy] });
    await first.write((tx) => tx.insert('legacy', { id: 'l1', createdAt: at, updatedAt: at, code: 'X' }));
    await first.close();
    const second = sqljsStorage({ persistence });
    await second.open(schema);
    await second.write((tx) => tx.insert('clients', client('c1', 'Léa')));
    await second.close();
    const third = sqljsStorage({ persistence });
    await third.open({ collections: [clients, legacy] });
    expect(
      await third.read(async (tx) => (await tx.find('legacy', { where: { code: 'X' } })).items.length),
    ).toBe(1);
  });

  it('open before any transaction is required, and a second open migrates in place', async () => {
    const storage = sqljsStorage();
    const err = await storage
      .read((tx) => tx.count('clients'))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((err as EngineError).code).toBe('STORAGE');
    await storage.open(schema);
    await storage.write((tx) => tx.insert('clients', { ...client('c1', 'Léa'), city: 'Lyon' }));
    await storage.open({ collections: [{ ...clients, fields: { ...clients.fields, city: 'string' } }] });
    expect(await storage.read((tx) => tx.count('clients', { city: 'Lyon' }))).toBe(1);
  });
});

const EMPTY: PersistedState = { snapshot: null, snapshotSeq: 0, entries: [] };

/** A persistence that always opens on the same state and keeps nothing. */
function fixedState(state: PersistedState): Persistence {
  return {
    kind: 'fixed',
    open: async () => state,
    append: async () => undefined,
    shouldCompact: () => false,
    compact: async () => undefined,
    close: async () => undefined,
  };
}
