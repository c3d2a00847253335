/**
 * The `run` of an operation whose body lives in a module loaded on the first call (a cached
 * dynamic `import()` made with `lazyModule`): the definition — name, input schema, ownership —
 * stays in the entry chunk, the body and everything only it uses move to a chunk fetched when the
 * operation first runs. Returns a function of the body's own signature that loads the module
 * (once; a failed load is `EngineError('INTERNAL')`, tried again on the next call) and calls
 * `key` of it.
 *
 * @example
 * ```ts
 * const bodies = lazyModule('client commands', () => import('./client-bodies.js'));
 * export const createClient = defineCommand({
 *   name: 'clients.create',
 *   input: clientInputs.createClient,
 *   run: lazyBody(bodies, 'createClient'),
 * });
 * ```
 */
export function lazyBody<M, K extends keyof M>(load: () => Promise<M>, key: K): M[K] {
  const run = async (...args: unknown[]): Promise<unknown> => {
    const body = (await load())[key] as (...args: unknown[]) => Promise<unknown>;
    return body(...args);
  };
  return run as M[K];
}
