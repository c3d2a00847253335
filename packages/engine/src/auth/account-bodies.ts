/**
 * The bodies of the account operations — sign-in (with `engine.auth.login` / `refresh`), two-factor, users, sessions — as one module
 * loaded on the first of those calls (`lazyModule` in each definitions file), so that the area
 * is one chunk fetched once rather than five.
 *
 * @example
 * ```ts
 * const bodies = lazyModule('account commands', () => import('./account-bodies.js'));
 * ```
 */
export * from '../sessions/session-command-bodies.js';
export * from '../users/user-admin-command-bodies.js';
export * from '../users/user-self-command-bodies.js';
export * from './login-command-bodies.js';
export * from './sign-in-flow.js';
export * from './two-factor-command-bodies.js';
