import * as z from 'zod/mini';
import { defineCommand } from '../domain/command.js';
import { idString } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import type { RefreshToken, Session } from '../sessions/session-collections.js';
import { sessionProblem } from '../sessions/session-state.js';
import { readSettings } from '../settings/settings-service.js';
import type { Doc } from '../storage/contract.js';
import { insertUser } from '../users/user-admin-commands.js';
import type { Credentials, LoginAttempts, User } from '../users/user-collections.js';
import { displayNameInput, emailInput, passwordInput } from '../users/user-inputs.js';
import { endSession, loadCredentials, loadUser } from '../users/user-writes.js';
import {
  clearedLockout,
  DEFAULT_LOCKOUT,
  emptyLockout,
  type LockoutPolicy,
  recordFailure,
} from './lockout.js';

const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

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
  input: z.strictObject({ email: emailInput, displayName: displayNameInput, password: passwordInput }),
  run: async (ctx, input) => {
    if ((await ctx.tx.count('users', {}, 'all')) > 0) {
      throw new EngineError('PRECONDITION', 'the first admin can only be created in an empty store');
    }
    return insertUser(ctx, { ...input, role: 'admin', id: ctx.principal.userId });
  },
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
  input: z.strictObject({ emailKey: sha256, userId: z.nullable(idString) }),
  run: async (ctx, input): Promise<{ lockedUntil: number | null }> => {
    const policy = lockoutPolicy(await readSettings(ctx.tx));
    const existing = await ctx.tx.get<LoginAttempts>('loginAttempts', input.emailKey);
    const next = recordFailure(existing ?? emptyLockout, Date.parse(ctx.now), policy);
    if (existing) await ctx.update<LoginAttempts>('loginAttempts', existing, next);
    else
      await ctx.insert<LoginAttempts>('loginAttempts', { id: input.emailKey, userId: input.userId, ...next });
    return { lockedUntil: next.lockedUntil };
  },
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
  input: z.strictObject({
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
  run: async (ctx, input): Promise<Doc<Session>> => {
    const user = await loadUser(ctx, input.userId);
    if (user.disabled) throw new EngineError('UNAUTHENTICATED', 'invalid email or password');
    const creds = await loadCredentials(ctx, user.id);
    const next: Doc<Credentials> = { ...creds };
    if (input.totpStep !== undefined) {
      if (!creds.totp || (creds.totp.lastStep !== null && creds.totp.lastStep >= input.totpStep)) {
        throw new EngineError('UNAUTHENTICATED', 'this code was already used');
      }
      next.totp = { ...creds.totp, lastStep: input.totpStep };
    }
    if (input.backupCodeHash !== undefined) {
      if (!creds.backupCodes.includes(input.backupCodeHash)) {
        throw new EngineError('UNAUTHENTICATED', 'this backup code was already used');
      }
      next.backupCodes = creds.backupCodes.filter((hash) => hash !== input.backupCodeHash);
    }
    if (input.rehash !== undefined) next.passwordHash = input.rehash;
    if (next.totp !== creds.totp || next.backupCodes !== creds.backupCodes || input.rehash !== undefined) {
      await ctx.tx.update<Credentials>('credentials', { ...next, updatedAt: ctx.now }, creds.rev);
    }
    const attempts = await ctx.tx.get<LoginAttempts>('loginAttempts', input.emailKey);
    if (attempts && attempts.failures.length > 0) {
      await ctx.tx.update<LoginAttempts>(
        'loginAttempts',
        { ...attempts, ...clearedLockout(), updatedAt: ctx.now },
        attempts.rev,
      );
    }
    const session = await ctx.insert<Session>('sessions', {
      id: input.sessionId,
      userId: user.id,
      startedAt: ctx.now,
      lastSeenAt: ctx.now,
      expiresAt: input.expiresAt,
      revokedAt: null,
      endReason: null,
      mustEnrollTwoFactor: input.mustEnrollTwoFactor,
      device: input.device,
    });
    await ctx.tx.insert<RefreshToken>('refreshTokens', {
      id: input.refreshHash,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      sessionId: session.id,
      usedAt: null,
    });
    await ctx.update<User>('users', user, { lastLoginAt: ctx.now });
    return session;
  },
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
  input: z.strictObject({ tokenHash: sha256, newHash: sha256 }),
  run: async (ctx, input): Promise<RefreshOutcome> => {
    const token = await ctx.tx.get<RefreshToken>('refreshTokens', input.tokenHash);
    const session = token && (await ctx.tx.get<Session>('sessions', token.sessionId));
    if (!token || !session) return { ok: false, reason: 'unknown' };
    if (token.usedAt !== null) {
      await endSession(ctx, session, 'refresh_reuse');
      return { ok: false, reason: 'replayed' };
    }
    const user = await ctx.tx.get<User>('users', session.userId);
    const problem = sessionProblem(
      session,
      user,
      session.userId,
      (await readSettings(ctx.tx)).sessions,
      Date.parse(ctx.now),
    );
    const open = session.revokedAt === null;
    if (open && (problem === 'idle_timeout' || problem === 'absolute_timeout')) {
      await endSession(ctx, session, problem);
      ctx.emit('session.expired', { sessionId: session.id, userId: session.userId, reason: problem });
    }
    if (open && problem === 'user_disabled') await endSession(ctx, session, 'user_disabled');
    if (problem !== undefined || !user) return { ok: false, reason: problem ?? 'unknown' };
    await ctx.tx.update<RefreshToken>(
      'refreshTokens',
      { ...token, usedAt: ctx.now, updatedAt: ctx.now },
      token.rev,
    );
    await ctx.tx.insert<RefreshToken>('refreshTokens', {
      id: input.newHash,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      sessionId: session.id,
      usedAt: null,
    });
    const fresh = await ctx.tx.update<Session>(
      'sessions',
      { ...session, lastSeenAt: ctx.now, updatedAt: ctx.now },
      session.rev,
    );
    return { ok: true, session: fresh, user };
  },
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
  input: z.strictObject({ sessionId: idString }),
  run: async (ctx, input): Promise<{ ended: boolean }> => {
    const session = await ctx.tx.get<Session>('sessions', input.sessionId);
    if (!session || session.userId !== ctx.principal.userId) {
      throw new EngineError('NOT_FOUND', `session ${input.sessionId} does not exist`);
    }
    if (session.revokedAt !== null) return { ended: false };
    await endSession(ctx, session, 'logout');
    return { ended: true };
  },
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
  input: z.strictObject({ sessionId: idString, reason: z.enum(['idle_timeout', 'absolute_timeout']) }),
  run: async (ctx, input): Promise<{ ended: boolean }> => {
    const session = await ctx.tx.get<Session>('sessions', input.sessionId);
    if (!session || session.userId !== ctx.principal.userId || session.revokedAt !== null) {
      return { ended: false };
    }
    await endSession(ctx, session, input.reason);
    ctx.emit('session.expired', { sessionId: session.id, userId: session.userId, reason: input.reason });
    return { ended: true };
  },
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
