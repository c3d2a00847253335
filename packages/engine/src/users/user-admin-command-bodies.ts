import type * as z from 'zod/mini';
import type { PasswordHasher } from '../auth/password-hasher.js';
import { assertAcceptablePassword } from '../auth/password-policy.js';
import { sha256Hex } from '../crypto/bytes.js';
import type { CommandContext, QueryContext } from '../domain/command.js';
import { roleAtLeast } from '../domain/principal.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Doc, Page } from '../storage/contract.js';
import type { userAdminInputs } from './user-admin-commands.js';
import type { Credentials, LoginAttempts, User } from './user-collections.js';
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
 * The body of `users.create` ({@link createUser} in `user-admin-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-admin-command-bodies.js')).createUser(ctx, input);
 * ```
 */
export async function createUser(ctx: CommandContext, input: z.output<typeof userAdminInputs.createUser>) {
  if (ctx.principal.role !== 'admin' && roleAtLeast(input.role, 'supervisor')) {
    throw new EngineError('FORBIDDEN', 'only an admin may create admins and supervisors', {
      details: { role: input.role },
    });
  }
  return insertUser(ctx, input);
}

/**
 * The body of `users.get` ({@link getUser} in `user-admin-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-admin-command-bodies.js')).getUser(ctx, input);
 * ```
 */
export async function getUser(ctx: QueryContext, input: z.output<typeof userAdminInputs.getUser>) {
  return loadUser(ctx, input.id);
}

/**
 * The body of `users.list` ({@link listUsers} in `user-admin-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-admin-command-bodies.js')).listUsers(ctx, input);
 * ```
 */
export async function listUsers(
  ctx: QueryContext,
  input: z.output<typeof userAdminInputs.listUsers>,
): Promise<Page<Doc<User>>> {
  return ctx.tx.find<User>('users', {
    where: {
      ...(input?.role ? { role: input.role } : {}),
      ...(input?.enabledOnly ? { disabled: false } : {}),
    },
    orderBy: [{ field: 'displayName' }],
    limit: input?.limit ?? 100,
    ...(input?.after ? { after: input.after } : {}),
  });
}

/**
 * The body of `users.update` ({@link updateUser} in `user-admin-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-admin-command-bodies.js')).updateUser(ctx, input);
 * ```
 */
export async function updateUser(
  ctx: CommandContext,
  { id, ...patch }: z.output<typeof userAdminInputs.updateUser>,
) {
  const user = await ctx.update<User>('users', await loadUser(ctx, id), patch);
  ctx.emit('user.changed', { id, fields: Object.keys(patch), by: ctx.principal.userId, at: ctx.now });
  return user;
}

/**
 * The body of `users.changeRole` ({@link changeRole} in `user-admin-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-admin-command-bodies.js')).changeRole(ctx, input);
 * ```
 */
export async function changeRole(ctx: CommandContext, input: z.output<typeof userAdminInputs.changeRole>) {
  const user = await loadUser(ctx, input.id);
  if (user.role === input.role) return user;
  if (input.role !== 'admin') await keepOneAdmin(ctx, user);
  const updated = await ctx.update<User>('users', user, { role: input.role });
  ctx.emit('user.changed', { id: user.id, fields: ['role'], by: ctx.principal.userId, at: ctx.now });
  return updated;
}

/**
 * The body of `users.setDisabled` ({@link setDisabled} in `user-admin-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-admin-command-bodies.js')).setDisabled(ctx, input);
 * ```
 */
export async function setDisabled(ctx: CommandContext, input: z.output<typeof userAdminInputs.setDisabled>) {
  const user = await loadUser(ctx, input.id);
  if (user.disabled === input.disabled) return user;
  if (input.disabled) {
    await keepOneAdmin(ctx, user);
    await endSessions(ctx, user.id, 'user_disabled');
  }
  const updated = await ctx.update<User>('users', user, { disabled: input.disabled });
  ctx.emit('user.changed', { id: user.id, fields: ['disabled'], by: ctx.principal.userId, at: ctx.now });
  return updated;
}

/**
 * The body of `users.resetPassword` ({@link resetPassword} in `user-admin-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-admin-command-bodies.js')).resetPassword(ctx, input);
 * ```
 */
export async function resetPassword(
  ctx: CommandContext,
  input: z.output<typeof userAdminInputs.resetPassword>,
): Promise<{ sessionsEnded: number }> {
  const user = await loadUser(ctx, input.id);
  assertAcceptablePassword(input.newPassword, { email: user.email }, 'newPassword');
  const creds = await loadCredentials(ctx, user.id);
  const passwordHash = await ctx.get<PasswordHasher>(TOKENS.PasswordHasher).hash(input.newPassword);
  await ctx.tx.update<Credentials>('credentials', { ...creds, passwordHash, updatedAt: ctx.now }, creds.rev);
  await ctx.update<User>('users', user, { passwordChangedAt: ctx.now });
  ctx.emit('user.changed', { id: user.id, fields: ['password'], by: ctx.principal.userId, at: ctx.now });
  return { sessionsEnded: await endSessions(ctx, user.id, 'revoked') };
}

/**
 * The body of `users.unlock` ({@link unlockUser} in `user-admin-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-admin-command-bodies.js')).unlockUser(ctx, input);
 * ```
 */
export async function unlockUser(
  ctx: CommandContext,
  input: z.output<typeof userAdminInputs.unlockUser>,
): Promise<{ wasLocked: boolean }> {
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
}

/**
 * The body of `users.resetTwoFactor` ({@link resetTwoFactor} in `user-admin-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./user-admin-command-bodies.js')).resetTwoFactor(ctx, input);
 * ```
 */
export async function resetTwoFactor(
  ctx: CommandContext,
  input: z.output<typeof userAdminInputs.resetTwoFactor>,
) {
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
}
