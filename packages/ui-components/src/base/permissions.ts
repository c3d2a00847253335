import { grantFor, type Principal } from '@rpma/engine';

/**
 * Whether the engine's policy table lets `principal` run the command or query `operation` at
 * all (an `assigned` grant counts: the engine then checks the entity). Views use it to offer
 * only the actions a role has and to render the rest read-only; the engine still decides.
 *
 * @example
 * ```ts
 * mayRun(this.activePrincipal, 'settings.update'); // false for a supervisor
 * ```
 */
export function mayRun(principal: Principal | undefined, operation: string): boolean {
  return principal !== undefined && grantFor(operation, principal.role) !== 'deny';
}
