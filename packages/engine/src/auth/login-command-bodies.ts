import type * as z from 'zod/mini';
import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import type { RefreshToken, Session } from '../sessions/session-collections.js';
import { sessionProblem } from '../sessions/session-state.js';
import { readSettings } from '../settings/settings-service.js';
import type { Doc } from '../storage/contract.js';
import { insertUser } from '../users/user-admin-command-bodies.js';
import type { Credentials, LoginAttempts, User } from '../users/user-collections.js';
import { endSession, loadCredentials, loadUser } from '../users/user-writes.js';
import { clearedLockout, emptyLockout, recordFailure } from './lockout.js';
import { lockoutPolicy, type loginInputs, type RefreshOutcome } from './login-commands.js';

/**
 * The body of `auth.bootstrap` ({@link bootstrapAdmin} in `login-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./login-command-bodies.js')).bootstrapAdmin(ctx, input);
 * ```
 */
export async function bootstrapAdmin(
  ctx: CommandContext,
  input: z.output<typeof loginInputs.bootstrapAdmin>,
) {
  if ((await ctx.tx.count('users', {}, 'all')) > 0) {
    throw new EngineError('PRECONDITION', 'the first admin can only be created in an empty store');
  }
  return insertUser(ctx, { ...input, role: 'admin', id: ctx.principal.userId });
}

/**
 * The body of `auth.loginFailed` ({@link recordLoginFailure} in `login-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./login-command-bodies.js')).recordLoginFailure(ctx, input);
 * ```
 */
export async function recordLoginFailure(
  ctx: CommandContext,
  input: z.output<typeof loginInputs.recordLoginFailure>,
): Promise<{ lockedUntil: number | null }> {
  const policy = lockoutPolicy(await readSettings(ctx.tx));
  const existing = await ctx.tx.get<LoginAttempts>('loginAttempts', input.emailKey);
  const next = recordFailure(existing ?? emptyLockout, Date.parse(ctx.now), policy);
  if (existing) await ctx.update<LoginAttempts>('loginAttempts', existing, next);
  else
    await ctx.insert<LoginAttempts>('loginAttempts', { id: input.emailKey, userId: input.userId, ...next });
  return { lockedUntil: next.lockedUntil };
}

/**
 * The body of `auth.login` ({@link recordLogin} in `login-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./login-command-bodies.js')).recordLogin(ctx, input);
 * ```
 */
export async function recordLogin(
  ctx: CommandContext,
  input: z.output<typeof loginInputs.recordLogin>,
): Promise<Doc<Session>> {
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
}

/**
 * The body of `auth.refresh` ({@link rotateRefreshToken} in `login-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./login-command-bodies.js')).rotateRefreshToken(ctx, input);
 * ```
 */
export async function rotateRefreshToken(
  ctx: CommandContext,
  input: z.output<typeof loginInputs.rotateRefreshToken>,
): Promise<RefreshOutcome> {
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
}

/**
 * The body of `auth.logout` ({@link logout} in `login-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./login-command-bodies.js')).logout(ctx, input);
 * ```
 */
export async function logout(
  ctx: CommandContext,
  input: z.output<typeof loginInputs.logout>,
): Promise<{ ended: boolean }> {
  const session = await ctx.tx.get<Session>('sessions', input.sessionId);
  if (!session || session.userId !== ctx.principal.userId) {
    throw new EngineError('NOT_FOUND', `session ${input.sessionId} does not exist`);
  }
  if (session.revokedAt !== null) return { ended: false };
  await endSession(ctx, session, 'logout');
  return { ended: true };
}

/**
 * The body of `auth.expire` ({@link expireSession} in `login-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./login-command-bodies.js')).expireSession(ctx, input);
 * ```
 */
export async function expireSession(
  ctx: CommandContext,
  input: z.output<typeof loginInputs.expireSession>,
): Promise<{ ended: boolean }> {
  const session = await ctx.tx.get<Session>('sessions', input.sessionId);
  if (!session || session.userId !== ctx.principal.userId || session.revokedAt !== null) {
    return { ended: false };
  }
  await endSession(ctx, session, input.reason);
  ctx.emit('session.expired', { sessionId: session.id, userId: session.userId, reason: input.reason });
  return { ended: true };
}
