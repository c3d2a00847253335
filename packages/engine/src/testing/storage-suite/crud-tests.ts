import { expect } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import type { SuiteContext } from './fixtures.js';
import { ids, newDoc, seed, T0, thrown } from './fixtures.js';

/**
 * Documents in and out: insert, get, getMany, update with rev checks, purge, unique keys and
 * soft-delete visibility.
 *
 * @example
 * ```ts
 * crudTests(context);
 * ```
 */
export function crudTests(t: SuiteContext): void {
  t.it('insert returns the document with rev 1 and deletedAt null', async () => {
    const doc = await t.adapter.write((tx) => tx.insert('clients', newDoc('c1', { name: 'Léa Martin' })));
    expect(doc).toEqual({
      id: 'c1',
      rev: 1,
      createdAt: T0,
      updatedAt: T0,
      deletedAt: null,
      name: 'Léa Martin',
    });
  });

  t.it('get returns a stored document unchanged, nested objects and unicode included', async () => {
    const fields = {
      name: 'Zoë 🚗 "quoted"',
      address: { city: 'Lyon', zip: '69001' },
      tags: ['vip', 'fleet'],
      score: 4.5,
    };
    await seed(t.adapter, 'clients', [newDoc('c1', fields)]);
    const doc = await t.adapter.read((tx) => tx.get('clients', 'c1'));
    expect(doc).toEqual({ ...newDoc('c1', fields), rev: 1, deletedAt: null });
  });

  t.it('get returns undefined for an unknown id', async () => {
    expect(await t.adapter.read((tx) => tx.get('clients', 'nobody'))).toBeUndefined();
  });

  t.it('getMany returns documents in the order of the ids and leaves unknown ids out', async () => {
    await seed(t.adapter, 'clients', [newDoc('a', {}), newDoc('b', {}), newDoc('c', {})]);
    const docs = await t.adapter.read((tx) => tx.getMany('clients', ['c', 'x', 'a']));
    expect(ids(docs)).toEqual(['c', 'a']);
    expect(await t.adapter.read((tx) => tx.getMany('clients', []))).toEqual([]);
  });

  t.it('update stores the new document with rev + 1', async () => {
    const [doc] = await seed(t.adapter, 'clients', [newDoc('c1', { name: 'Léa' })]);
    const updated = await t.adapter.write((tx) =>
      tx.update('clients', { ...doc, name: 'Léa M.' } as typeof doc & object, 1),
    );
    expect(updated.rev).toBe(2);
    expect(await t.adapter.read((tx) => tx.get('clients', 'c1'))).toMatchObject({ rev: 2, name: 'Léa M.' });
  });

  t.it('update with a stale rev is refused with CONFLICT and changes nothing', async () => {
    const [doc] = await seed(t.adapter, 'clients', [newDoc('c1', { name: 'Léa' })]);
    await t.adapter.write((tx) =>
      tx.update('clients', { ...doc, name: 'first' } as NonNullable<typeof doc>, 1),
    );
    const err = await thrown(() =>
      t.adapter.write((tx) => tx.update('clients', { ...doc, name: 'second' } as NonNullable<typeof doc>, 1)),
    );
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('CONFLICT');
    expect(await t.adapter.read((tx) => tx.get('clients', 'c1'))).toMatchObject({ rev: 2, name: 'first' });
  });

  t.it('update of an unknown id is refused with NOT_FOUND', async () => {
    const ghost = { ...newDoc('ghost', {}), rev: 1, deletedAt: null };
    const err = await thrown(() => t.adapter.write((tx) => tx.update('clients', ghost, 1)));
    expect((err as EngineError).code).toBe('NOT_FOUND');
  });

  t.it('insert with an id already stored is refused with CONFLICT', async () => {
    await seed(t.adapter, 'clients', [newDoc('c1', { name: 'Léa' })]);
    const err = await thrown(() => seed(t.adapter, 'clients', [newDoc('c1', { name: 'Other' })]));
    expect((err as EngineError).code).toBe('CONFLICT');
    expect(await t.adapter.read((tx) => tx.get('clients', 'c1'))).toMatchObject({ name: 'Léa' });
  });

  t.it('purge removes a document for good and an unknown id gives NOT_FOUND', async () => {
    await seed(t.adapter, 'clients', [newDoc('c1', { email: 'a@x.fr' }), newDoc('c2', {})]);
    await t.adapter.write((tx) => tx.purge('clients', 'c1'));
    expect(await t.adapter.read((tx) => tx.get('clients', 'c1'))).toBeUndefined();
    expect(await t.adapter.read((tx) => tx.count('clients', undefined, 'all'))).toBe(1);
    const err = await thrown(() => t.adapter.write((tx) => tx.purge('clients', 'c1')));
    expect((err as EngineError).code).toBe('NOT_FOUND');
    await seed(t.adapter, 'clients', [newDoc('c3', { email: 'a@x.fr' })]);
  });

  t.it('a transaction reads its own writes', async () => {
    const seen = await t.adapter.write(async (tx) => {
      const doc = await tx.insert('clients', newDoc('c1', { kind: 'pro', score: 1 }));
      await tx.update('clients', { ...doc, score: 2 }, 1);
      return { doc: await tx.get('clients', 'c1'), count: await tx.count('clients', { score: 2 }) };
    });
    expect(seen.doc).toMatchObject({ rev: 2, score: 2 });
    expect(seen.count).toBe(1);
  });

  t.it('a unique-key clash on insert is refused with CONFLICT naming the key', async () => {
    await seed(t.adapter, 'clients', [newDoc('c1', { email: 'lea@shop.fr' })]);
    const err = await thrown(() => seed(t.adapter, 'clients', [newDoc('c2', { email: 'lea@shop.fr' })]));
    expect((err as EngineError).code).toBe('CONFLICT');
    expect((err as EngineError).message).toContain('email');
    expect(await t.adapter.read((tx) => tx.get('clients', 'c2'))).toBeUndefined();
  });

  t.it('a unique-key clash on update is refused with CONFLICT', async () => {
    const [, second] = await seed(t.adapter, 'clients', [
      newDoc('c1', { email: 'a@x.fr' }),
      newDoc('c2', { email: 'b@x.fr' }),
    ]);
    const err = await thrown(() =>
      t.adapter.write((tx) =>
        tx.update('clients', { ...(second as NonNullable<typeof second>), email: 'a@x.fr' }, 1),
      ),
    );
    expect((err as EngineError).code).toBe('CONFLICT');
    expect(await t.adapter.read((tx) => tx.get('clients', 'c2'))).toMatchObject({ email: 'b@x.fr', rev: 1 });
  });

  t.it('soft-deleting a document frees its unique key', async () => {
    const [doc] = await seed(t.adapter, 'clients', [newDoc('c1', { email: 'a@x.fr' })]);
    await t.adapter.write((tx) =>
      tx.update('clients', { ...(doc as NonNullable<typeof doc>), deletedAt: T0 }, 1),
    );
    await seed(t.adapter, 'clients', [newDoc('c2', { email: 'a@x.fr' })]);
    expect(await t.adapter.read((tx) => tx.count('clients', { email: 'a@x.fr' }, 'all'))).toBe(2);
  });

  t.it('a unique key declared includeDeleted stays held by a soft-deleted document', async () => {
    const [task] = await seed(t.adapter, 'tasks', [newDoc('t1', { number: 'T-2026-000001' })]);
    await t.adapter.write((tx) =>
      tx.update('tasks', { ...(task as NonNullable<typeof task>), deletedAt: T0 }, 1),
    );
    const err = await thrown(() => seed(t.adapter, 'tasks', [newDoc('t2', { number: 'T-2026-000001' })]));
    expect((err as EngineError).code).toBe('CONFLICT');
  });

  t.it('a CONFLICT caught inside a transaction leaves the rest of it to commit', async () => {
    await seed(t.adapter, 'clients', [newDoc('c1', { email: 'a@x.fr' })]);
    const code = await t.adapter.write(async (tx) => {
      const err = await thrown(() => tx.insert('clients', newDoc('c2', { email: 'a@x.fr' })));
      await tx.insert('clients', newDoc('c3', { email: 'c@x.fr' }));
      return (err as EngineError).code;
    });
    expect(code).toBe('CONFLICT');
    expect(ids(await t.adapter.read(async (tx) => (await tx.find('clients')).items))).toEqual(['c1', 'c3']);
  });

  t.it(
    'soft-deleted documents are hidden from find, count, aggregate and shown with deleted: deleted or all',
    async () => {
      const [, gone] = await seed(t.adapter, 'clients', [
        newDoc('c1', { kind: 'pro' }),
        newDoc('c2', { kind: 'pro' }),
      ]);
      await t.adapter.write((tx) =>
        tx.update('clients', { ...(gone as NonNullable<typeof gone>), deletedAt: T0 }, 1),
      );
      const seen = await t.adapter.read(async (tx) => ({
        live: ids((await tx.find('clients')).items),
        deleted: ids((await tx.find('clients', { deleted: 'deleted' })).items),
        all: ids((await tx.find('clients', { deleted: 'all' })).items),
        count: await tx.count('clients', { kind: 'pro' }),
        countAll: await tx.count('clients', { kind: 'pro' }, 'all'),
        agg: await tx.aggregate('clients', { measures: { n: { fn: 'count' } } }),
        got: await tx.get('clients', 'c2'),
      }));
      expect(seen).toMatchObject({ live: ['c1'], deleted: ['c2'], all: ['c1', 'c2'], count: 1, countAll: 2 });
      expect(seen.agg).toEqual([{ group: {}, values: { n: 1 } }]);
      expect(seen.got?.deletedAt).toBe(T0);
    },
  );
}
