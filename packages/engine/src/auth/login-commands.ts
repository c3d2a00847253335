import * as z from 'zod/mini';
import { defineCommand } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { idString } from '../domain/schemas.js';
import { lazyModule } from '../kernel/lazy-module.js';
import type { Session } from '../sessions/session-collections.js';
import type { Doc } from '../storage/contract.js';
import type { User } from '../users/user-collections.js';
import { displayNameInput, emailInput, passwordInput } from '../users/user-inputs.js';
import { DEFAULT_LOCKOUT, type LockoutPolicy } from './lockout.js';

const bodies = lazyModule('account commands', () => import('./account-bodies.js'));

const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/**
 * The input schemas of the operations of this file (their bodies, in `login-command-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof loginInputs.bootstrapAdmin> = parseInput(loginInputs.bootstrapAdmin, raw, 'auth.bootstrap');
 * ```
 */
export const loginInputs = {
  bootstrapAdmin: z.strictObject({
    email: emailInput,
    displayName: displayNameInput,
    password: passwordInput,
  }),
  recordLoginFailure: z.strictObject({ emailKey: sha256, userId: z.nullable(idString) }),
  recordLogin: z.strictObject({
    userId: idString,
    emailKey: sha256,
    sessionId: idString,
    refreshHash: sha256,
    expiresAt: z.iso.datetime({ offset: true }),
    mustEnrollTwoFactor: z.boolean(),
    device: z.nullable(z.string().check(z.maxLength(200))),
    rehash: z.optional(z.string()),
    totpStep: z.optional(z.number().check(z.int(), z.gte(0))),
    backupCodeHash: z.optional(z.string()),
  }),
  rotateRefreshToken: z.strictObject({ tokenHash: sha256, newHash: sha256 }),
  logout: z.strictObject({ sessionId: idString }),
  expireSession: z.strictObject({
    sessionId: idString,
    reason: z.enum(['idle_timeout', 'absolute_timeout']),
  }),
};

/**
 * `auth.bootstrap`: creates the first admin, only while the store has no user at all (deleted
 * ones included). Run by `engine.auth.bootstrap`, as the admin being created.
 *
 * @example
 * ```ts
 * await engine.auth.bootstrap({ email: 'owner@example.com', displayName: 'Owner', password });
 * ```
 */
export const bootstrapAdmin = defineCommand({
  name: 'auth.bootstrap',
  input: loginInputs.bootstrapAdmin,
  run: lazyBody(bodies, 'bootstrapAdmin'),
});

/**
 * The lockout policy of the organisation settings.
 *
 * @example
 * ```ts
 * const policy = lockoutPolicy(await readSettings(tx));
 * ```
 */
export function lockoutPolicy(settings: {
  lockout: { maxAttempts: number; windowMinutes: number; lockMinutes: number };
}): LockoutPolicy {
  return {
    threshold: settings.lockout.maxAttempts,
    windowMs: settings.lockout.windowMinutes * 60_000,
    lockMs: settings.lockout.lockMinutes * 60_000,
    maxPerHour: DEFAULT_LOCKOUT.maxPerHour,
  };
}

/**
 * `auth.loginFailed`: records a failed sign-in against the email's lockout state (known or
 * unknown email alike) — audited, so failures and the lockouts they cause are in the audit log.
 *
 * @example
 * ```ts
 * const { lockedUntil } = await runner.execute(actor, recordLoginFailure, { emailKey, userId: null });
 * ```
 */
export const recordLoginFailure = defineCommand({
  name: 'auth.loginFailed',
  input: loginInputs.recordLoginFailure,
  run: lazyBody(bodies, 'recordLoginFailure'),
});

/**
 * `auth.login`: records a successful sign-in checked by `engine.auth.login` — a new session
 * (audited) with its first refresh token (hash only), the lockout cleared, the TOTP step or
 * backup code consumed (re-checked here, so two concurrent logins cannot both use one), and the
 * password hash upgraded when the parameters were raised.
 *
 * @example
 * ```ts
 * await runner.execute(userPrincipal, recordLogin, { ... });
 * ```
 */
export const recordLogin = defineCommand({
  name: 'auth.login',
  input: loginInputs.recordLogin,
  run: lazyBody(bodies, 'recordLogin'),
});

/**
 * What `auth.refresh` concluded.
 *
 * @example
 * ```ts
 * if (!outcome.ok) throw new EngineError('UNAUTHENTICATED', outcome.reason);
 * ```
 */
export type RefreshOutcome =
  | { ok: true; session: Doc<Session>; user: Doc<User> }
  | {
      ok: false;
      reason: 'unknown' | 'replayed' | 'revoked' | 'user_disabled' | 'idle_timeout' | 'absolute_timeout';
    };

/**
 * `auth.refresh`: exchanges a refresh token (by its hash) for a new one. A token already used
 * is a replay: the whole session (the token family) is revoked, and the outcome says so — the
 * revocation commits, then `engine.auth.refresh` refuses. Expired sessions are ended the same way.
 *
 * @example
 * ```ts
 * const outcome = await runner.execute(userPrincipal, rotateRefreshToken, { tokenHash, newHash });
 * ```
 */
export const rotateRefreshToken = defineCommand({
  name: 'auth.refresh',
  input: loginInputs.rotateRefreshToken,
  run: lazyBody(bodies, 'rotateRefreshToken'),
});

/**
 * `auth.logout`: ends the caller's session at once (audited); its refresh token stops working.
 *
 * @example
 * ```ts
 * await engine.auth.logout(principal);
 * ```
 */
export const logout = defineCommand({
  name: 'auth.logout',
  input: loginInputs.logout,
  run: lazyBody(bodies, 'logout'),
});

/**
 * `auth.expire`: ends a session found past its idle or absolute timeout (audited, with the
 * reason) and publishes `session.expired` once. Run by the session verifier as the owner.
 *
 * @example
 * ```ts
 * await runner.execute(owner, expireSession, { sessionId, reason: 'idle_timeout' });
 * ```
 */
export const expireSession = defineCommand({
  name: 'auth.expire',
  input: loginInputs.expireSession,
  run: lazyBody(bodies, 'expireSession'),
});

/**
 * The sign-in commands (run by `engine.auth`, not on the `Shop` facade).
 *
 * @example
 * ```ts
 * registerOperations(bind, loginOperations);
 * ```
 */
export const loginOperations = {
  bootstrap: bootstrapAdmin,
  loginFailed: recordLoginFailure,
  login: recordLogin,
  refresh: rotateRefreshToken,
  logout,
  expire: expireSession,
};
