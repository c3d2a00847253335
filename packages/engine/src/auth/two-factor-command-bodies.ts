import type * as z from 'zod/mini';
import type { SecretVault } from '../crypto/secret-vault.js';
import type { CommandContext, QueryContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Session } from '../sessions/session-collections.js';
import { readSettings } from '../settings/settings-service.js';
import type { Doc } from '../storage/contract.js';
import type { Credentials, User } from '../users/user-collections.js';
import { loadCredentials, loadUser } from '../users/user-writes.js';
import { hashBackupCodes, newBackupCodes } from './backup-codes.js';
import type { PasswordHasher } from './password-hasher.js';
import { qrSvg } from './qr-svg.js';
import { newTotpSecret, totpUrl, verifyTotp } from './totp.js';
import type { TwoFactorStatus, twoFactorInputs } from './two-factor-commands.js';

/** The AAD every sealed seed is bound to: it opens only on its own user's credentials. */
function seedContext(userId: string): string {
  return `credentials/${userId}`;
}

async function saveCredentials(
  ctx: CommandContext,
  creds: Doc<Credentials>,
  next: Partial<Credentials>,
): Promise<void> {
  await ctx.tx.update<Credentials>('credentials', { ...creds, ...next, updatedAt: ctx.now }, creds.rev);
}

/** Checks a TOTP code against the active seed, consuming its step; `UNAUTHENTICATED` if refused. */
async function consumeTotp(ctx: CommandContext, creds: Doc<Credentials>, code: string): Promise<void> {
  if (!creds.totp) throw new EngineError('PRECONDITION', 'two-factor authentication is not enabled');
  const box = await ctx.get<SecretVault>(TOKENS.SecretVault).box();
  const seed = await box.open(creds.totp.sealed, seedContext(creds.id));
  const step = await verifyTotp(seed, code, Date.parse(ctx.now), creds.totp.lastStep);
  if (step === undefined)
    throw new EngineError('UNAUTHENTICATED', 'the code is not valid or was already used');
  await saveCredentials(ctx, creds, { totp: { ...creds.totp, lastStep: step } });
}

/**
 * The body of `twoFactor.status` ({@link twoFactorStatus} in `two-factor-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./two-factor-command-bodies.js')).twoFactorStatus(ctx);
 * ```
 */
export async function twoFactorStatus(ctx: QueryContext): Promise<TwoFactorStatus> {
  const creds = await ctx.tx.get<Credentials>('credentials', ctx.principal.userId);
  const settings = await readSettings(ctx.tx);
  return {
    enabled: Boolean(creds?.totp),
    pending: Boolean(creds?.pendingTotp),
    backupCodesLeft: creds?.backupCodes.length ?? 0,
    required: settings.twoFactorRequiredRoles.includes(ctx.principal.role),
  };
}

/**
 * The body of `twoFactor.begin` ({@link beginTwoFactor} in `two-factor-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./two-factor-command-bodies.js')).beginTwoFactor(ctx);
 * ```
 */
export async function beginTwoFactor(
  ctx: CommandContext,
): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const user = await loadUser(ctx, ctx.principal.userId);
  const creds = await loadCredentials(ctx, user.id);
  if (creds.totp) throw new EngineError('PRECONDITION', 'two-factor authentication is already enabled');
  const box = await ctx.get<SecretVault>(TOKENS.SecretVault).box();
  const secret = await newTotpSecret();
  await saveCredentials(ctx, creds, {
    pendingTotp: { sealed: await box.seal(secret, seedContext(user.id)), startedAt: ctx.now },
  });
  const otpauthUrl = await totpUrl(secret, {
    issuer: (await readSettings(ctx.tx)).name,
    account: user.email,
  });
  return { secret, otpauthUrl, qrSvg: await qrSvg(otpauthUrl) };
}

/**
 * The body of `twoFactor.confirm` ({@link confirmTwoFactor} in `two-factor-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./two-factor-command-bodies.js')).confirmTwoFactor(ctx, input);
 * ```
 */
