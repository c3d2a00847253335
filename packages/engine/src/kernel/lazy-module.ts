import { EngineError } from './engine-error.js';

/**
 * A module loaded on first use (a dynamic `import()`, so bundlers split it into its own chunk and
 * a page does not download it at start). The first call starts the load; every later call, even a
 * concurrent one, gets the same cached module. A failed load (offline, a chunk missing after a
 * deploy) is refused as `EngineError('INTERNAL')` naming what could not be loaded, and is not
 * cached: the next call tries again.
 *
 * @example
 * ```ts
 * const papaparse = lazyModule('CSV parser (papaparse)', () => import('papaparse'));
 * const { default: Papa } = await papaparse();
 * ```
 */
export function lazyModule<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new EngineError('INTERNAL', `could not load the ${what}`, { details: { module: what }, cause });
    });
    return loading;
  };
}
