import * as z from 'zod/mini';
import type { PasswordHasher } from '../auth/password-hasher.js';
import { assertAcceptablePassword } from '../auth/password-policy.js';
import { defineCommand, defineQuery } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Credentials, User } from './user-collections.js';
import { passwordInput, profileFields } from './user-inputs.js';
import { endSessions, loadCredentials, loadUser } from './user-writes.js';

/**
 * `users.me`: the calling user's own record.
 *
 * @example
 * ```ts
 * const me = await shop.users.me();
 * ```
 */
export const getMe = defineQuery({
  name: 'users.me',
  input: z.optional(z.strictObject({})),
  run: (ctx) => loadUser(ctx, ctx.principal.userId),
});

/**
 * `users.updateProfile`: everyone edits their own display name, phone and locale.
 *
 * @example
 * ```ts
 * await shop.users.updateProfile({ displayName: 'Léa M.', locale: 'fr-FR' });
 * ```
 */
export const updateProfile = defineCommand({
  name: 'users.updateProfile',
  input: z.strictObject(profileFields),
  run: async (ctx, patch) => {
    const user = await ctx.update<User>('users', await loadUser(ctx, ctx.principal.userId), patch);
    ctx.emit('user.changed', { id: user.id, fields: Object.keys(patch), by: user.id, at: ctx.now });
    return user;
  },
});

/**
 * `users.changePassword`: everyone changes their own password, proving the current one. Every
 * other session of the user ends (the calling one stays open).
 *
 * @example
 * ```ts
 * await shop.users.changePassword({ currentPassword, newPassword: 'a longer passphrase' });
 * ```
 */
export const changePassword = defineCommand({
  name: 'users.changePassword',
  input: z.strictObject({ currentPassword: passwordInput, newPassword: passwordInput }),
  run: async (ctx, input): Promise<{ otherSessionsEnded: number }> => {
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
    await ctx.tx.update<Credentials>(
      'credentials',
      { ...creds, passwordHash, updatedAt: ctx.now },
      creds.rev,
    );
    await ctx.update<User>('users', user, { passwordChangedAt: ctx.now });
    ctx.emit('user.changed', { id: user.id, fields: ['password'], by: user.id, at: ctx.now });
    return { otherSessionsEnded: await endSessions(ctx, user.id, 'revoked', ctx.principal.sessionId) };
  },
});
