import { randomBytes, toBase64Url } from '../crypto/bytes.js';
import type { Principal } from '../domain/principal.js';
import { EngineError } from '../kernel/engine-error.js';
import type { Session } from '../sessions/session-collections.js';
import type { User } from '../users/user-collections.js';
import type { AccessTokens } from './access-tokens.js';

/**
 * What a successful sign-in or refresh gives: the principal for `engine.as`, a short-lived
 * access token (JWT) for hosts that pass identity across a boundary, and the opaque refresh
 * token (keep it secret; it is single use).
 *
 * @example
 * ```ts
 * const { principal, accessToken, refreshToken } = await engine.auth.login({ email, password });
 * ```
 */
export interface LoginResult {
  principal: Principal;
  accessToken: string;
  /** ISO-8601. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  session: { id: string; expiresAt: string };
  /** The organisation requires 2FA for this role and the user has none yet: only enrolment works. */
  twoFactorEnrolmentRequired: boolean;
}

/**
 * Builds the {@link LoginResult} of a session: signs its access token (never outliving the
 * session) and puts the principal, tokens and session facts together.
 *
 * @example
 * ```ts
 * return loginResult(tokens, user, session, refreshToken);
 * ```
 */
export async function loginResult(
  tokens: AccessTokens,
  user: User & { id: string },
  session: Session & { id: string },
  refreshToken: string,
): Promise<LoginResult> {
  const { token, expiresAt } = await tokens.issue({
    userId: user.id,
    role: user.role,
    sessionId: session.id,
    notAfter: Date.parse(session.expiresAt),
  });
  return {
    principal: { userId: user.id, role: user.role, displayName: user.displayName, sessionId: session.id },
    accessToken: token,
    accessTokenExpiresAt: new Date(expiresAt).toISOString(),
    refreshToken,
    session: { id: session.id, expiresAt: session.expiresAt },
    twoFactorEnrolmentRequired: session.mustEnrollTwoFactor,
  };
}

/**
 * The message of each refused refresh.
 *
 * @example
 * ```ts
 * throw new EngineError('UNAUTHENTICATED', refreshRefusal[outcome.reason]);
 * ```
 */
export const refreshRefusal = {
  unknown: 'the refresh token is not valid',
  replayed: 'the refresh token was already used: the session is revoked; sign in again',
  revoked: 'the session was ended; sign in again',
  user_disabled: 'this account is disabled',
  idle_timeout: 'the session expired after inactivity; sign in again',
  absolute_timeout: 'the session reached its maximum length; sign in again',
} as const;

/**
 * A new opaque refresh token: 256 random bits, base64url.
 *
 * @example
 * ```ts
 * const refreshToken = newRefreshToken(); // 43 characters
 * ```
 */
export function newRefreshToken(): string {
  return toBase64Url(randomBytes(32));
}

/**
 * The `LOCKED` error of a locked login name, with the time it may try again.
 *
 * @example
 * ```ts
 * throw lockedError(attempts.lockedUntil);
 * ```
 */
export function lockedError(until: number): EngineError {
  return new EngineError('LOCKED', 'too many failed sign-in attempts; try again later', {
    details: { retryAt: new Date(until).toISOString() },
  });
}
