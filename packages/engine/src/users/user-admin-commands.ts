import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { cursor, idString, pageLimit } from '../domain/schemas.js';
import { lazyModule } from '../kernel/lazy-module.js';
import { displayNameInput, emailInput, passwordInput, profileFields, roleInput } from './user-inputs.js';

const bodies = lazyModule('account commands', () => import('../auth/account-bodies.js'));

/**
 * The input schemas of the operations of this file (their bodies, in `user-admin-command-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof userAdminInputs.createUser> = parseInput(userAdminInputs.createUser, raw, 'users.create');
 * ```
 */
export const userAdminInputs = {
  createUser: z.strictObject({
    email: emailInput,
    displayName: displayNameInput,
    role: roleInput,
    password: passwordInput,
  }),
  getUser: z.strictObject({ id: idString }),
  listUsers: z.optional(
    z.strictObject({
      role: z.optional(roleInput),
      enabledOnly: z.optional(z.boolean()),
      limit: z.optional(pageLimit),
      after: z.optional(cursor),
    }),
  ),
  updateUser: z.strictObject({ id: idString, ...profileFields }),
  changeRole: z.strictObject({ id: idString, role: roleInput }),
  setDisabled: z.strictObject({ id: idString, disabled: z.boolean() }),
  resetPassword: z.strictObject({ id: idString, newPassword: passwordInput }),
  unlockUser: z.strictObject({ id: idString }),
  resetTwoFactor: z.strictObject({ id: idString }),
};

/**
 * `users.create`: admins create any role; supervisors create technicians and viewers only.
 *
 * @example
 * ```ts
 * await shop.users.create({ email: 'tom@example.com', displayName: 'Tom', role: 'technician', password: 'a long first password' });
 * ```
 */
export const createUser = defineCommand({
  name: 'users.create',
  input: userAdminInputs.createUser,
  run: lazyBody(bodies, 'createUser'),
});

/**
 * `users.get`: one user (admins and supervisors; everyone reads themselves with `users.me`).
 *
 * @example
 * ```ts
 * const tom = await shop.users.get({ id });
 * ```
 */
export const getUser = defineQuery({
  name: 'users.get',
  input: userAdminInputs.getUser,
  run: lazyBody(bodies, 'getUser'),
});

/**
 * `users.list`: users by display name, optionally of one role or only enabled ones; cursor pages.
 *
 * @example
 * ```ts
 * const technicians = await shop.users.list({ role: 'technician', enabledOnly: true });
 * ```
 */
export const listUsers = defineQuery({
  name: 'users.list',
  input: userAdminInputs.listUsers,
  run: lazyBody(bodies, 'listUsers'),
});

/**
 * `users.update` (admin): another user's profile fields.
 *
 * @example
 * ```ts
 * await shop.users.update({ id, displayName: 'Tom B.' });
 * ```
 */
export const updateUser = defineCommand({
  name: 'users.update',
  input: userAdminInputs.updateUser,
  run: lazyBody(bodies, 'updateUser'),
});

/**
 * `users.changeRole` (admin): effective on the user's very next call. The last enabled admin
 * cannot be demoted.
 *
 * @example
 * ```ts
 * await shop.users.changeRole({ id, role: 'supervisor' });
 * ```
 */
export const changeRole = defineCommand({
  name: 'users.changeRole',
  input: userAdminInputs.changeRole,
  run: lazyBody(bodies, 'changeRole'),
});

/**
 * `users.setDisabled` (admin): disabling ends every session of the user at once, and refuses
 * their next call; enabling lets them sign in again. The last enabled admin cannot be disabled.
 *
 * @example
 * ```ts
 * await shop.users.setDisabled({ id, disabled: true });
 * ```
 */
export const setDisabled = defineCommand({
  name: 'users.setDisabled',
  input: userAdminInputs.setDisabled,
  run: lazyBody(bodies, 'setDisabled'),
});

/**
 * `users.resetPassword` (admin): sets a new password (same policy), ends the user's sessions.
 *
 * @example
 * ```ts
 * await shop.users.resetPassword({ id, newPassword: 'temporary but long enough' });
 * ```
 */
export const resetPassword = defineCommand({
  name: 'users.resetPassword',
  input: userAdminInputs.resetPassword,
  run: lazyBody(bodies, 'resetPassword'),
});

/**
 * `users.unlock` (admin): clears the failed-login lockout of a user's email.
 *
 * @example
 * ```ts
 * await shop.users.unlock({ id });
 * ```
 */
export const unlockUser = defineCommand({
  name: 'users.unlock',
  input: userAdminInputs.unlockUser,
  run: lazyBody(bodies, 'unlockUser'),
});

/**
 * `users.resetTwoFactor` (admin): removes a user's TOTP and backup codes (lost phone); they
 * enrol again at next sign-in if their role requires it.
 *
 * @example
 * ```ts
 * await shop.users.resetTwoFactor({ id });
 * ```
 */
export const resetTwoFactor = defineCommand({
  name: 'users.resetTwoFactor',
  input: userAdminInputs.resetTwoFactor,
  run: lazyBody(bodies, 'resetTwoFactor'),
});
