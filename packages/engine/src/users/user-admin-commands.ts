import * as z from 'zod/mini';
import type { PasswordHasher } from '../auth/password-hasher.js';
import { assertAcceptablePassword } from '../auth/password-policy.js';
import { sha256Hex } from '../crypto/bytes.js';
import { type CommandContext, defineCommand, defineQuery } from '../domain/command.js';
import { roleAtLeast } from '../domain/principal.js';
import { cursor, idString, pageLimit } from '../domain/schemas.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Doc, Page } from '../storage/contract.js';
import type { Credentials, LoginAttempts, User } from './user-collections.js';
import { displayNameInput, emailInput, passwordInput, profileFields, roleInput } from './user-inputs.js';
import { endSessions, keepOneAdmin, loadCredentials, loadUser } from './user-writes.js';

/**
 * Creates a user with its credentials (used by `users.create` and the first-admin bootstrap).
 *
 * @example
 * ```ts
 * const user = await insertUser(ctx, { email, displayName, role: 'admin', password });
 * ```
 */
export async function insertUser(
  ctx: CommandContext,
  input: { email: string; displayName: string; role: User['role']; password: string; id?: string },
): Promise<Doc<User>> {
  assertAcceptablePassword(input.password, { email: input.email });
  if ((await ctx.tx.count('users', { email: input.email }, 'all')) > 0) {
    throw new EngineError('CONFLICT', `a user with the email ${input.email} already exists`, {
      details: { field: 'email' },
    });
  }
  const passwordHash = await ctx.get<PasswordHasher>(TOKENS.PasswordHasher).hash(input.password);
  const user = await ctx.insert<User>('users', {
    ...(input.id ? { id: input.id } : {}),
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    disabled: false,
    twoFactorEnabled: false,
    passwordChangedAt: ctx.now,
    lastLoginAt: null,
  });
  await ctx.tx.insert<Credentials>('credentials', {
    id: user.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    passwordHash,
    totp: null,
    pendingTotp: null,
    backupCodes: [],
  });
  ctx.emit('user.changed', { id: user.id, fields: ['created'], by: ctx.principal.userId, at: ctx.now });
  return user;
}

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
  input: z.strictObject({
    email: emailInput,
    displayName: displayNameInput,
    role: roleInput,
    password: passwordInput,
  }),
  run: async (ctx, input) => {
    if (ctx.principal.role !== 'admin' && roleAtLeast(input.role, 'supervisor')) {
      throw new EngineError('FORBIDDEN', 'only an admin may create admins and supervisors', {
        details: { role: input.role },
      });
    }
    return insertUser(ctx, input);
  },
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
  input: z.strictObject({ id: idString }),
  run: (ctx, input) => loadUser(ctx, input.id),
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
  input: z.optional(
    z.strictObject({
      role: z.optional(roleInput),
      enabledOnly: z.optional(z.boolean()),
      limit: z.optional(pageLimit),
      after: z.optional(cursor),
    }),
  ),
  run: (ctx, input): Promise<Page<Doc<User>>> =>
    ctx.tx.find<User>('users', {
      where: {
        ...(input?.role ? { role: input.role } : {}),
        ...(input?.enabledOnly ? { disabled: false } : {}),
      },
      orderBy: [{ field: 'displayName' }],
      limit: input?.limit ?? 100,
      ...(input?.after ? { after: input.after } : {}),
    }),
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
  input: z.strictObject({ id: idString, ...profileFields }),
  run: async (ctx, { id, ...patch }) => {
    const user = await ctx.update<User>('users', await loadUser(ctx, id), patch);
    ctx.emit('user.changed', { id, fields: Object.keys(patch), by: ctx.principal.userId, at: ctx.now });
    return user;
  },
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
  input: z.strictObject({ id: idString, role: roleInput }),
  run: async (ctx, input) => {
    const user = await loadUser(ctx, input.id);
    if (user.role === input.role) return user;
    if (input.role !== 'admin') await keepOneAdmin(ctx, user);
    const updated = await ctx.update<User>('users', user, { role: input.role });
    ctx.emit('user.changed', { id: user.id, fields: ['role'], by: ctx.principal.userId, at: ctx.now });
    return updated;
  },
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
  input: z.strictObject({ id: idString, disabled: z.boolean() }),
  run: async (ctx, input) => {
    const user = await loadUser(ctx, input.id);
    if (user.disabled === input.disabled) return user;
    if (input.disabled) {
      await keepOneAdmin(ctx, user);
      await endSessions(ctx, user.id, 'user_disabled');
    }
    const updated = await ctx.update<User>('users', user, { disabled: input.disabled });
    ctx.emit('user.changed', { id: user.id, fields: ['disabled'], by: ctx.principal.userId, at: ctx.now });
    return updated;
  },
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
  input: z.strictObject({ id: idString, newPassword: passwordInput }),
  run: async (ctx, input): Promise<{ sessionsEnded: number }> => {
    const user = await loadUser(ctx, input.id);
    assertAcceptablePassword(input.newPassword, { email: user.email }, 'newPassword');
    const creds = await loadCredentials(ctx, user.id);
    const passwordHash = await ctx.get<PasswordHasher>(TOKENS.PasswordHasher).hash(input.newPassword);
    await ctx.tx.update<Credentials>(
      'credentials',
      { ...creds, passwordHash, updatedAt: ctx.now },
      creds.rev,
    );
    await ctx.update<User>('users', user, { passwordChangedAt: ctx.now });
    ctx.emit('user.changed', { id: user.id, fields: ['password'], by: ctx.principal.userId, at: ctx.now });
    return { sessionsEnded: await endSessions(ctx, user.id, 'revoked') };
  },
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
  input: z.strictObject({ id: idString }),
  run: async (ctx, input): Promise<{ wasLocked: boolean }> => {
    const user = await loadUser(ctx, input.id);
    const attempts = await ctx.tx.get<LoginAttempts>('loginAttempts', await sha256Hex(user.email));
    if (!attempts) return { wasLocked: false };
    const wasLocked = attempts.lockedUntil !== null && attempts.lockedUntil > Date.parse(ctx.now);
    await ctx.update<LoginAttempts>('loginAttempts', attempts, {
      failures: [],
      lockedUntil: null,
      locks: [],
    });
    return { wasLocked };
  },
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
  input: z.strictObject({ id: idString }),
  run: async (ctx, input) => {
    const user = await loadUser(ctx, input.id);
    const creds = await loadCredentials(ctx, user.id);
    await ctx.tx.update<Credentials>(
      'credentials',
      { ...creds, totp: null, pendingTotp: null, backupCodes: [], updatedAt: ctx.now },
      creds.rev,
    );
    const updated = await ctx.update<User>('users', user, { twoFactorEnabled: false });
    ctx.emit('user.changed', { id: user.id, fields: ['twoFactor'], by: ctx.principal.userId, at: ctx.now });
    return updated;
  },
});
