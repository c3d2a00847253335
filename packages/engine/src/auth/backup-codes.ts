import { randomBytes } from '../crypto/bytes.js';
import type { PasswordHasher } from './password-hasher.js';

/**
 * How many backup codes an enrolment hands out.
 *
 * @example
 * ```ts
 * newBackupCodes().length === BACKUP_CODE_COUNT; // true
 * ```
 */
export const BACKUP_CODE_COUNT = 10;

// 32 symbols, without the look-alikes 0/o and 1/l: 5 bits a character, 50 bits a code.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * Ten fresh one-time backup codes, like `k7mq2-xw9ra`, shown to the user once.
 *
 * @example
 * ```ts
 * const codes = newBackupCodes(); // ['k7mq2-xw9ra', …] (10)
 * ```
 */
export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((byte) => ALPHABET[byte & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/**
 * The canonical form of a typed backup code: lowercase, without spaces or dashes.
 *
 * @example
 * ```ts
 * normalizeBackupCode(' K7MQ2 XW9RA '); // 'k7mq2xw9ra'
 * ```
 */
export function normalizeBackupCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * Hashes each code (argon2id with its own salt: a code has 50 bits, short of the 112 bits ASVS
 * V6.5.2 asks before a plain hash would do).
 *
 * @example
 * ```ts
 * const stored = await hashBackupCodes(hasher, codes);
 * ```
 */
export function hashBackupCodes(hasher: PasswordHasher, codes: readonly string[]): Promise<string[]> {
  return Promise.all(codes.map((code) => hasher.hash(normalizeBackupCode(code))));
}

/**
 * The index in `hashes` of the code matching `code`, or -1. Every hash is checked, so the work
 * does not depend on which one matches.
 *
 * @example
 * ```ts
 * const used = await matchBackupCode(hasher, credentials.backupCodes, input.backupCode);
 * if (used >= 0) credentials.backupCodes.splice(used, 1); // single use
 * ```
 */
export async function matchBackupCode(
  hasher: PasswordHasher,
  hashes: readonly string[],
  code: string,
): Promise<number> {
  const normalized = normalizeBackupCode(code);
  if (!/^[a-z0-9]{10}$/.test(normalized)) return -1;
  let found = -1;
  for (const [index, hash] of hashes.entries()) {
    if ((await hasher.verify(hash, normalized)) && found === -1) found = index;
  }
  return found;
}
