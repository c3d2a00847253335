import fc from 'fast-check';
import { expect } from 'vitest';
import type { Doc, FieldFilter, OrderBy, Page, Scalar, Where } from '../../storage/contract.js';
import type { SuiteContext } from './fixtures.js';
import { ids, newDoc, seed } from './fixtures.js';

type Item = { id: string; s?: string | null; n?: number | null; b?: boolean | null; d?: string | null };
type Field = 's' | 'n' | 'b' | 'd';

const values: Record<Field, fc.Arbitrary<Scalar>> = {
  s: fc.constantFrom('a', 'ab', 'abc', 'b', 'B', 'a*', 'é', ''),
  n: fc.integer({ min: -3, max: 3 }),
  b: fc.boolean(),
  d: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-02-01T12:00:00.000Z'),
};
const fields: Field[] = ['s', 'n', 'b', 'd'];

const item = fc.record(
  {
    s: fc.option(values.s as fc.Arbitrary<string>),
    n: fc.option(values.n as fc.Arbitrary<number>),
    b: fc.option(values.b as fc.Arbitrary<boolean>),
    d: fc.option(values.d as fc.Arbitrary<string>),
  },
  { requiredKeys: [] },
);

const filterFor = (field: Field): fc.Arbitrary<FieldFilter | Scalar> => {
  const v = values[field];
  const nonNull = v.filter((x) => x !== null);
  return fc.oneof(
    fc.option(v),
    fc.record({ eq: fc.option(v) }),
    fc.record({ ne: fc.option(v) }),
    fc.record({ in: fc.array(fc.option(v), { maxLength: 3 }) }),
    fc.record({ nin: fc.array(fc.option(v), { maxLength: 3 }) }),
    fc.record({ gt: nonNull }),
    fc.record({ gte: nonNull, lt: nonNull }),
    fc.record({ lte: nonNull }),
    fc.record({ isNull: fc.boolean() }),
    ...(field === 's' ? [fc.record({ prefix: fc.constantFrom('a', 'ab', 'B', 'a*', '') })] : []),
  );
};

const leaf: fc.Arbitrary<Where> = fc
  .constantFrom(...fields)
  .chain((field) => filterFor(field).map((filter) => ({ [field]: filter }) as Where));

const whereTree: fc.Arbitrary<Where> = fc.letrec<{ node: Where }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 3 }).map((and) => ({ and })),
    fc.array(tie('node'), { maxLength: 3 }).map((or) => ({ or })),
  ),
})).node;

const orderBy: fc.Arbitrary<OrderBy[]> = fc.uniqueArray(
  fc.record({
    field: fc.constantFrom(...fields),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  { maxLength: 3, selector: (key) => key.field },
);

function fieldValue(doc: Item, field: string): Scalar {
  const v = (doc as Record<string, unknown>)[field];
  return v === undefined ? null : (v as Scalar);
}

function rank(v: Scalar): number | string {
  return typeof v === 'boolean' ? Number(v) : (v as number | string);
}

function same(a: Scalar, b: Scalar): boolean {
  if (a === null || b === null) return a === b;
  return rank(a) === rank(b);
}

function compare(a: Scalar, b: Scalar): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const x = rank(a);
  const y = rank(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function matchesFilter(v: Scalar, filter: FieldFilter | Scalar): boolean {
  if (filter === null || typeof filter !== 'object') return same(v, filter);
  return Object.entries(filter).every(([op, operand]) => {
    switch (op) {
      case 'eq':
        return same(v, operand as Scalar);
      case 'ne':
        return !same(v, operand as Scalar);
      case 'in':
        return (operand as Scalar[]).some((x) => same(v, x));
      case 'nin':
        return !(operand as Scalar[]).some((x) => same(v, x));
      case 'gt':
        return v !== null && compare(v, operand as Scalar) > 0;
      case 'gte':
        return v !== null && compare(v, operand as Scalar) >= 0;
      case 'lt':
        return v !== null && compare(v, operand as Scalar) < 0;
      case 'lte':
        return v !== null && compare(v, operand as Scalar) <= 0;
      case 'isNull':
        return (v === null) === operand;
      case 'prefix':
        return typeof v === 'string' && v.startsWith(operand as string);
      default:
        return false;
    }
  });
}

/**
 * The reference semantics of the filter language, in plain JS: what every adapter's `find`
 * must agree with.
 *
 * @example
 * ```ts
 * referenceMatch({ id: 'x', n: 2 }, { n: { gte: 1 } }); // true
 * ```
 */
export function referenceMatch(doc: Item, where: Where): boolean {
  return Object.entries(where).every(([key, value]) => {
    if (value === undefined) return true;
    if (key === 'and') return (value as Where[]).every((w) => referenceMatch(doc, w));
    if (key === 'or') return (value as Where[]).some((w) => referenceMatch(doc, w));
    return matchesFilter(fieldValue(doc, key), value as FieldFilter | Scalar);
  });
}

function referenceSort(docs: Item[], keys: OrderBy[]): Item[] {
  const total = [...keys, { field: 'id', direction: 'asc' as const }];
  return [...docs].sort((a, b) => {
    for (const key of total) {
      const c = compare(fieldValue(a, key.field), fieldValue(b, key.field));
      if (c !== 0) return key.direction === 'desc' ? -c : c;
    }
    return 0;
  });
}

/**
 * Property tests: `find` over random documents and random where trees and sort keys returns
 * exactly what the reference model does, and paging through it yields the same list.
 *
 * @example
 * ```ts
 * propertyTests(context);
 * ```
 */
export function propertyTests(t: SuiteContext): void {
  t.it('find agrees with a reference filter and sort over random documents and where trees', async () => {
    const docs: Item[] = fc
      .sample(item, { numRuns: 60, seed: 20261126 })
      .map((fieldsOf, i) => ({ id: `i${String(i).padStart(3, '0')}`, ...fieldsOf }));
    await seed(
      t.adapter,
      'items',
      docs.map(({ id, ...rest }) => newDoc(id, rest)),
    );
    await fc.assert(
      fc.asyncProperty(whereTree, orderBy, async (where, keys) => {
        const page = await t.adapter.read((tx) => tx.find('items', { where, orderBy: keys, limit: 1000 }));
        const expected = referenceSort(
          docs.filter((doc) => referenceMatch(doc, where)),
          keys,
        );
        expect(ids(page.items)).toEqual(ids(expected as { id: string }[]));
      }),
      { numRuns: 150 },
    );
  });

  t.it('paging through any query with small pages yields the same list as one page', async () => {
    const docs = fc
      .sample(item, { numRuns: 40, seed: 7 })
      .map((fieldsOf, i) => newDoc(`p${String(i).padStart(3, '0')}`, fieldsOf));
    await seed(t.adapter, 'items', docs);
    await fc.assert(
      fc.asyncProperty(whereTree, orderBy, fc.integer({ min: 1, max: 7 }), async (where, keys, limit) => {
        const whole = await t.adapter.read((tx) => tx.find('items', { where, orderBy: keys, limit: 1000 }));
        const paged: string[] = [];
        let after: string | null = null;
        do {
          const cursor: string | null = after;
          const page: Page<Doc> = await t.adapter.read((tx) =>
            tx.find('items', { where, orderBy: keys, limit, ...(cursor === null ? {} : { after: cursor }) }),
          );
          paged.push(...ids(page.items));
          after = page.nextCursor;
        } while (after !== null);
        expect(paged).toEqual(ids(whole.items));
      }),
      { numRuns: 60 },
    );
  });
}
