import { describe, expect, it } from 'vitest';
import { EngineError } from '../../kernel/engine-error.js';
import { lazyModule } from '../../kernel/lazy-module.js';
import { lazyBody } from '../lazy-body.js';

describe('lazyBody', () => {
  it('loads nothing until the first call, then calls the body with the arguments, loading once', async () => {
    let loads = 0;
    const bodies = lazyModule('test bodies', async () => {
      loads++;
      return { double: async (a: number, b: string) => `${a * 2}${b}` };
    });
    const double = lazyBody(bodies, 'double');
    expect(loads).toBe(0);
    expect(await double(21, '!')).toBe('42!');
    expect(await Promise.all([double(1, 'a'), double(2, 'b')])).toEqual(['2a', '4b']);
    expect(loads).toBe(1);
  });

  it('refuses a failed load as INTERNAL and tries the load again on the next call', async () => {
    let attempts = 0;
    const bodies = lazyModule('test bodies', async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { id: async (x: number) => x };
    });
    const id = lazyBody(bodies, 'id');
    const error = await id(7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('INTERNAL');
    expect(await id(7)).toBe(7);
    expect(attempts).toBe(2);
  });

  it('passes a body refusal through unchanged', async () => {
    const bodies = lazyModule('test bodies', async () => ({
      refuse: async () => {
        throw new EngineError('CONFLICT', 'taken');
      },
    }));
    await expect(lazyBody(bodies, 'refuse')()).rejects.toMatchObject({ code: 'CONFLICT', message: 'taken' });
  });
});
