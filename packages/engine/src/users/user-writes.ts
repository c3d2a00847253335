import type { BaseContext, CommandContext } from '../domain/command.js';
import type { Principal } from '../domain/principal.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Session, SessionEnd } from '../sessions/session-collections.js';
import type { Doc } from '../storage/contract.js';
import type { Credentials, User } from './user-collections.js';

/**
 * Loads a live user or fails with `NOT_FOUND`.
 *
 * @example
 * ```ts
 * const user = await loadUser(ctx, input.id);
 * ```
 */
export function loadUser(ctx: Pick<BaseContext, 'load'>, id: string): Promise<Doc<User>> {
  return ctx.load<User>('users', id);
}

/**
 * Loads a user's credentials; `INTERNAL` if they are missing (every user has them).
 *
 * @example
 * ```ts
 * const creds = await loadCredentials(ctx, user.id);
 * ```
 */
export async function loadCredentials(ctx: CommandContext, userId: string): Promise<Doc<Credentials>> {
  const creds = await ctx.tx.get<Credentials>('credentials', userId);
  if (!creds) throw new EngineError('INTERNAL', `user ${userId} has no credentials`);
  return creds;
}

/**
 * Ends every open session of `userId` (but `keep`), audited one by one, publishing
 * `session.revoked` after commit. Returns how many were ended.
 *
 * @example
 * ```ts
 * await endSessions(ctx, user.id, 'user_disabled');
 * ```
 */
export async function endSessions(
  ctx: CommandContext,
  userId: string,
  reason: SessionEnd,
  keep?: string,
): Promise<number> {
  let ended = 0;
  let after: string | undefined;
  do {
    const page = await ctx.tx.find<Session>('sessions', {
      where: { userId, revokedAt: { isNull: true } },
      limit: 500,
      ...(after ? { after } : {}),
    });
    for (const session of page.items) {
      if (session.id === keep) continue;
      await endSession(ctx, session, reason);
      ended++;
    }
    after = page.nextCursor ?? undefined;
  } while (after);
  return ended;
}

/**
 * Ends one session now (audited) and queues `session.revoked`.
 *
 * @example
 * ```ts
 * await endSession(ctx, session, 'logout');
 * ```
 */
export async function endSession(
  ctx: CommandContext,
  session: Doc<Session>,
  reason: SessionEnd,
): Promise<void> {
  if (session.revokedAt !== null) return;
  await ctx.update<Session>('sessions', session, { revokedAt: ctx.now, endReason: reason });
  ctx.emit('session.revoked', { sessionId: session.id, userId: session.userId, reason });
}

/**
 * Refuses (`PRECONDITION`) a change that would leave the organisation with no enabled admin.
 *
 * @example
 * ```ts
 * await keepOneAdmin(ctx, user);
 * ```
 */
export async function keepOneAdmin(ctx: CommandContext, leaving: Doc<User>): Promise<void> {
  if (leaving.role !== 'admin' || leaving.disabled) return;
  const admins = await ctx.tx.count('users', { role: 'admin', disabled: false });
  if (admins <= 1) {
    throw new EngineError('PRECONDITION', 'the organisation must keep at least one enabled admin', {
      details: { userId: leaving.id },
    });
  }
}

/**
 * True when `principal` is `userId` itself or an admin: who may act on a user's sessions.
 *
 * @example
 * ```ts
 * if (!selfOrAdmin(ctx.principal, session.userId)) throw forbidden();
 * ```
 */
export function selfOrAdmin(principal: Principal, userId: string): boolean {
  return principal.userId === userId || principal.role === 'admin';
}
