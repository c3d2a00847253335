import { EngineError } from '../kernel/engine-error.js';
import type { StampedEvent } from '../workflows/contract.js';

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

/**
 * Runs a synchronous call that must be refused and returns its `EngineError`; anything else
 * (a return, or a foreign error) fails the test.
 *
 * @example
 * ```ts
 * expect(refusalOf(() => applyWorkflowEvent(plugin, snapshot, event)).code).toBe('VALIDATION');
 * ```
 */
export function refusalOf(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/**
 * A sample event as the engine stamps it: at `at` (ms), by `by` (default `tech-1`), for the
 * pure transition functions (`applyWorkflowEvent`).
 *
 * @example
 * ```ts
 * applyWorkflowEvent(ppf, snapshot, stamped(inspectionSubmit(['hood']), at));
 * ```
 */
export function stamped(event: Record<string, unknown>, at: number, by = 'tech-1'): StampedEvent {
  return { at, by, ...event, type: String(event.type) };
}
