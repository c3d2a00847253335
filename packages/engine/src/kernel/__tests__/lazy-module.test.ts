import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../engine-error.js';
import { lazyModule } from '../lazy-module.js';

describe('lazyModule', () => {
  it('loads once, however many calls (concurrent or later) ask for the module', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), async (concurrently) => {
        let loads = 0;
        const mod = { value: Symbol('module') };
        const load = lazyModule('test module', async () => {
          loads++;
          return mod;
        });
        const pending: Promise<typeof mod>[] = [];
        for (const now of concurrently) {
          if (now) pending.push(load());
          else pending.push(Promise.resolve(await load()));
        }
        for (const got of await Promise.all(pending)) expect(got).toBe(mod);
        expect(loads).toBe(1);
      }),
    );
  });

  it('does not start loading before the first call', async () => {
    let loads = 0;
    const load = lazyModule('test module', async () => ++loads);
    expect(loads).toBe(0);
    expect(await load()).toBe(1);
  });

  it('a failed load is an EngineError naming the module, with the failure as its cause', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module');
    const load = lazyModule('CSV parser (papaparse)', () => Promise.reject(failure));
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('INTERNAL');
    expect((error as EngineError).message).toContain('CSV parser (papaparse)');
    expect((error as EngineError).cause).toBe(failure);
  });

  it('a failed load is not cached: the next call tries again and can succeed', async () => {
    let attempts = 0;
    const load = lazyModule('flaky module', async () => {
      attempts++;
      if (attempts === 1) throw new Error('offline');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow(EngineError);
    expect(await load()).toBe('loaded');
    expect(await load()).toBe('loaded');
    expect(attempts).toBe(2);
  });

  it('a real dynamic import resolves to the module namespace', async () => {
    const load = lazyModule('engine-error module', () => import('../engine-error.js'));
    expect((await load()).EngineError).toBe(EngineError);
  });
});
