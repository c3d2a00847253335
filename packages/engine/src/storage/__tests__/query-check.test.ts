import { describe, expect, it } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import type { CollectionSchema } from '../contract.js';
import { checkAggregate, checkFindQuery, checkSearch, queryableFields, searchTerms } from '../query-check.js';

const tasks: CollectionSchema = {
  name: 'tasks',
  fields: { status: 'string', total: 'number', dueAt: 'date' },
};
const fields = queryableFields(tasks);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof EngineError ? err.code : 'not an EngineError';
  }
  return undefined;
}

describe('shared query checks', () => {
  it('metadata and declared fields are queryable, in that order', () => {
    expect([...fields.keys()]).toEqual([
      'id',
      'createdAt',
      'updatedAt',
      'deletedAt',
      'status',
      'total',
      'dueAt',
    ]);
  });

  it('accepts well-formed queries and returns their limit', () => {
    const query = {
      where: { or: [{ status: 'draft' }, { total: { gte: 3, lt: 9 } }] },
      orderBy: [{ field: 'dueAt' }],
    };
    expect(checkFindQuery('tasks', fields, query)).toBe(100);
    expect(checkFindQuery('tasks', fields, { ...query, limit: 1000 })).toBe(1000);
  });

  it('names the refused field and lists the queryable ones', () => {
    try {
      checkFindQuery('tasks', fields, { where: { and: [{ notes: 'x' }] } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EngineError);
      expect((err as EngineError).message).toContain("'notes'");
      expect((err as EngineError).details).toMatchObject({ field: 'notes', queryable: [...fields.keys()] });
    }
  });

  it('refuses bad operands, unknown operators and out-of-range limits', () => {
    const bad = [
      () => checkFindQuery('tasks', fields, { where: { total: { gt: null } } }),
      () => checkFindQuery('tasks', fields, { where: { total: { between: [1, 2] } as never } }),
      () => checkFindQuery('tasks', fields, { where: { status: { prefix: 3 } as never } }),
      () => checkFindQuery('tasks', fields, { where: { status: ['a'] as never } }),
      () => checkFindQuery('tasks', fields, { limit: 0 }),
      () => checkFindQuery('tasks', fields, { orderBy: [{ field: 'status', direction: 'up' as never }] }),
      () => checkAggregate('tasks', fields, { measures: {} }),
      () =>
        checkAggregate('tasks', fields, {
          groupBy: [{ field: 'total', bucket: 'day' }],
          measures: { n: { fn: 'count' } },
        }),
      () => checkAggregate('tasks', fields, { measures: { s: { fn: 'avg', field: 'status' } } }),
      () => checkSearch(tasks, fields, { text: 'x' }),
    ];
    for (const fn of bad) expect(codeOf(fn)).toBe('UNSUPPORTED_QUERY');
  });

  it('splits search text into lower-cased words, punctuation dropped', () => {
    expect(searchTerms('Léa  MAR-tin "OR" *')).toEqual(['léa', 'mar', 'tin', 'or']);
    expect(searchTerms(' ,; ')).toEqual([]);
  });
});
