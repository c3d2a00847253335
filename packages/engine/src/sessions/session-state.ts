import type { Doc } from '../storage/contract.js';
import type { User } from '../users/user-collections.js';
import type { Session } from './session-collections.js';

/**
 * Session timeouts as the organisation settings hold them.
 *
 * @example
 * ```ts
 * const timeouts: SessionTimeouts = { idleMinutes: 30, absoluteHours: 12 };
 * ```
 */
export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

/**
 * Why a session cannot be used, or `undefined` when it can.
 *
 * @example
 * ```ts
 * if (problem === 'idle_timeout') showSignIn('You were signed out after inactivity');
 * ```
 */
export type SessionProblem = 'unknown' | 'revoked' | 'user_disabled' | 'idle_timeout' | 'absolute_timeout';

/**
 * Decides whether a session may be used at `now` (ms): it exists and belongs to `userId`, is not
 * revoked, its user is enabled, and neither the idle timeout (since `lastSeenAt`) nor the
 * absolute one (since `startedAt`, capped by the `expiresAt` set at login) has passed. The
 * timeouts are read from the current settings, so shortening them applies to open sessions.
 *
 * @example
 * ```ts
 * const problem = sessionProblem(session, user, userId, settings.sessions, clock.now());
 * if (problem) throw new EngineError('UNAUTHENTICATED', `session ${problem}`);
 * ```
 */
export function sessionProblem(
  session: Doc<Session> | undefined,
  user: Doc<User> | undefined,
  userId: string,
  timeouts: SessionTimeouts,
  now: number,
): SessionProblem | undefined {
  if (!session || session.userId !== userId) return 'unknown';
  if (session.revokedAt !== null) {
    const reason = session.endReason;
    return reason === 'idle_timeout' || reason === 'absolute_timeout' || reason === 'user_disabled'
      ? reason
      : 'revoked';
  }
  if (!user || user.deletedAt !== null || user.disabled) return 'user_disabled';
  const absoluteEnd = Math.min(
    Date.parse(session.expiresAt),
    Date.parse(session.startedAt) + timeouts.absoluteHours * 3_600_000,
  );
  if (now >= absoluteEnd) return 'absolute_timeout';
  if (now >= Date.parse(session.lastSeenAt) + timeouts.idleMinutes * 60_000) return 'idle_timeout';
  return undefined;
}

/**
 * The message of `UNAUTHENTICATED` for a session problem.
 *
 * @example
 * ```ts
 * sessionProblemMessage('idle_timeout'); // 'the session expired after inactivity; sign in again'
 * ```
 */
export function sessionProblemMessage(problem: SessionProblem): string {
  switch (problem) {
    case 'unknown':
      return 'no such session; sign in again';
    case 'revoked':
      return 'the session was ended; sign in again';
    case 'user_disabled':
      return 'this account is disabled';
    case 'idle_timeout':
      return 'the session expired after inactivity; sign in again';
    case 'absolute_timeout':
      return 'the session reached its maximum length; sign in again';
  }
}
