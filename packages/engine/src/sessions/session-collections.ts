import type { CollectionSchema } from '../storage/contract.js';

/**
 * Why a session ended.
 *
 * @example
 * ```ts
 * session.endReason === 'refresh_reuse'; // a stolen refresh token was replayed
 * ```
 */
export type SessionEnd =
  | 'logout'
  | 'revoked'
  | 'refresh_reuse'
  | 'idle_timeout'
  | 'absolute_timeout'
  | 'user_disabled';

/**
 * A login session: one refresh-token family. `expiresAt` is the absolute timeout, `lastSeenAt`
 * feeds the idle timeout, `revokedAt` ends it at once.
 *
 * @example
 * ```ts
 * const open = session.revokedAt === null && session.expiresAt > now;
 * ```
 */
export interface Session {
  userId: string;
  startedAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  endReason: SessionEnd | null;
  /** True while the organisation requires 2FA for the user's role and they have not enrolled. */
  mustEnrollTwoFactor: boolean;
  /** What the host says about the device (user agent, app name), for the session list. */
  device: string | null;
}

/**
 * The `sessions` collection.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(sessionsCollection);
 * ```
 */
export const sessionsCollection: CollectionSchema = {
  name: 'sessions',
  fields: { userId: 'string', revokedAt: 'date', expiresAt: 'date', startedAt: 'date' },
  indexes: [['userId', 'startedAt']],
};

/**
 * One issued refresh token (document id = SHA-256 of the token; the token itself is never
 * stored). `usedAt` is set when it is exchanged: presenting it again is a replay.
 *
 * @example
 * ```ts
 * const token = await tx.get<RefreshToken>('refreshTokens', await sha256Hex(presented));
 * ```
 */
export interface RefreshToken {
  sessionId: string;
  usedAt: string | null;
}

/**
 * The `refreshTokens` collection.
 *
 * @example
 * ```ts
 * bind(TOKENS.Collections).toConstantValue(refreshTokensCollection);
 * ```
 */
export const refreshTokensCollection: CollectionSchema = {
  name: 'refreshTokens',
  fields: { sessionId: 'string' },
};
