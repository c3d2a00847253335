import * as z from 'zod/mini';
import { PASSWORD_MAX } from '../auth/password-policy.js';
import { ROLES, type Role } from '../domain/principal.js';

/**
 * An email address as a login name: trimmed, lowercased, at most 254 characters.
 *
 * @example
 * ```ts
 * z.object({ email: emailInput });
 * ```
 */
export const emailInput = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(254),
    z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an email address like lea@example.com'),
  );

/**
 * A password as typed: the policy (length, common list) is checked by the command, which knows
 * the email; this only bounds the input. Four bytes per code point at most, so 4 × the policy cap.
 *
 * @example
 * ```ts
 * z.strictObject({ password: passwordInput });
 * ```
 */
export const passwordInput = z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX * 4));

/**
 * A role name.
 *
 * @example
 * ```ts
 * z.strictObject({ role: roleInput });
 * ```
 */
export const roleInput = z.enum(ROLES as unknown as [Role, ...Role[]]);

/**
 * A display name: trimmed, 1–200 characters.
 *
 * @example
 * ```ts
 * z.strictObject({ displayName: displayNameInput });
 * ```
 */
export const displayNameInput = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/**
 * Optional profile fields everyone may edit on their own account.
 *
 * @example
 * ```ts
 * z.strictObject({ id: idString, ...profileFields });
 * ```
 */
export const profileFields = {
  displayName: z.optional(displayNameInput),
  phone: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  locale: z.optional(
    z.string().check(z.regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a locale like fr or fr-FR')),
  ),
};
