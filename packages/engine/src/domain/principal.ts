/**
 * Roles, strongest first: admin > supervisor > technician > viewer.
 *
 * @example
 * ```ts
 * const role: Role = 'technician';
 * ```
 */
export type Role = 'admin' | 'supervisor' | 'technician' | 'viewer';

/** Every role, strongest first. */
export const ROLES: readonly Role[] = ['admin', 'supervisor', 'technician', 'viewer'];

/**
 * Who a service call runs as. Comes from login, or from `engine.auth.trust()` for hosts with
 * their own sign-in.
 *
 * @example
 * ```ts
 * const shop = engine.as({ userId: 'u-1', role: 'technician' });
 * ```
 */
export interface Principal {
  userId: string;
  role: Role;
  displayName?: string;
  /** Set when the principal comes from a login session; checked on every call. */
  sessionId?: string;
}

/**
 * True when `role` is at least as strong as `atLeast`.
 *
 * @example
 * ```ts
 * roleAtLeast('supervisor', 'technician'); // true
 * ```
 */
export function roleAtLeast(role: Role, atLeast: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(atLeast);
}
