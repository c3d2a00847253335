import { expect } from 'vitest';
import type { EngineError } from '../../kernel/engine-error.js';
import type { SuiteContext } from './fixtures.js';
import { ids, newDoc, seed, T0, thrown } from './fixtures.js';

const jobs = [
  newDoc('j1', { status: 'completed', total: 100, priority: 1, scheduledAt: '2025-12-29T10:15:00.000Z' }),
  newDoc('j2', { status: 'completed', total: 250, priority: 2, scheduledAt: '2026-01-01T23:59:59.000Z' }),
  newDoc('j3', { status: 'completed', total: 50, priority: 2, scheduledAt: '2026-01-05T00:00:00.000Z' }),
  newDoc('j4', { status: 'draft', total: null, priority: 3, scheduledAt: '2026-01-05T10:30:00.000Z' }),
  newDoc('j5', { status: 'draft', total: 10, priority: 1 }),
];

const clientsToFind = [
  newDoc('c1', { name: 'Léa Martin', notes: 'Tesla Model 3, full front PPF', tags: ['vip'] }),
  newDoc('c2', { name: 'Marc Dupont', notes: 'ceramic coating follow-up with Léa' }),
  newDoc('c3', { name: 'Martine Lefèvre', kind: 'pro', notes: 'fleet of vans' }),
  newDoc('c4', { name: 'LEA GARAGE', kind: 'pro', tags: ['fleet', 'garage'] }),
];

/**
 * Aggregates (measures, groups, UTC time buckets) and full-text search (accents, case, word
 * prefixes, filters, ranking, soft delete).
 *
 * @example
 * ```ts
 * aggregateSearchTests(context);
 * ```
 */
