import { expect } from 'vitest';
import type { EngineError } from '../../kernel/engine-error.js';
import type { Doc, FindQuery } from '../../storage/contract.js';
import type { SuiteContext } from './fixtures.js';
import { ids, newDoc, seed, thrown } from './fixtures.js';

/**
 * Sorting (total order, ties by id, nulls first ascending), keyset pagination (stable under
 * concurrent inserts), limits and cursor misuse.
 *
 * @example
 * ```ts
 * orderTests(context);
 * ```
 */
export function orderTests(t: SuiteContext): void {
  const tasks = [
    newDoc('t5', { status: 'draft', priority: 2, scheduledAt: '2026-03-02T08:00:00.000Z' }),
    newDoc('t1', { status: 'scheduled', priority: 1, scheduledAt: '2026-03-01T08:00:00.000Z' }),
    newDoc('t4', { status: 'draft', priority: 2, scheduledAt: null }),
    newDoc('t2', { status: 'scheduled', priority: 3 }),
    newDoc('t3', { status: 'draft', priority: 1, scheduledAt: '2026-03-03T08:00:00.000Z' }),
  ];

  const all = async (query: FindQuery): Promise<Doc[]> => {
    const out: Doc[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 1000; guard++) {
      const page = await t.adapter.read((tx) => tx.find('tasks', { ...query, ...(after ? { after } : {}) }));
      out.push(...page.items);
      if (page.nextCursor === null) return out;
      after = page.nextCursor;
    }
    throw new Error('pagination did not end');
  };

  t.it('without orderBy documents come by id', async () => {
    await seed(t.adapter, 'tasks', tasks);
    expect(ids((await t.adapter.read((tx) => tx.find('tasks'))).items)).toEqual([
      't1',
      't2',
      't3',
      't4',
      't5',
    ]);
  });

  t.it('orderBy sorts ascending and descending with ties broken by id ascending', async () => {
    await seed(t.adapter, 'tasks', tasks);
    const seen = await t.adapter.read(async (tx) => ({
      asc: ids((await tx.find('tasks', { orderBy: [{ field: 'priority' }] })).items),
      desc: ids((await tx.find('tasks', { orderBy: [{ field: 'priority', direction: 'desc' }] })).items),
    }));
    expect(seen).toEqual({ asc: ['t1', 't3', 't4', 't5', 't2'], desc: ['t2', 't4', 't5', 't1', 't3'] });
  });

  t.it('orderBy on several keys sorts by each in turn', async () => {
    await seed(t.adapter, 'tasks', tasks);
    const page = await t.adapter.read((tx) =>
      tx.find('tasks', { orderBy: [{ field: 'status' }, { field: 'priority', direction: 'desc' }] }),
    );
    expect(ids(page.items)).toEqual(['t4', 't5', 't3', 't2', 't1']);
  });

  t.it('missing and null values sort first ascending and last descending', async () => {
    await seed(t.adapter, 'tasks', tasks);
    const seen = await t.adapter.read(async (tx) => ({
      asc: ids((await tx.find('tasks', { orderBy: [{ field: 'scheduledAt' }] })).items),
      desc: ids((await tx.find('tasks', { orderBy: [{ field: 'scheduledAt', direction: 'desc' }] })).items),
    }));
    expect(seen).toEqual({ asc: ['t2', 't4', 't1', 't5', 't3'], desc: ['t3', 't5', 't1', 't2', 't4'] });
  });

  t.it('cursor pagination walks every document once, in order, with null sort keys', async () => {
    await seed(t.adapter, 'tasks', tasks);
    for (const direction of ['asc', 'desc'] as const) {
      const query: FindQuery = { orderBy: [{ field: 'scheduledAt', direction }, { field: 'priority' }] };
      const whole = ids((await t.adapter.read((tx) => tx.find('tasks', query))).items);
      expect(ids(await all({ ...query, limit: 2 }))).toEqual(whole);
      expect(ids(await all({ ...query, limit: 1 }))).toEqual(whole);
    }
  });

  t.it('cursor pagination with inserts between pages skips and repeats nothing', async () => {
    const docs = Array.from({ length: 30 }, (_, i) =>
      newDoc(`t${String(i * 10).padStart(4, '0')}`, { priority: i % 4 }),
    );
    await seed(t.adapter, 'tasks', docs);
    const query: FindQuery = { orderBy: [{ field: 'priority' }], limit: 7 };
    const seen: string[] = [];
    let after: string | undefined;
    let inserted = 0;
    for (;;) {
      const page = await t.adapter.read((tx) => tx.find('tasks', { ...query, ...(after ? { after } : {}) }));
      seen.push(...ids(page.items));
      if (page.nextCursor === null) break;
      after = page.nextCursor;
      const extra = [newDoc(`t${String(inserted * 10 + 5).padStart(4, '0')}`, { priority: inserted % 4 })];
      inserted++;
      await seed(t.adapter, 'tasks', extra);
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const doc of docs) expect(seen).toContain(doc.id);
    const finalOrder = ids((await t.adapter.read((tx) => tx.find('tasks', { ...query, limit: 1000 }))).items);
    expect(seen).toEqual(finalOrder.filter((id) => seen.includes(id)));
  });

  t.it('the last page has a null nextCursor, also when it is exactly full', async () => {
    await seed(t.adapter, 'tasks', tasks.slice(0, 4));
    const first = await t.adapter.read((tx) => tx.find('tasks', { limit: 2 }));
    const second = await t.adapter.read((tx) =>
      tx.find('tasks', { limit: 2, after: first.nextCursor as string }),
    );
    expect(first.nextCursor).not.toBeNull();
    expect(ids(second.items)).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  t.it('a cursor from another order or a malformed cursor is refused', async () => {
    await seed(t.adapter, 'tasks', tasks);
    const page = await t.adapter.read((tx) =>
      tx.find('tasks', { orderBy: [{ field: 'priority' }], limit: 2 }),
    );
    const other = await thrown(() =>
      t.adapter.read((tx) =>
        tx.find('tasks', { orderBy: [{ field: 'status' }], after: page.nextCursor as string }),
      ),
    );
    const garbage = await thrown(() => t.adapter.read((tx) => tx.find('tasks', { after: 'not a cursor' })));
    expect((other as EngineError).code).toBe('UNSUPPORTED_QUERY');
    expect((garbage as EngineError).code).toBe('UNSUPPORTED_QUERY');
  });

  t.it('limit defaults to 100 and must be from 1 to 1000', async () => {
    const docs = Array.from({ length: 120 }, (_, i) => newDoc(`t${String(i).padStart(3, '0')}`, {}));
    await seed(t.adapter, 'tasks', docs);
    const page = await t.adapter.read((tx) => tx.find('tasks'));
    expect(page.items).toHaveLength(100);
    expect(page.nextCursor).not.toBeNull();
    for (const limit of [0, 1001, 2.5]) {
      const err = await thrown(() => t.adapter.read((tx) => tx.find('tasks', { limit })));
      expect((err as EngineError).code).toBe('UNSUPPORTED_QUERY');
    }
  });

  t.it('count counts the documents a filter matches', async () => {
    await seed(t.adapter, 'tasks', tasks);
    const counts = await t.adapter.read(async (tx) => [
      await tx.count('tasks'),
      await tx.count('tasks', { status: 'draft' }),
      await tx.count('tasks', { status: 'draft', priority: { gt: 1 } }),
      await tx.count('tasks', { status: 'none' }),
    ]);
    expect(counts).toEqual([5, 3, 2, 0]);
  });
}
