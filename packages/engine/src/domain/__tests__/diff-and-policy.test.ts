import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldDiff, jsonEqual } from '../diff.js';
import { assignedTechnician, atLeast, grantFor, POLICY } from '../policy.js';

describe('fieldDiff', () => {
  it('lists only changed top-level fields, with before and after', () => {
    const diff = fieldDiff(
      { name: 'Lea', phone: '1', tags: ['a'], rev: 1, updatedAt: 'x' },
      { name: 'Léa', phone: '1', tags: ['a', 'b'], rev: 2, updatedAt: 'y' },
    );
    expect(diff).toEqual({
      name: { before: 'Lea', after: 'Léa' },
      tags: { before: ['a'], after: ['a', 'b'] },
    });
  });

  it('treats a missing field and null as the same, and ignores key order', () => {
    expect(fieldDiff({ a: null, b: { x: 1, y: 2 } }, { b: { y: 2, x: 1 } })).toEqual({});
    expect(fieldDiff(null, { a: 1 })).toEqual({ a: { before: null, after: 1 } });
  });

  it('is empty for equal values and reports the real before/after of each changed field', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (a, b) => {
          expect(fieldDiff(a, structuredClone(a))).toEqual({});
          const diff = fieldDiff(a, b);
          for (const [key, change] of Object.entries(diff)) {
            expect(jsonEqual(change.before, a[key] ?? null)).toBe(true);
            expect(jsonEqual(change.after, b[key] ?? null)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('policy rows', () => {
  it('atLeast allows the role and every stronger one', () => {
    expect(atLeast('supervisor')).toEqual({
      admin: 'allow',
      supervisor: 'allow',
      technician: 'deny',
      viewer: 'deny',
    });
    expect(atLeast('viewer').viewer).toBe('allow');
  });

  it('assignedTechnician limits technicians to assigned tasks and listed fields', () => {
    expect(assignedTechnician(['notes']).technician).toEqual({ assigned: true, fields: ['notes'] });
    expect(assignedTechnician().viewer).toBe('deny');
  });

  it('denies names without a row, including inherited object keys', () => {
    expect(grantFor('nope.nothing', 'admin')).toBe('deny');
    expect(grantFor('toString', 'admin')).toBe('deny');
    expect(grantFor('trash.purge', 'supervisor')).toBe('deny');
    expect(grantFor('trash.purge', 'admin')).toBe('allow');
  });

  it('keeps purge and settings changes admin-only', () => {
    for (const [name, row] of Object.entries(POLICY)) {
      if (name.endsWith('.purge') || name === 'settings.update') {
        expect([row.supervisor, row.technician, row.viewer]).toEqual(['deny', 'deny', 'deny']);
      }
    }
  });
});
