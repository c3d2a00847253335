import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { EngineError } from '../kernel/engine-error.js';
import { parseInput } from '../kernel/validate.js';

const schema = z.object({
  name: z.string().check(z.minLength(1)),
  vehicle: z.object({ year: z.number().check(z.int(), z.gte(1900)) }),
});

describe('parseInput', () => {
  it('returns the parsed value for good input', () => {
    expect(parseInput(schema, { name: 'Léa', vehicle: { year: 2021 } }, 'client')).toEqual({
      name: 'Léa',
      vehicle: { year: 2021 },
    });
  });

  it('throws VALIDATION listing every issue by dotted path', () => {
    let caught: unknown;
    try {
      parseInput(schema, { name: '', vehicle: { year: 1800 } }, 'client');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    const err = caught as EngineError;
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe('invalid client at name: Too small: expected string to have >=1 characters');
    const paths = (err.details.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(['name', 'vehicle.year']);
  });
});
