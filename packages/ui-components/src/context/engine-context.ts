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
