import { randomBytes } from '../crypto/bytes.js';
import { ROLES, type Role } from '../domain/principal.js';
import type { Clock } from '../kernel/clock.js';
import { EngineError } from '../kernel/engine-error.js';
import type { IdGenerator } from '../kernel/ids.js';
import { lazyModule } from '../kernel/lazy-module.js';

/** jose is fetched when the first token is issued or verified (at sign-in), not at start. */
const jose = lazyModule('access-token library (jose)', () => import('./jwt-library.js'));

/**
 * The only JWS algorithm signed and accepted: HMAC-SHA-256 under the host's key.
 *
 * @example
 * ```ts
 * ACCESS_TOKEN_ALGORITHMS.includes('HS256'); // true; 'none', 'RS256', 'HS512' are refused
 * ```
 */
export const ACCESS_TOKEN_ALGORITHMS = ['HS256'] as const;

/**
 * How access tokens are made. `key` is the host's HS256 secret (at least 32 bytes); without one
 * the engine draws a random key at start, so tokens do not outlive the engine (refresh tokens do).
 *
 * @example
 * ```ts
 * const config: AccessTokenConfig = { key: hostKey, issuer: 'rpma', audience: 'rpma-shop', ttlSeconds: 300 };
 * ```
 */
export interface AccessTokenConfig {
  key?: Uint8Array;
  issuer?: string;
  audience?: string;
  /** Lifetime in seconds; default 300 (5 minutes). */
  ttlSeconds?: number;
}

/**
 * What a verified access token says.
 *
 * @example
 * ```ts
 * const { userId, sessionId, expiresAt } = await tokens.verify(accessToken);
 * ```
 */
export interface AccessClaims {
  userId: string;
  role: Role;
  sessionId: string;
  tokenId: string;
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}

/**
 * Signs and verifies access tokens (JWT through jose). Verification pins the algorithm list,
 * the issuer and audience, requires `exp`, `nbf`, `iat`, `jti`, `sub` and `sid`, and takes the
 * current time from the engine's clock. Every refusal is `EngineError('UNAUTHENTICATED')`.
 *
 * @example
 * ```ts
 * const tokens = new AccessTokens({ key }, clock, ids);
 * const { token } = await tokens.issue({ userId: 'u-1', role: 'admin', sessionId: 's-1' });
 * const claims = await tokens.verify(token);
 * ```
 */
export class AccessTokens {
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  private readonly key: Uint8Array<ArrayBuffer>;

  constructor(
    config: AccessTokenConfig,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    if (config.key !== undefined && config.key.length < 32) {
      throw new EngineError('VALIDATION', 'the access-token key must be at least 32 bytes');
    }
    this.key = config.key ? new Uint8Array(config.key) : randomBytes(32);
    this.issuer = config.issuer ?? 'rpma-engine';
    this.audience = config.audience ?? 'rpma';
    this.ttlSeconds = config.ttlSeconds ?? 300;
  }

  /** Signs a token for a session, valid from now for `ttlSeconds` (never past `notAfter`, ms). */
  async issue(subject: {
    userId: string;
    role: Role;
    sessionId: string;
    notAfter?: number;
  }): Promise<{ token: string; expiresAt: number }> {
    const now = Math.floor(this.clock.now() / 1000);
    const cap =
      subject.notAfter === undefined ? Number.POSITIVE_INFINITY : Math.floor(subject.notAfter / 1000);
    const exp = Math.min(now + this.ttlSeconds, cap);
    const { SignJWT } = await jose();
    const token = await new SignJWT({ role: subject.role, sid: subject.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(subject.userId)
      .setJti(this.ids.next())
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: exp * 1000 };
  }

  /** Verifies signature, algorithm, issuer, audience and times; returns the claims. */
  async verify(token: string): Promise<AccessClaims> {
    const { jwtVerify } = await jose();
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [...ACCESS_TOKEN_ALGORITHMS],
        issuer: this.issuer,
        audience: this.audience,
        currentDate: new Date(this.clock.now()),
        requiredClaims: ['exp', 'nbf', 'iat', 'jti', 'sub', 'sid'],
        typ: 'JWT',
      }));
    } catch (cause) {
      throw new EngineError('UNAUTHENTICATED', 'the access token is not valid', { cause });
    }
    const { sub, sid, jti, role, exp } = payload;
    if (
      typeof sub !== 'string' ||
      typeof sid !== 'string' ||
      typeof jti !== 'string' ||
      typeof exp !== 'number' ||
      !ROLES.includes(role as Role)
    ) {
      throw new EngineError('UNAUTHENTICATED', 'the access token is not valid');
    }
    return { userId: sub, role: role as Role, sessionId: sid, tokenId: jti, expiresAt: exp * 1000 };
  }
}
