import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '../common-passwords.js';
import { assertAcceptablePassword, PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../password-policy.js';

describe('password policy', () => {
  it('draws the length edges at 8 and 256 code points', () => {
    expect(passwordProblem('x7#kQ2a')).toBe('at least 8 characters');
    expect(passwordProblem('x7#kQ2ab')).toBeUndefined();
    expect(passwordProblem('🛡️🛡️🛡️🛡️')).toBeUndefined(); // 8 code points
    expect(passwordProblem('q'.repeat(64))).toBeUndefined();
    expect(passwordProblem('q'.repeat(PASSWORD_MAX))).toBeUndefined();
    expect(passwordProblem('q'.repeat(PASSWORD_MAX + 1))).toBe('at most 256 characters');
  });

  it('has no composition rules: any long-enough uncommon text is accepted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: PASSWORD_MIN, maxLength: 80 }), (pw) => {
        fc.pre([...pw].length >= PASSWORD_MIN && [...pw].length <= PASSWORD_MAX && !isCommonPassword(pw));
        expect(passwordProblem(pw)).toBeUndefined();
      }),
    );
  });

  it('refuses common passwords whatever their case, and the account email', () => {
    expect(passwordProblem('Password1')).toMatch(/too common/);
    expect(passwordProblem(' QWERTYUIOP ')).toMatch(/too common/);
    expect(passwordProblem('lea.martin@example.com', { email: 'Lea.Martin@example.com' })).toMatch(/email/);
    expect(passwordProblem('lea.martin', { email: 'lea.martin@example.com' })).toMatch(/email/);
  });

  it('reports a refusal as VALIDATION with the field path', () => {
    expect(() => assertAcceptablePassword('short', {}, 'newPassword')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: {
          issues: [{ path: 'newPassword', message: 'at least 8 characters', code: 'password_policy' }],
        },
      }),
    );
  });
});
