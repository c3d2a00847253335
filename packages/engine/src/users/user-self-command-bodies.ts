import type * as z from 'zod/mini';
import type { PasswordHasher } from '../auth/password-hasher.js';
import { assertAcceptablePassword } from '../auth/password-policy.js';
import type { CommandContext, QueryContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Credentials, User } from './user-collections.js';
import type { userSelfInputs } from './user-self-commands.js';
import { endSessions, loadCredentials, loadUser } from './user-writes.js';

/**
 * The body of `users.me` ({@link getMe} in `user-self-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-self-command-bodies.js')).getMe(ctx);
 * ```
 */
export async function getMe(ctx: QueryContext) {
  return loadUser(ctx, ctx.principal.userId);
}

/**
 * The body of `users.updateProfile` ({@link updateProfile} in `user-self-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-self-command-bodies.js')).updateProfile(ctx, input);
 * ```
 */
export async function updateProfile(
  ctx: CommandContext,
  patch: z.output<typeof userSelfInputs.updateProfile>,
) {
  const user = await ctx.update<User>('users', await loadUser(ctx, ctx.principal.userId), patch);
  ctx.emit('user.changed', { id: user.id, fields: Object.keys(patch), by: user.id, at: ctx.now });
  return user;
}

/**
 * The body of `users.changePassword` ({@link changePassword} in `user-self-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-self-command-bodies.js')).changePassword(ctx, input);
 * ```
 */
export async function changePassword(
  ctx: CommandContext,
  input: z.output<typeof userSelfInputs.changePassword>,
): Promise<{ otherSessionsEnded: number }> {
  const user = await loadUser(ctx, ctx.principal.userId);
  const creds = await loadCredentials(ctx, user.id);
  const hasher = ctx.get<PasswordHasher>(TOKENS.PasswordHasher);
  if (!(await hasher.verify(creds.passwordHash, input.currentPassword))) {
    throw new EngineError('UNAUTHENTICATED', 'the current password is not correct', {
      details: { issues: [{ path: 'currentPassword', message: 'not correct', code: 'invalid_password' }] },
    });
  }
  assertAcceptablePassword(input.newPassword, { email: user.email }, 'newPassword');
  const passwordHash = await hasher.hash(input.newPassword);
  await ctx.tx.update<Credentials>('credentials', { ...creds, passwordHash, updatedAt: ctx.now }, creds.rev);
  await ctx.update<User>('users', user, { passwordChangedAt: ctx.now });
  ctx.emit('user.changed', { id: user.id, fields: ['password'], by: user.id, at: ctx.now });
  return { otherSessionsEnded: await endSessions(ctx, user.id, 'revoked', ctx.principal.sessionId) };
}
