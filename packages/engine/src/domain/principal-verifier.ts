import type { Principal } from './principal.js';

/**
 * The hook the command runner calls before authorising every call: it may refuse the principal
 * (`UNAUTHENTICATED` for a revoked or expired session or a disabled user, `FORBIDDEN` for a call
 * a restricted session may not make) or return it with fresher facts (the user's current role).
 * Bound under `TOKENS.PrincipalVerifier` by the auth module; principals without a `sessionId`
 * (from `engine.auth.trust`) pass through unchanged.
 *
 * @example
 * ```ts
 * const current = await verifier.verify(principal, 'clients.create');
 * ```
 */
export interface PrincipalVerifier {
  verify(principal: Principal, command: string): Promise<Principal>;
}
