import { EngineError } from '../kernel/engine-error.js';

/**
 * Awaits a call that must be refused and returns its `EngineError`; anything else (success, or a
 * foreign error) fails the test.
 *
 * @example
 * ```ts
 * expect((await refusal(shop.interventions.send(id, event))).code).toBe('PRECONDITION');
 * ```
 */
export async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