export function aggregateSearchTests(t: SuiteContext): void {
  t.it('aggregate computes count, sum, avg, min and max per group, groups in key order', async () => {
    await seed(t.adapter, 'tasks', jobs);
    const rows = await t.adapter.read((tx) =>
      tx.aggregate('tasks', {
        groupBy: ['status'],
        measures: {
          n: { fn: 'count' },
          sum: { fn: 'sum', field: 'total' },
          avg: { fn: 'avg', field: 'total' },
          min: { fn: 'min', field: 'total' },
          max: { fn: 'max', field: 'priority' },
        },
      }),
    );
    expect(rows).toEqual([
      { group: { status: 'completed' }, values: { n: 3, sum: 400, avg: 400 / 3, min: 50, max: 2 } },
      { group: { status: 'draft' }, values: { n: 2, sum: 10, avg: 10, min: 10, max: 3 } },
    ]);
  });

  t.it('aggregate without groupBy gives one row, with null measures over no documents', async () => {
    await seed(t.adapter, 'tasks', jobs);
    const rows = await t.adapter.read(async (tx) => ({
      some: await tx.aggregate('tasks', {
        where: { priority: 2 },
        measures: { sum: { fn: 'sum', field: 'total' } },
      }),
      none: await tx.aggregate('tasks', {
        where: { status: 'none' },
        measures: { n: { fn: 'count' }, sum: { fn: 'sum', field: 'total' } },
      }),
      noneGrouped: await tx.aggregate('tasks', {
        where: { status: 'none' },
        groupBy: ['status'],
        measures: { n: { fn: 'count' } },
      }),
    }));
    expect(rows).toEqual({
      some: [{ group: {}, values: { sum: 300 } }],
      none: [{ group: {}, values: { n: 0, sum: null } }],
      noneGrouped: [],
    });
  });

  t.it('aggregate groups dates into UTC hour, day, ISO week, month and year buckets', async () => {
    await seed(t.adapter, 'tasks', jobs);
    const by = (bucket: 'hour' | 'day' | 'week' | 'month' | 'year') =>
      t.adapter.read(async (tx) =>
        (
          await tx.aggregate('tasks', {
            where: { scheduledAt: { isNull: false } },
            groupBy: [{ field: 'scheduledAt', bucket }],
            measures: { n: { fn: 'count' } },
          })
        ).map((row) => [row.group.scheduledAt, row.values.n]),
      );
    expect(await by('hour')).toEqual([
      ['2025-12-29T10', 1],
      ['2026-01-01T23', 1],
      ['2026-01-05T00', 1],
      ['2026-01-05T10', 1],
    ]);
    expect(await by('day')).toEqual([
      ['2025-12-29', 1],
      ['2026-01-01', 1],
      ['2026-01-05', 2],
    ]);
    expect(await by('week')).toEqual([
      ['2026-W01', 2],
      ['2026-W02', 2],
    ]);
    expect(await by('month')).toEqual([
      ['2025-12', 1],
      ['2026-01', 3],
    ]);
    expect(await by('year')).toEqual([
      ['2025', 1],
      ['2026', 3],
    ]);
  });

  t.it('aggregate groups by several keys and by booleans, returning booleans', async () => {
    await seed(t.adapter, 'clients', [
      newDoc('a', { kind: 'pro', vip: true, score: 1 }),
      newDoc('b', { kind: 'pro', vip: false, score: 2 }),
      newDoc('c', { kind: 'pro', vip: true, score: 3 }),
      newDoc('d', { kind: 'private', score: 4 }),
    ]);
    const rows = await t.adapter.read((tx) =>
      tx.aggregate('clients', {
        groupBy: ['kind', 'vip'],
        measures: { score: { fn: 'sum', field: 'score' } },
      }),
    );
    expect(rows).toEqual([
      { group: { kind: 'private', vip: null }, values: { score: 4 } },
      { group: { kind: 'pro', vip: false }, values: { score: 2 } },
      { group: { kind: 'pro', vip: true }, values: { score: 4 } },
    ]);
  });

  t.it('aggregate refuses buckets on non-date fields and sums of non-number fields', async () => {
    const bucket = await thrown(() =>
      t.adapter.read((tx) =>
        tx.aggregate('tasks', {
          groupBy: [{ field: 'status', bucket: 'day' }],
          measures: { n: { fn: 'count' } },
        }),
      ),
    );
    const sum = await thrown(() =>
      t.adapter.read((tx) => tx.aggregate('tasks', { measures: { s: { fn: 'sum', field: 'status' } } })),
    );
    expect([(bucket as EngineError).code, (sum as EngineError).code]).toEqual([
      'UNSUPPORTED_QUERY',
      'UNSUPPORTED_QUERY',
    ]);
  });

  t.it('search ignores accents and case: "lea", "LÉA" and "Léa" find Léa', async () => {
    await seed(t.adapter, 'clients', clientsToFind);
    for (const text of ['lea', 'LÉA', 'Léa', 'léa']) {
      const found = ids(await t.adapter.read((tx) => tx.search('clients', { text })));
      expect(found.sort()).toEqual(['c1', 'c2', 'c4']);
    }
  });

  t.it('search matches word prefixes and needs every word', async () => {
    await seed(t.adapter, 'clients', clientsToFind);
    const seen = await t.adapter.read(async (tx) => ({
      mar: ids(await tx.search('clients', { text: 'mar' })).sort(),
      leaMar: ids(await tx.search('clients', { text: 'lea mar' })).sort(),
      lefevre: ids(await tx.search('clients', { text: 'lefevre' })),
      nothing: ids(await tx.search('clients', { text: 'lea zzz' })),
    }));
    expect(seen).toEqual({ mar: ['c1', 'c2', 'c3'], leaMar: ['c1', 'c2'], lefevre: ['c3'], nothing: [] });
  });

  t.it('search covers every full-text field, arrays included', async () => {
    await seed(t.adapter, 'clients', clientsToFind);
    const seen = await t.adapter.read(async (tx) => ({
      notes: ids(await tx.search('clients', { text: 'ceramic' })),
      tags: ids(await tx.search('clients', { text: 'garage' })),
    }));
    expect(seen).toEqual({ notes: ['c2'], tags: ['c4'] });
  });

  t.it('search applies where and limit', async () => {
    await seed(t.adapter, 'clients', clientsToFind);
    const seen = await t.adapter.read(async (tx) => ({
      pro: ids(await tx.search('clients', { text: 'lea', where: { kind: 'pro' } })),
      one: (await tx.search('clients', { text: 'lea', limit: 1 })).length,
    }));
    expect(seen).toEqual({ pro: ['c4'], one: 1 });
  });

  t.it('search hides soft-deleted documents unless asked', async () => {
    const [lea] = await seed(t.adapter, 'clients', clientsToFind);
    await t.adapter.write((tx) =>
      tx.update('clients', { ...(lea as NonNullable<typeof lea>), deletedAt: T0 }, 1),
    );
    const seen = await t.adapter.read(async (tx) => ({
      live: ids(await tx.search('clients', { text: 'tesla' })),
      deleted: ids(await tx.search('clients', { text: 'tesla', deleted: 'deleted' })),
      all: ids(await tx.search('clients', { text: 'tesla', deleted: 'all' })),
    }));
    expect(seen).toEqual({ live: [], deleted: ['c1'], all: ['c1'] });
  });

  t.it('search follows updates and purges', async () => {
    const [lea] = await seed(t.adapter, 'clients', clientsToFind);
    await t.adapter.write(async (tx) => {
      await tx.update('clients', { ...(lea as NonNullable<typeof lea>), name: 'Léa Bernard', notes: '' }, 1);
      await tx.purge('clients', 'c3');
    });
    const seen = await t.adapter.read(async (tx) => ({
      bernard: ids(await tx.search('clients', { text: 'bernard' })),
      martin: ids(await tx.search('clients', { text: 'martin' })),
      vans: ids(await tx.search('clients', { text: 'vans' })),
    }));
    expect(seen).toEqual({ bernard: ['c1'], martin: [], vans: [] });
  });

  t.it('search ranks documents matching more often first', async () => {
    await seed(t.adapter, 'clients', [
      newDoc('r1', { name: 'Paul', notes: 'film' }),
      newDoc('r2', { name: 'Film Pro', notes: 'film film film', tags: ['film'] }),
      newDoc('r3', { name: 'Anne', notes: 'film and film' }),
    ]);
    expect(ids(await t.adapter.read((tx) => tx.search('clients', { text: 'film' })))).toEqual([
      'r2',
      'r3',
      'r1',
    ]);
  });

  t.it('search text without any word finds nothing, and punctuation is not syntax', async () => {
    await seed(t.adapter, 'clients', clientsToFind);
    const seen = await t.adapter.read(async (tx) => ({
      blank: ids(await tx.search('clients', { text: '   ' })),
      punct: ids(await tx.search('clients', { text: '"*) OR (' })),
      quoted: ids(await tx.search('clients', { text: '"lea" -martin' })),
    }));
    expect(seen).toEqual({ blank: [], punct: [], quoted: ['c1'] });
  });
}