export async function confirmTwoFactor(
  ctx: CommandContext,
  input: z.output<typeof twoFactorInputs.confirmTwoFactor>,
): Promise<{ backupCodes: string[] }> {
  const user = await loadUser(ctx, ctx.principal.userId);
  const creds = await loadCredentials(ctx, user.id);
  if (!creds.pendingTotp) throw new EngineError('PRECONDITION', 'start enrolment with twoFactor.begin first');
  const box = await ctx.get<SecretVault>(TOKENS.SecretVault).box();
  const seed = await box.open(creds.pendingTotp.sealed, seedContext(user.id));
  const step = await verifyTotp(seed, input.code, Date.parse(ctx.now), null);
  if (step === undefined)
    throw new EngineError('UNAUTHENTICATED', 'the code is not valid; check the device clock');
  const backupCodes = newBackupCodes();
  const hashes = await hashBackupCodes(ctx.get<PasswordHasher>(TOKENS.PasswordHasher), backupCodes);
  await saveCredentials(ctx, creds, {
    totp: { sealed: creds.pendingTotp.sealed, lastStep: step },
    pendingTotp: null,
    backupCodes: hashes,
  });
  await ctx.update<User>('users', user, { twoFactorEnabled: true, backupCodesIssuedAt: ctx.now });
  const restricted = await ctx.tx.find<Session>('sessions', {
    where: { userId: user.id, revokedAt: { isNull: true } },
    limit: 1000,
  });
  for (const session of restricted.items.filter((s) => s.mustEnrollTwoFactor)) {
    await ctx.tx.update<Session>(
      'sessions',
      { ...session, mustEnrollTwoFactor: false, updatedAt: ctx.now },
      session.rev,
    );
  }
  ctx.emit('user.changed', { id: user.id, fields: ['twoFactor'], by: user.id, at: ctx.now });
  return { backupCodes };
}

/**
 * The body of `twoFactor.disable` ({@link disableTwoFactor} in `two-factor-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./two-factor-command-bodies.js')).disableTwoFactor(ctx, input);
 * ```
 */
export async function disableTwoFactor(
  ctx: CommandContext,
  input: z.output<typeof twoFactorInputs.disableTwoFactor>,
) {
  const user = await loadUser(ctx, ctx.principal.userId);
  if ((await readSettings(ctx.tx)).twoFactorRequiredRoles.includes(user.role)) {
    throw new EngineError(
      'PRECONDITION',
      `the organisation requires two-factor authentication for ${user.role}s`,
    );
  }
  const creds = await loadCredentials(ctx, user.id);
  if (!(await ctx.get<PasswordHasher>(TOKENS.PasswordHasher).verify(creds.passwordHash, input.password))) {
    throw new EngineError('UNAUTHENTICATED', 'the password is not correct');
  }
  await saveCredentials(ctx, creds, { totp: null, pendingTotp: null, backupCodes: [] });
  const updated = await ctx.update<User>('users', user, { twoFactorEnabled: false });
  ctx.emit('user.changed', { id: user.id, fields: ['twoFactor'], by: user.id, at: ctx.now });
  return updated;
}

/**
 * The body of `twoFactor.regenerateBackupCodes` ({@link regenerateBackupCodes} in `two-factor-commands.ts`), loaded on its first call.
 *
 * @example
 * ```ts
 * const result = await (await import('./two-factor-command-bodies.js')).regenerateBackupCodes(ctx, input);
 * ```
 */
export async function regenerateBackupCodes(
  ctx: CommandContext,
  input: z.output<typeof twoFactorInputs.regenerateBackupCodes>,
): Promise<{ backupCodes: string[] }> {
  await consumeTotp(ctx, await loadCredentials(ctx, ctx.principal.userId), input.code);
  const creds = await loadCredentials(ctx, ctx.principal.userId);
  const backupCodes = newBackupCodes();
  const hashes = await hashBackupCodes(ctx.get<PasswordHasher>(TOKENS.PasswordHasher), backupCodes);
  await saveCredentials(ctx, creds, { backupCodes: hashes });
  const user = await loadUser(ctx, ctx.principal.userId);
  await ctx.update<User>('users', user, { backupCodesIssuedAt: ctx.now });
  return { backupCodes };
}
