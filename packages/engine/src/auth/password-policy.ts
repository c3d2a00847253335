import { EngineError } from '../kernel/engine-error.js';
import { isCommonPassword } from './common-passwords.js';

/**
 * Shortest accepted password, in characters (code points). 12+ is suggested in the UI.
 *
 * @example
 * ```ts
 * input.minLength = PASSWORD_MIN;
 * ```
 */
export const PASSWORD_MIN = 8;
/**
 * Longest accepted password: well past the 64 ASVS asks for, bounded so argon2 input stays small.
 *
 * @example
 * ```ts
 * input.maxLength = PASSWORD_MAX;
 * ```
 */
export const PASSWORD_MAX = 256;

/**
 * Why a password is refused, or undefined when it is acceptable. Rules (ASVS 5.0 V6.2, NIST
 * 800-63B): 8 to 256 characters counted as code points, no composition rules, not on the
 * common-password list, not the account's own email or its local part.
 *
 * @example
 * ```ts
 * passwordProblem('short'); // 'at least 8 characters'
 * passwordProblem('correct horse battery staple'); // undefined
 * ```
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `at most ${PASSWORD_MAX} characters`;
  if (isCommonPassword(password)) return 'too common: it appears on lists of breached passwords';
  const email = context.email?.trim().toLowerCase();
  const lowered = password.trim().toLowerCase();
  if (email && (lowered === email || lowered === email.split('@')[0])) return 'must not be the email address';
  return undefined;
}

/**
 * Throws `EngineError('VALIDATION')` with `details.issues` at `field` when the password is refused.
 *
 * @example
 * ```ts
 * assertAcceptablePassword(input.password, { email: input.email });
 * ```
 */
export function assertAcceptablePassword(
  password: string,
  context: { email?: string } = {},
  field = 'password',
): void {
  const problem = passwordProblem(password, context);
  if (problem === undefined) return;
  throw new EngineError('VALIDATION', `invalid password: ${problem}`, {
    details: { issues: [{ path: field, message: problem, code: 'password_policy' }] },
  });
}
