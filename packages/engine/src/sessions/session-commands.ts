import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { idString } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Doc } from '../storage/contract.js';
import { endSession, selfOrAdmin } from '../users/user-writes.js';
import type { Session } from './session-collections.js';

/**
 * A session as listed: no token material (there is none on the document anyway).
 *
 * @example
 * ```ts
 * const current = (await shop.sessions.list()).find((s) => s.current);
 * ```
 */
export type SessionView = Doc<Session> & { current: boolean };

/**
 * `sessions.list`: the open sessions of a user, newest first — your own by default; an admin may
 * name any user. Others' sessions are `FORBIDDEN`.
 *
 * @example
 * ```ts
 * const mine = await shop.sessions.list();
 * const hers = await adminShop.sessions.list({ userId: lea.id });
 * ```
 */
export const listSessions = defineQuery({
  name: 'sessions.list',
  input: z.optional(z.strictObject({ userId: z.optional(idString) })),
  run: async (ctx, input): Promise<SessionView[]> => {
    const userId = input?.userId ?? ctx.principal.userId;
    if (!selfOrAdmin(ctx.principal, userId)) {
      throw new EngineError('FORBIDDEN', "only an admin may list another user's sessions");
    }
    const page = await ctx.tx.find<Session>('sessions', {
      where: { userId, revokedAt: { isNull: true } },
      orderBy: [{ field: 'startedAt', direction: 'desc' }],
      limit: 1000,
    });
    return page.items.map((s) => ({ ...s, current: s.id === ctx.principal.sessionId }));
  },
});

/**
 * `sessions.revoke`: ends a session at once (its refresh token and access tokens stop working,
 * and calls made with its principal are refused). Your own sessions, or anyone's for an admin.
 *
 * @example
 * ```ts
 * await shop.sessions.revoke({ id: lostTabletSession.id });
 * ```
 */
export const revokeSession = defineCommand({
  name: 'sessions.revoke',
  input: z.strictObject({ id: idString }),
  run: async (ctx, input): Promise<{ revoked: boolean }> => {
    const session = await ctx.load<Session>('sessions', input.id);
    if (!selfOrAdmin(ctx.principal, session.userId)) {
      throw new EngineError('FORBIDDEN', "only an admin may revoke another user's session");
    }
    if (session.revokedAt !== null) return { revoked: false };
    await endSession(ctx, session, 'revoked');
    return { revoked: true };
  },
});

/**
 * The session operations, as the `shop.sessions` section exposes them.
 *
 * @example
 * ```ts
 * registerOperations(bind, sessionOperations);
 * ```
 */
export const sessionOperations = { list: listSessions, revoke: revokeSession };
