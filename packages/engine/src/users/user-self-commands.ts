import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { lazyModule } from '../kernel/lazy-module.js';
import { passwordInput, profileFields } from './user-inputs.js';

const bodies = lazyModule('account commands', () => import('../auth/account-bodies.js'));

/**
 * The input schemas of the operations of this file (their bodies, in `user-self-command-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof userSelfInputs.getMe> = parseInput(userSelfInputs.getMe, raw, 'users.me');
 * ```
 */
export const userSelfInputs = {
  getMe: z.optional(z.strictObject({})),
  updateProfile: z.strictObject(profileFields),
  changePassword: z.strictObject({ currentPassword: passwordInput, newPassword: passwordInput }),
};

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
  input: userSelfInputs.getMe,
  run: lazyBody(bodies, 'getMe'),
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
  input: userSelfInputs.updateProfile,
  run: lazyBody(bodies, 'updateProfile'),
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
  input: userSelfInputs.changePassword,
  run: lazyBody(bodies, 'changePassword'),
});
