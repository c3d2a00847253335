import { expect } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import type { Doc, ReadTransaction, WriteTransaction } from '../../storage/contract.js';
import type { SuiteContext } from './fixtures.js';
import { ids, newDoc, seed, thrown } from './fixtures.js';

/**
 * Transactions: all-or-nothing, errors rethrown as `EngineError`, writes serialized, and the
 * life cycle (ended transactions, closed adapters).
 *
 * @example
 * ```ts
 * transactionTests(context);
 * ```
 */
export function transactionTests(t: SuiteContext): void {
  t.it('a throwing write callback keeps nothing and rethrows the same EngineError', async () => {
    await seed(t.adapter, 'clients', [newDoc('c0', { name: 'kept' })]);
    const failure = new EngineError('VALIDATION', 'stop here');
    const err = await thrown(() =>
      t.adapter.write(async (tx) => {
        await tx.insert('clients', newDoc('c1', { name: 'Léa' }));
        const c0 = (await tx.get('clients', 'c0')) as Doc;
        await tx.update('clients', { ...c0, name: 'changed' }, 1);
        await tx.purge('clients', 'c0');
        throw failure;
      }),
    );
    expect(err).toBe(failure);
    const after = await t.adapter.read(async (tx) => ({
      c0: await tx.get('clients', 'c0'),
      c1: await tx.get('clients', 'c1'),
    }));
    expect(after.c0).toMatchObject({ name: 'kept', rev: 1 });
    expect(after.c1).toBeUndefined();
  });

  t.it('a foreign error thrown by a callback comes back as an EngineError with it as cause', async () => {
    const failure = new TypeError('boom');
    const err = await thrown(() =>
      t.adapter.write(async (tx) => {
        await tx.insert('clients', newDoc('c1', {}));
        throw failure;
      }),
    );
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).cause).toBe(failure);
    expect(await t.adapter.read((tx) => tx.get('clients', 'c1'))).toBeUndefined();
    const readErr = await thrown(() => t.adapter.read(async () => Promise.reject(failure)));
    expect(readErr).toBeInstanceOf(EngineError);
  });

  t.it('a failed write leaves the next writes working', async () => {
    await thrown(() => t.adapter.write(async () => Promise.reject(new EngineError('CONFLICT', 'no'))));
    await seed(t.adapter, 'clients', [newDoc('c1', {})]);
    await seed(t.adapter, 'clients', [newDoc('c2', {})]);
    expect(await t.adapter.read((tx) => tx.count('clients'))).toBe(2);
  });

  t.it('concurrent writes are serialized: 20 read-modify-write increments end at 20', async () => {
    await seed(t.adapter, 'items', [newDoc('counter', { n: 0 })]);
    const bump = () =>
      t.adapter.write(async (tx) => {
        const doc = (await tx.get<{ n: number }>('items', 'counter')) as Doc<{ n: number }>;
        await new Promise((resolve) => setTimeout(resolve, 0));
        await tx.update('items', { ...doc, n: doc.n + 1 }, doc.rev);
      });
    await Promise.all(Array.from({ length: 20 }, bump));
    expect(await t.adapter.read((tx) => tx.get('items', 'counter'))).toMatchObject({ n: 20, rev: 21 });
  });

  t.it('reads issued during a write never see its uncommitted changes', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const writing = t.adapter.write(async (tx) => {
      await tx.insert('clients', newDoc('c1', {}));
      inserted();
      await gate;
      throw new EngineError('CONFLICT', 'abandon');
    });
    await insertedSignal;
    const reading = t.adapter.read((tx) => tx.get('clients', 'c1'));
    release();
    await thrown(() => writing);
    expect(await reading).toBeUndefined();
  });

  t.it('a write that changes nothing resolves with its result', async () => {
    expect(await t.adapter.write(async (tx) => (await tx.find('clients')).items.length)).toBe(0);
  });

  t.it('a transaction used after its callback ended is refused', async () => {
    let kept: WriteTransaction | undefined;
    await t.adapter.write(async (tx) => {
      kept = tx;
    });
    const err = await thrown(() => (kept as WriteTransaction).insert('clients', newDoc('late', {})));
    expect(err).toBeInstanceOf(EngineError);
    let keptRead: ReadTransaction | undefined;
    await t.adapter.read(async (tx) => {
      keptRead = tx;
    });
    expect(await thrown(() => (keptRead as ReadTransaction).get('clients', 'late'))).toBeInstanceOf(
      EngineError,
    );
  });

  t.it('many documents inserted in one transaction are all found', async () => {
    const docs = Array.from({ length: 500 }, (_, i) =>
      newDoc(`m${String(i).padStart(4, '0')}`, { n: i, s: `v${i % 7}` }),
    );
    await seed(t.adapter, 'items', docs);
    const seen = await t.adapter.read(async (tx) => ({
      total: await tx.count('items'),
      sevens: await tx.count('items', { s: 'v0' }),
      last: ids((await tx.find('items', { orderBy: [{ field: 'n', direction: 'desc' }], limit: 1 })).items),
    }));
    expect(seen).toEqual({ total: 500, sevens: 72, last: ['m0499'] });
  });

  t.it('after close every call is refused with STORAGE', async () => {
    await t.adapter.close();
    const read = await thrown(() => t.adapter.read((tx) => tx.count('clients')));
    const write = await thrown(() => seed(t.adapter, 'clients', [newDoc('c1', {})]));
    expect([(read as EngineError).code, (write as EngineError).code]).toEqual(['STORAGE', 'STORAGE']);
  });
}
