import { expect } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import type { Where } from '../../storage/contract.js';
import type { SuiteContext } from './fixtures.js';
import { ids, newDoc, seed, thrown } from './fixtures.js';

const people = [
  newDoc('p1', {
    name: 'Léa',
    kind: 'pro',
    score: 10,
    vip: true,
    address: { city: 'Lyon' },
    lastVisit: '2026-01-10T09:00:00.000Z',
  }),
  newDoc('p2', {
    name: 'Marc',
    kind: 'private',
    score: 5,
    vip: false,
    address: { city: 'Paris' },
    lastVisit: '2026-02-01T09:00:00.000Z',
  }),
  newDoc('p3', { name: 'marcel', kind: 'pro', score: 7, address: { city: 'Lyon' } }),
  newDoc('p4', { name: 'Mar*a?', kind: null, score: 5, vip: true, lastVisit: '2026-03-01T09:00:00.000Z' }),
  newDoc('p5', { name: 'Zoé', score: null, vip: false, address: {} }),
];

/**
 * Every filter operator, and/or nesting, dotted paths, metadata fields, and the refusal of
 * fields no index covers.
 *
 * @example
 * ```ts
 * filterTests(context);
 * ```
 */
export function filterTests(t: SuiteContext): void {
  const match = async (where: Where): Promise<string[]> => {
    await seed(t.adapter, 'clients', people);
    return ids((await t.adapter.read((tx) => tx.find('clients', { where }))).items);
  };

  t.it('eq matches a value, by shorthand or operator, booleans included', async () => {
    expect(await match({ kind: 'pro' })).toEqual(['p1', 'p3']);
    const again = await t.adapter.read(async (tx) => ({
      eq: ids((await tx.find('clients', { where: { score: { eq: 5 } } })).items),
      vip: ids((await tx.find('clients', { where: { vip: true } })).items),
      notVip: ids((await tx.find('clients', { where: { vip: { eq: false } } })).items),
    }));
    expect(again).toEqual({ eq: ['p2', 'p4'], vip: ['p1', 'p4'], notVip: ['p2', 'p5'] });
  });

  t.it('eq null and isNull match missing and null values', async () => {
    expect(await match({ kind: null })).toEqual(['p4', 'p5']);
    const isNull = await t.adapter.read(async (tx) => ({
      yes: ids((await tx.find('clients', { where: { vip: { isNull: true } } })).items),
      no: ids((await tx.find('clients', { where: { score: { isNull: false } } })).items),
    }));
    expect(isNull).toEqual({ yes: ['p3'], no: ['p1', 'p2', 'p3', 'p4'] });
  });

  t.it('ne excludes the value and keeps missing values; ne null keeps only present ones', async () => {
    expect(await match({ kind: { ne: 'pro' } })).toEqual(['p2', 'p4', 'p5']);
    const notNull = await t.adapter.read((tx) => tx.find('clients', { where: { kind: { ne: null } } }));
    expect(ids(notNull.items)).toEqual(['p1', 'p2', 'p3']);
  });

  t.it('in and nin match lists, null included when listed', async () => {
    expect(await match({ score: { in: [5, 7] } })).toEqual(['p2', 'p3', 'p4']);
    const more = await t.adapter.read(async (tx) => ({
      inNull: ids((await tx.find('clients', { where: { kind: { in: ['private', null] } } })).items),
      nin: ids((await tx.find('clients', { where: { kind: { nin: ['pro'] } } })).items),
      ninNull: ids((await tx.find('clients', { where: { kind: { nin: ['pro', null] } } })).items),
      empty: ids((await tx.find('clients', { where: { kind: { in: [] } } })).items),
    }));
    expect(more).toEqual({ inNull: ['p2', 'p4', 'p5'], nin: ['p2', 'p4', 'p5'], ninNull: ['p2'], empty: [] });
  });

  t.it('gt, gte, lt and lte compare numbers and never match null', async () => {
    expect(await match({ score: { gt: 5 } })).toEqual(['p1', 'p3']);
    const ranges = await t.adapter.read(async (tx) => ({
      gte: ids((await tx.find('clients', { where: { score: { gte: 5 } } })).items),
      lt: ids((await tx.find('clients', { where: { score: { lt: 7 } } })).items),
      lte: ids((await tx.find('clients', { where: { score: { lte: 7 } } })).items),
      between: ids((await tx.find('clients', { where: { score: { gt: 5, lte: 10 } } })).items),
    }));
    expect(ranges).toEqual({
      gte: ['p1', 'p2', 'p3', 'p4'],
      lt: ['p2', 'p4'],
      lte: ['p2', 'p3', 'p4'],
      between: ['p1', 'p3'],
    });
  });

  t.it('date ranges compare ISO instants', async () => {
    expect(
      await match({ lastVisit: { gte: '2026-02-01T00:00:00.000Z', lt: '2026-03-01T09:00:00.000Z' } }),
    ).toEqual(['p2']);
  });

  t.it('prefix is case-sensitive and takes * ? [ literally', async () => {
    expect(await match({ name: { prefix: 'Mar' } })).toEqual(['p2', 'p4']);
    const more = await t.adapter.read(async (tx) => ({
      lower: ids((await tx.find('clients', { where: { name: { prefix: 'mar' } } })).items),
      star: ids((await tx.find('clients', { where: { name: { prefix: 'Mar*' } } })).items),
      accent: ids((await tx.find('clients', { where: { name: { prefix: 'Lé' } } })).items),
    }));
    expect(more).toEqual({ lower: ['p3'], star: ['p4'], accent: ['p1'] });
  });

  t.it('several fields and several operators on one field are ANDed', async () => {
    expect(await match({ kind: 'pro', score: { gte: 7, ne: 10 } })).toEqual(['p3']);
  });

  t.it('and/or nest to any depth', async () => {
    const where: Where = {
      or: [
        { and: [{ kind: 'pro' }, { score: { lt: 10 } }] },
        { or: [{ name: 'Zoé' }, { vip: true, score: 5 }] },
      ],
    };
    expect(await match(where)).toEqual(['p3', 'p4', 'p5']);
    const edge = await t.adapter.read(async (tx) => ({
      emptyOr: ids((await tx.find('clients', { where: { or: [] } })).items),
      emptyAnd: ids((await tx.find('clients', { where: { and: [] } })).items).length,
    }));
    expect(edge).toEqual({ emptyOr: [], emptyAnd: 5 });
  });

  t.it('dotted fields reach into nested objects', async () => {
    expect(await match({ 'address.city': 'Lyon' })).toEqual(['p1', 'p3']);
  });

  t.it('metadata fields are queryable without being declared', async () => {
    expect(await match({ id: { in: ['p2', 'p5'] }, createdAt: { lte: '2026-12-31T00:00:00.000Z' } })).toEqual(
      ['p2', 'p5'],
    );
  });

  t.it(
    'a query on an undeclared field is refused with UNSUPPORTED_QUERY naming it and the queryable fields',
    async () => {
      await seed(t.adapter, 'clients', people);
      const err = await thrown(() => t.adapter.read((tx) => tx.find('clients', { where: { notes: 'x' } })));
      expect(err).toBeInstanceOf(EngineError);
      expect((err as EngineError).code).toBe('UNSUPPORTED_QUERY');
      expect((err as EngineError).message).toContain('notes');
      expect((err as EngineError).message).toContain('address.city');
    },
  );

  t.it(
    'undeclared fields are refused wherever they appear: nested or, orderBy, count, groupBy, measures',
    async () => {
      const attempts: (() => Promise<unknown>)[] = [
        () => t.adapter.read((tx) => tx.find('clients', { where: { or: [{ kind: 'pro' }, { fax: '1' }] } })),
        () => t.adapter.read((tx) => tx.find('clients', { orderBy: [{ field: 'notes' }] })),
        () => t.adapter.read((tx) => tx.count('clients', { fax: null })),
        () =>
          t.adapter.read((tx) =>
            tx.aggregate('clients', { groupBy: ['notes'], measures: { n: { fn: 'count' } } }),
          ),
        () =>
          t.adapter.read((tx) => tx.aggregate('clients', { measures: { s: { fn: 'sum', field: 'total' } } })),
        () => t.adapter.read((tx) => tx.search('clients', { text: 'x', where: { fax: '1' } })),
      ];
      for (const attempt of attempts)
        expect(((await thrown(attempt)) as EngineError).code).toBe('UNSUPPORTED_QUERY');
    },
  );

  t.it('unknown operators, bad operands and unknown collections are refused', async () => {
    const attempts: (() => Promise<unknown>)[] = [
      () => t.adapter.read((tx) => tx.find('clients', { where: { score: { like: 5 } as never } })),
      () => t.adapter.read((tx) => tx.find('clients', { where: { score: { in: 5 } as never } })),
      () => t.adapter.read((tx) => tx.find('clients', { where: { score: { gt: null } } })),
      () => t.adapter.read((tx) => tx.find('nowhere')),
    ];
    for (const attempt of attempts)
      expect(((await thrown(attempt)) as EngineError).code).toBe('UNSUPPORTED_QUERY');
  });
}
