import * as z from 'zod/mini';
import type { SecretVault } from '../crypto/secret-vault.js';
import { type CommandContext, defineCommand, defineQuery } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Session } from '../sessions/session-collections.js';
import { readSettings } from '../settings/settings-service.js';
import type { Doc } from '../storage/contract.js';
import type { Credentials, User } from '../users/user-collections.js';
import { passwordInput } from '../users/user-inputs.js';
import { loadCredentials, loadUser } from '../users/user-writes.js';
import { hashBackupCodes, newBackupCodes } from './backup-codes.js';
import type { PasswordHasher } from './password-hasher.js';
import { qrSvg } from './qr-svg.js';
import { newTotpSecret, totpUrl, verifyTotp } from './totp.js';

const codeInput = z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(20)) });

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
 * What a user sees of their 2FA.
 *
 * @example
 * ```ts
 * const { enabled, backupCodesLeft, required } = await shop.twoFactor.status();
 * ```
 */
export interface TwoFactorStatus {
  enabled: boolean;
  pending: boolean;
  backupCodesLeft: number;
  /** The organisation requires 2FA for this user's role. */
  required: boolean;
}

/**
 * `twoFactor.status`: whether the caller has 2FA, how many backup codes are left, and whether
 * their role requires it.
 *
 * @example
 * ```ts
 * const { enabled, backupCodesLeft } = await shop.twoFactor.status();
 * ```
 */
export const twoFactorStatus = defineQuery({
  name: 'twoFactor.status',
  input: z.optional(z.strictObject({})),
  run: async (ctx): Promise<TwoFactorStatus> => {
    const creds = await ctx.tx.get<Credentials>('credentials', ctx.principal.userId);
    const settings = await readSettings(ctx.tx);
    return {
      enabled: Boolean(creds?.totp),
      pending: Boolean(creds?.pendingTotp),
      backupCodesLeft: creds?.backupCodes.length ?? 0,
      required: settings.twoFactorRequiredRoles.includes(ctx.principal.role),
    };
  },
});

/**
 * `twoFactor.begin`: starts TOTP enrolment: a new seed, kept encrypted (AES-256-GCM under the
 * host key) and inactive until confirmed. Returns the otpauth URL, its QR code (SVG) and the
 * seed for typing by hand. Needs `createEngine({ secrets: { key } })` (`PRECONDITION` otherwise).
 *
 * @example
 * ```ts
 * const { otpauthUrl, qrSvg } = await shop.twoFactor.begin();
 * ```
 */
export const beginTwoFactor = defineCommand({
  name: 'twoFactor.begin',
  input: z.optional(z.strictObject({})),
  run: async (ctx): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> => {
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
  },
});

/**
 * `twoFactor.confirm`: activates the pending seed once the user proves it with a code, and
 * returns 10 backup codes — shown this once, stored hashed. Audited on the user (`twoFactorEnabled`).
 *
 * @example
 * ```ts
 * const { backupCodes } = await shop.twoFactor.confirm({ code: '492039' });
 * ```
 */
export const confirmTwoFactor = defineCommand({
  name: 'twoFactor.confirm',
  input: codeInput,
  run: async (ctx, input): Promise<{ backupCodes: string[] }> => {
    const user = await loadUser(ctx, ctx.principal.userId);
    const creds = await loadCredentials(ctx, user.id);
    if (!creds.pendingTotp)
      throw new EngineError('PRECONDITION', 'start enrolment with twoFactor.begin first');
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
  },
});

/**
 * `twoFactor.disable`: turns 2FA off after the password is proven — refused (`PRECONDITION`)
 * when the organisation requires 2FA for the caller's role. Audited.
 *
 * @example
 * ```ts
 * await shop.twoFactor.disable({ password });
 * ```
 */
export const disableTwoFactor = defineCommand({
  name: 'twoFactor.disable',
  input: z.strictObject({ password: passwordInput }),
  run: async (ctx, input) => {
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
  },
});

/**
 * `twoFactor.regenerateBackupCodes`: replaces every backup code with 10 new ones, after a TOTP
 * code (which it consumes).
 *
 * @example
 * ```ts
 * const { backupCodes } = await shop.twoFactor.regenerateBackupCodes({ code: '492039' });
 * ```
 */
export const regenerateBackupCodes = defineCommand({
  name: 'twoFactor.regenerateBackupCodes',
  input: codeInput,
  run: async (ctx, input): Promise<{ backupCodes: string[] }> => {
    await consumeTotp(ctx, await loadCredentials(ctx, ctx.principal.userId), input.code);
    const creds = await loadCredentials(ctx, ctx.principal.userId);
    const backupCodes = newBackupCodes();
    const hashes = await hashBackupCodes(ctx.get<PasswordHasher>(TOKENS.PasswordHasher), backupCodes);
    await saveCredentials(ctx, creds, { backupCodes: hashes });
    const user = await loadUser(ctx, ctx.principal.userId);
    await ctx.update<User>('users', user, { backupCodesIssuedAt: ctx.now });
    return { backupCodes };
  },
});

/**
 * The 2FA operations, as the `shop.twoFactor` section exposes them.
 *
 * @example
 * ```ts
 * registerOperations(bind, twoFactorOperations);
 * ```
 */
export const twoFactorOperations = {
  status: twoFactorStatus,
  begin: beginTwoFactor,
  confirm: confirmTwoFactor,
  disable: disableTwoFactor,
  regenerateBackupCodes,
};
