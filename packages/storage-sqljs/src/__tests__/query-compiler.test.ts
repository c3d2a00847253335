import type { CollectionSchema, Where } from '@rpma/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionLayout } from '../collection-layout.js';
import { sqljsStorage } from '../index.js';
import { compileAggregate, compileFind } from '../query-compiler.js';
import { compileSearchFetch, compileSearchMatches } from '../search-ranking.js';

const schema: CollectionSchema = {
  name: 'clients',
  fields: { name: 'string', score: 'number', 'we"ird.path': 'string', seenAt: 'date' },
  fullText: ['name'],
};
const layout = collectionLayout(schema);
const hostile = fc.constantFrom(
  "'; DROP TABLE x; --",
  '" OR 1=1 --',
  'Léa*',
  '?',
  '%_[',
  'a\u0000b',
  "O'Brien",
);

const leaf: fc.Arbitrary<Where> = fc.oneof(
  hostile.map((v) => ({ name: v })),
  hostile.map((v) => ({ 'we"ird.path': { ne: v } })),
  fc.array(hostile, { maxLength: 3 }).map((vs) => ({ name: { in: vs } })),
  hostile.map((v) => ({ name: { prefix: v } })),
  hostile.map((v) => ({ seenAt: { gte: v } })),
);
const where = fc.letrec<{ node: Where }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('node'), { maxLength: 3 }).map((or) => ({ or })),
  ),
})).node;

function placeholders(sql: string): number {
  return (sql.match(/\?/g) ?? []).length;
}

describe('query compilation', () => {
  it('values only ever travel as bound parameters, one per placeholder', () => {
    fc.assert(
      fc.property(where, (w) => {
        const find = compileFind(layout, { where: w, orderBy: [{ field: 'we"ird.path' }] }, 50, null);
        for (const value of ['DROP TABLE', 'OR 1=1', "O'Brien", 'Léa']) expect(find.sql).not.toContain(value);
        expect(placeholders(find.sql)).toBe(find.params.length);
        const search = compileSearchFetch(layout, { text: 'x', where: w }, [1, 2]);
        expect(placeholders(search.sql)).toBe(search.params.length);
        const matches = compileSearchMatches(layout, ['x']);
        expect(placeholders(matches.sql)).toBe(matches.params.length);
        const aggregate = compileAggregate(layout, {
          where: w,
          groupBy: [{ field: 'seenAt', bucket: 'week' }],
          measures: { n: { fn: 'count' } },
        });
        expect(placeholders(aggregate.sql)).toBe(aggregate.params.length);
      }),
    );
  });

  it('hostile values and field names are stored and matched literally', async () => {
    const storage = sqljsStorage();
    await storage.open({ collections: [schema] });
    const at = '2026-11-26T00:00:00.000Z';
    const values = ["'; DROP TABLE x; --", '" OR 1=1 --', "O'Brien", 'a*b', 'a?b', '[x]'];
    await storage.write(async (tx) => {
      for (const [i, v] of values.entries()) {
        await tx.insert('clients', {
          id: `c${i}`,
          createdAt: at,
          updatedAt: at,
          name: v,
          we: { 'ird.path': v },
        });
        await tx.insert('clients', { id: `d${i}`, createdAt: at, updatedAt: at, 'we"ird': { path: v } });
      }
    });
    for (const [i, v] of values.entries()) {
      const found = await storage.read(async (tx) => ({
        eq: (await tx.find('clients', { where: { name: v } })).items.map((d) => d.id),
        prefix: (await tx.find('clients', { where: { name: { prefix: v.slice(0, 2) } } })).items.map(
          (d) => d.id,
        ),
        nested: (await tx.find('clients', { where: { 'we"ird.path': v } })).items.map((d) => d.id),
      }));
      expect(found.eq).toEqual([`c${i}`]);
      expect(found.prefix).toContain(`c${i}`);
      expect(found.nested).toEqual([`d${i}`]);
    }
    expect(await storage.read((tx) => tx.count('clients'))).toBe(values.length * 2);
    await storage.close();
  });
});
