import * as z from 'zod/mini';
import { defineCommand, defineQuery } from '../domain/command.js';
import { lazyBody } from '../domain/lazy-body.js';
import { lazyModule } from '../kernel/lazy-module.js';
import { passwordInput } from '../users/user-inputs.js';

const bodies = lazyModule('account commands', () => import('./account-bodies.js'));

const codeInput = z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(20)) });

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
 * The input schemas of the operations of this file (their bodies, in `two-factor-command-bodies.ts`, are typed by them).
 *
 * @example
 * ```ts
 * const input: z.output<typeof twoFactorInputs.twoFactorStatus> = parseInput(twoFactorInputs.twoFactorStatus, raw, 'twoFactor.status');
 * ```
 */
export const twoFactorInputs = {
  twoFactorStatus: z.optional(z.strictObject({})),
  beginTwoFactor: z.optional(z.strictObject({})),
  confirmTwoFactor: codeInput,
  disableTwoFactor: z.strictObject({ password: passwordInput }),
  regenerateBackupCodes: codeInput,
};

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
  input: twoFactorInputs.twoFactorStatus,
  run: lazyBody(bodies, 'twoFactorStatus'),
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
  input: twoFactorInputs.beginTwoFactor,
  run: lazyBody(bodies, 'beginTwoFactor'),
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
  input: twoFactorInputs.confirmTwoFactor,
  run: lazyBody(bodies, 'confirmTwoFactor'),
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
  input: twoFactorInputs.disableTwoFactor,
  run: lazyBody(bodies, 'disableTwoFactor'),
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
  input: twoFactorInputs.regenerateBackupCodes,
  run: lazyBody(bodies, 'regenerateBackupCodes'),
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
