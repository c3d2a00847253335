import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import type { OrderBy } from '../contract.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

const keys: OrderBy[] = [{ field: 'name' }, { field: 'score', direction: 'desc' }, { field: 'id' }];

describe('keyset cursors', () => {
  it('decode gives back exactly the encoded values, whatever they are', () => {
    const scalar = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.tuple(scalar, scalar, fc.string()), (values) => {
        const cursor = encodeCursor(keys, values);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeCursor('clients', keys, cursor)).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
    );
  });

  it('a cursor made for another sort order is refused with UNSUPPORTED_QUERY', () => {
    const cursor = encodeCursor(keys, ['Léa', 3, 'c1']);
    const other: OrderBy[] = [{ field: 'name' }, { field: 'score' }, { field: 'id' }];
    expect(() => decodeCursor('clients', other, cursor)).toThrowError(EngineError);
    try {
      decodeCursor('clients', other, cursor);
    } catch (err) {
      expect((err as EngineError).code).toBe('UNSUPPORTED_QUERY');
    }
  });

  it('malformed cursors are refused with UNSUPPORTED_QUERY, never misread', () => {
    for (const bad of ['', 'not a cursor', '%%%', encodeCursor(keys, ['only one'])]) {
      expect(() => decodeCursor('clients', keys, bad)).toThrowError(/cursor/);
    }
  });
});
