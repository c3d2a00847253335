import type { LockoutState } from '../auth/lockout.js';
import type { Role } from '../domain/principal.js';
import type { CollectionSchema } from '../storage/contract.js';

/**
 * A user of the shop, as every service sees it. No secret lives here: password hash, TOTP seed
 * and backup codes are in {@link Credentials}, so audit diffs of users never carry them.
 *
 * @example
 * ```ts
 * const user: User = { email: 'lea@example.com', displayName: 'Léa Martin', role: 'technician', disabled: false,
 *   twoFactorEnabled: false, passwordChangedAt: '2026-11-26T08:00:00.000Z', lastLoginAt: null };
 * ```
 */
export interface User {
  /** Lowercased, unique. */
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  twoFactorEnabled: boolean;
  passwordChangedAt: string;
  lastLoginAt: string | null;
  /** When the current backup codes were issued (audited, so regenerations show in the log). */
  backupCodesIssuedAt?: string;
  phone?: string;
  locale?: string;
}

/**
 * The `users` collection.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(usersCollection);
 * ```
 */
export const usersCollection: CollectionSchema = {
  name: 'users',
  fields: { email: 'string', role: 'string', disabled: 'boolean', displayName: 'string' },
  unique: [{ fields: ['email'], includeDeleted: true }],
  fullText: ['displayName', 'email'],
};

/**
 * A user's secrets (document id = user id), written only by the auth commands and never
 * returned by any service. `totp.sealed` is the seed encrypted by the `SecretBox`.
 *
 * @example
 * ```ts
 * const creds = await tx.get<Credentials>('credentials', userId);
 * ```
 */
export interface Credentials {
  passwordHash: string;
  totp: { sealed: string; lastStep: number | null } | null;
  /** A seed waiting for its first code (enrolment not yet confirmed). */
  pendingTotp: { sealed: string; startedAt: string } | null;
  /** argon2id hashes of the unused backup codes. */
  backupCodes: string[];
}

/**
 * The `credentials` collection (looked up by id only).
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(credentialsCollection);
 * ```
 */
export const credentialsCollection: CollectionSchema = { name: 'credentials', fields: {} };

/**
 * Failed-login bookkeeping per login name (document id = SHA-256 of the lowercased email),
 * kept for unknown emails too, so a lockout says nothing about whether an account exists.
 *
 * @example
 * ```ts
 * const attempts = await tx.get<LoginAttempts>('loginAttempts', await sha256Hex(email));
 * ```
 */
export type LoginAttempts = LockoutState & { userId: string | null };

/**
 * The `loginAttempts` collection (looked up by id only).
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(loginAttemptsCollection);
 * ```
 */
export const loginAttemptsCollection: CollectionSchema = { name: 'loginAttempts', fields: {} };
