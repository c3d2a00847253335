import type { AnyOperation, InputOf, ResultOf } from './command.js';
import type { CommandRunner } from './command-runner.js';
import type { Principal } from './principal.js';

/**
 * One facade method per operation: the input is the operation's input (optional when the
 * schema accepts `undefined`), the result its result.
 *
 * @example
 * ```ts
 * type ClientsApi = OperationsApi<typeof clientOperations>;
 * ```
 */
export type OperationsApi<C extends Record<string, AnyOperation>> = {
  [K in keyof C]: undefined extends InputOf<C[K]>
    ? (input?: InputOf<C[K]>) => Promise<ResultOf<C[K]>>
    : (input: InputOf<C[K]>) => Promise<ResultOf<C[K]>>;
};

/**
 * Binds a group of operations to a principal: each becomes a method that runs through the
 * {@link CommandRunner}. This is how every section of the `Shop` facade is made.
 *
 * @example
 * ```ts
 * const clients = bindOperations(runner, principal, { create: createClient, get: getClient });
 * await clients.create({ kind: 'individual', name: 'Léa Martin' });
 * ```
 */
export function bindOperations<C extends Record<string, AnyOperation>>(
  runner: CommandRunner,
  principal: Principal,
  operations: C,
): OperationsApi<C> {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const [key, operation] of Object.entries(operations)) {
    api[key] = (input?: unknown) => runner.execute(principal, operation, input);
  }
  return api as OperationsApi<C>;
}
