import type * as z from 'zod/mini';
import type { CommandContext, QueryContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { endSession, selfOrAdmin } from '../users/user-writes.js';
import type { Session } from './session-collections.js';
import type { SessionView, sessionInputs } from './session-commands.js';

/**
 * The body of `sessions.list` ({@link listSessions} in `session-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./session-command-bodies.js')).listSessions(ctx, input);
 * ```
 */
export async function listSessions(
  ctx: QueryContext,
  input: z.output<typeof sessionInputs.listSessions>,
): Promise<SessionView[]> {
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
}

/**
 * The body of `sessions.revoke` ({@link revokeSession} in `session-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./session-command-bodies.js')).revokeSession(ctx, input);
 * ```
 */
export async function revokeSession(
  ctx: CommandContext,
  input: z.output<typeof sessionInputs.revokeSession>,
): Promise<{ revoked: boolean }> {
  const session = await ctx.load<Session>('sessions', input.id);
  if (!selfOrAdmin(ctx.principal, session.userId)) {
    throw new EngineError('FORBIDDEN', "only an admin may revoke another user's session");
  }
  if (session.revokedAt !== null) return { revoked: false };
  await endSession(ctx, session, 'revoked');
  return { revoked: true };
}
