import type { CollectionSchema, Doc, NewDoc, StorageAdapter, StoreSchema } from '../../storage/contract.js';

/**
 * What the conformance suite's tests share: the adapter under test (opened with
 * {@link SUITE_SCHEMA}), a way to reopen it on the same store, and `it`, which honours `skip`.
 *
 * @example
 * ```ts
 * t.it('finds by status', async () => { const page = await t.adapter.read((tx) => tx.find('tasks')); });
 * ```
 */
export interface SuiteContext {
  /** The adapter of the running test, already opened with {@link SUITE_SCHEMA}. */
  readonly adapter: StorageAdapter;
  /** Closes the adapter, opens a new one on the same store with `schema`, and makes it `adapter`. */
  reopen(schema: StoreSchema): Promise<StorageAdapter>;
  /** Skips the running test when the adapter under test cannot reopen its store. */
  skipUnlessReopenable(): void;
  /** Declares one test (skipped when the suite's `skip` names it). */
  it(name: string, fn: () => Promise<void>): void;
}

/** A fixed instant, so the suite never reads the wall clock. */
export const T0 = '2026-03-05T10:00:00.000Z';

/** The clients collection of the suite: dotted field, unique email, full text over name/notes/tags. */
export const clients: CollectionSchema = {
  name: 'clients',
  fields: {
    name: 'string',
    email: 'string',
    kind: 'string',
    score: 'number',
    vip: 'boolean',
    'address.city': 'string',
    lastVisit: 'date',
  },
  indexes: [['kind', 'score']],
  unique: [{ fields: ['email'] }],
  fullText: ['name', 'notes', 'tags'],
};

/** The tasks collection of the suite: a unique number kept by soft-deleted tasks. */
export const tasks: CollectionSchema = {
  name: 'tasks',
  fields: { number: 'string', status: 'string', priority: 'number', scheduledAt: 'date', total: 'number' },
  indexes: [['status', 'scheduledAt']],
  unique: [{ fields: ['number'], includeDeleted: true }],
};

/** A collection with random documents for property tests and counters for serialization tests. */
export const items: CollectionSchema = {
  name: 'items',
  fields: { s: 'string', n: 'number', b: 'boolean', d: 'date' },
};

/** The schema the suite opens every adapter with. */
export const SUITE_SCHEMA: StoreSchema = { collections: [clients, tasks, items] };

/**
 * A new document with fixed timestamps.
 *
 * @example
 * ```ts
 * await tx.insert('clients', newDoc('c1', { name: 'Léa Martin' }));
 * ```
 */
export function newDoc<T extends Record<string, unknown>>(id: string, fields: T): NewDoc<T> {
  return { id, createdAt: T0, updatedAt: T0, ...fields };
}

/**
 * Inserts documents into one collection in one write transaction.
 *
 * @example
 * ```ts
 * await seed(adapter, 'clients', [newDoc('c1', { name: 'Léa' })]);
 * ```
 */
export async function seed(adapter: StorageAdapter, collection: string, docs: NewDoc[]): Promise<Doc[]> {
  return adapter.write(async (tx) => {
    const out: Doc[] = [];
    for (const doc of docs) out.push(await tx.insert(collection, doc));
    return out;
  });
}

/**
 * The ids of a list of documents, for compact assertions.
 *
 * @example
 * ```ts
 * expect(ids(page.items)).toEqual(['c1', 'c2']);
 * ```
 */
export function ids(docs: readonly { id: string }[]): string[] {
  return docs.map((doc) => doc.id);
}

/**
 * Runs `fn` and returns what it threw (or fails the test when it did not throw).
 *
 * @example
 * ```ts
 * const err = await thrown(() => adapter.read((tx) => tx.find('clients', { where: { fax: '1' } })));
 * ```
 */
export async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection, the call resolved');
}
