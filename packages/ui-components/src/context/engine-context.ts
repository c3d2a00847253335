import { createContext } from '@lit/context';
import type { Engine, Principal } from '@rpma/engine';

/**
 * The context through which `<rpma-engine-provider>` hands the engine to its descendants.
 * The key is a string, so elements from two copies of this package on one page still find it.
 *
 * @example
 * ```ts
 * import { ContextConsumer } from '@lit/context';
 * new ContextConsumer(this, { context: engineContext, subscribe: true, callback: (e) => use(e) });
 * ```
 */
export const engineContext = createContext<Engine | undefined>('rpma-engine');

/**
 * The context carrying the signed-in principal (who every service call runs as); undefined
 * while nobody is signed in.
 *
 * @example
 * ```ts
 * new ContextConsumer(this, { context: principalContext, subscribe: true });
 * ```
 */
export const principalContext = createContext<Principal | undefined>('rpma-principal');

/**
 * Why the last session ended without the user signing out (idle or absolute timeout,
 * revocation, disabled account), as `<rpma-engine-provider>` saw it; undefined after a
 * sign-in. `<rpma-sign-in>` says it in words.
 *
 * @example
 * ```ts
 * new ContextConsumer(this, { context: sessionEndContext, subscribe: true, callback: (end) => end?.reason });
 * ```
 */
export const sessionEndContext = createContext<SessionEnd | undefined>('rpma-session-end');

/**
 * A session that ended under the user: the engine's reason (`idle_timeout`, `absolute_timeout`,
 * `revoked`, `user_disabled`, …).
 *
 * @example
 * ```ts
 * const end: SessionEnd = { reason: 'idle_timeout' };
 * ```
 */
export interface SessionEnd {
  reason: string;
}
