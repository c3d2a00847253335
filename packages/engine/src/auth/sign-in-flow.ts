import { sha256Hex } from '../crypto/bytes.js';
import type { SecretVault } from '../crypto/secret-vault.js';
import type { CommandRunner } from '../domain/command-runner.js';
import type { Principal } from '../domain/principal.js';
import type { Clock } from '../kernel/clock.js';
import { EngineError } from '../kernel/engine-error.js';
import type { IdGenerator } from '../kernel/ids.js';
import type { RefreshToken, Session } from '../sessions/session-collections.js';
import { readSettings } from '../settings/settings-service.js';
import type { StorageAdapter } from '../storage/contract.js';
import type { Credentials, LoginAttempts, User } from '../users/user-collections.js';
import type { AccessTokens } from './access-tokens.js';
import { matchBackupCode } from './backup-codes.js';
import { lockedUntil } from './lockout.js';
import { lockoutPolicy, recordLogin, recordLoginFailure, rotateRefreshToken } from './login-commands.js';
import {
  type LoginResult,
  lockedError,
  loginResult,
  newRefreshToken,
  refreshRefusal,
} from './login-result.js';
import type { PasswordHasher } from './password-hasher.js';
import { verifyTotp } from './totp.js';

/**
 * What `engine.auth.login` and `engine.auth.refresh` work with: the services of the
 * `AuthService` and its memoised dummy hash (the work done for an unknown email).
 *
 * @example
 * ```ts
 * const result = await signIn(deps, { email: 'lea@example.com', password });
 * ```
 */
export interface SignInDeps {
  runner: CommandRunner;
  storage: StorageAdapter;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  tokens: AccessTokens;
  vault: SecretVault;
  dummyHash(): Promise<string>;
}

const INVALID = 'invalid email or password';

/**
 * The body of `engine.auth.login` (loaded with the account bodies on the first sign-in), given
 * the parsed input: the same `UNAUTHENTICATED` after the same argon2id work for an unknown
 * email, a wrong password or a disabled account; `LOCKED` after too many failures; the second
 * factor when 2FA is on; then `auth.login` records the session.
 *
 * @example
 * ```ts
 * const { principal, refreshToken } = await signIn(deps, { email, password, totp });
 * ```
 */
export async function signIn(
  deps: SignInDeps,
  parsed: { email: string; password: string; totp?: string; backupCode?: string; device?: string },
): Promise<LoginResult> {
  const emailKey = await sha256Hex(parsed.email);
  const { user, creds, attempts, settings } = await deps.storage.read(async (tx) => {
    const found = (await tx.find<User>('users', { where: { email: parsed.email }, limit: 1 })).items[0];
    return {
      user: found,
      creds: found ? await tx.get<Credentials>('credentials', found.id) : undefined,
      attempts: await tx.get<LoginAttempts>('loginAttempts', emailKey),
      settings: await readSettings(tx),
    };
  });
  const now = deps.clock.now();
  const locked = attempts ? lockedUntil(attempts, now, lockoutPolicy(settings)) : undefined;
  if (locked !== undefined) throw lockedError(locked);

  const hash = creds?.passwordHash ?? (await deps.dummyHash());
  const passwordOk = (await deps.hasher.verify(hash, parsed.password)) && creds !== undefined;
  if (!passwordOk || !user || user.disabled) return fail(deps, emailKey, user);

  let totpStep: number | undefined;
  let backupCodeHash: string | undefined;
  if (creds.totp) {
    if (parsed.totp !== undefined) {
      const seed = await (await deps.vault.box()).open(creds.totp.sealed, `credentials/${user.id}`);
      totpStep = await verifyTotp(seed, parsed.totp, now, creds.totp.lastStep);
      if (totpStep === undefined)
        return fail(deps, emailKey, user, 'the code is not valid or was already used');
    } else if (parsed.backupCode !== undefined) {
      const index = await matchBackupCode(deps.hasher, creds.backupCodes, parsed.backupCode);
      if (index < 0) return fail(deps, emailKey, user, 'the backup code is not valid or was already used');
      backupCodeHash = creds.backupCodes[index];
    } else {
      throw new EngineError('UNAUTHENTICATED', 'a second factor is required: a TOTP code or a backup code', {
        details: { secondFactorRequired: true },
      });
    }
  }

  const refreshToken = newRefreshToken();
  const mustEnroll = !creds.totp && settings.twoFactorRequiredRoles.includes(user.role);
  const session = await deps.runner.execute({ userId: user.id, role: user.role }, recordLogin, {
    userId: user.id,
    emailKey,
    sessionId: deps.ids.next(),
    refreshHash: await sha256Hex(refreshToken),
    expiresAt: new Date(now + settings.sessions.absoluteHours * 3_600_000).toISOString(),
    mustEnrollTwoFactor: mustEnroll,
    device: parsed.device ?? null,
    ...(deps.hasher.needsRehash(creds.passwordHash)
      ? { rehash: await deps.hasher.hash(parsed.password) }
      : {}),
    ...(totpStep !== undefined ? { totpStep } : {}),
    ...(backupCodeHash !== undefined ? { backupCodeHash } : {}),
  });
  return loginResult(deps.tokens, user, session, refreshToken);
}

/**
 * The body of `engine.auth.refresh` (loaded with the account bodies on the first refresh):
 * `auth.refresh` rotates the token, and a refusal (replay, revocation, timeout) leaves as
 * `UNAUTHENTICATED` with `details.reason`.
 *
 * @example
 * ```ts
 * const next = await refreshSession(deps, { refreshToken });
 * ```
 */
export async function refreshSession(
  deps: SignInDeps,
  { refreshToken }: { refreshToken: string },
): Promise<LoginResult> {
  const tokenHash = await sha256Hex(refreshToken);
  const owner = await deps.storage.read(async (tx) => {
    const token = await tx.get<RefreshToken>('refreshTokens', tokenHash);
    const session = token && (await tx.get<Session>('sessions', token.sessionId));
    return session ? await tx.get<User>('users', session.userId) : undefined;
  });
  if (!owner) throw new EngineError('UNAUTHENTICATED', 'the refresh token is not valid');
  const next = newRefreshToken();
  const outcome = await deps.runner.execute({ userId: owner.id, role: owner.role }, rotateRefreshToken, {
    tokenHash,
    newHash: await sha256Hex(next),
  });
  if (!outcome.ok) {
    throw new EngineError('UNAUTHENTICATED', refreshRefusal[outcome.reason], {
      details: { reason: outcome.reason },
    });
  }
  return loginResult(deps.tokens, outcome.user, outcome.session, next);
}

async function fail(
  deps: SignInDeps,
  emailKey: string,
  user: (User & { id: string }) | undefined,
  message = INVALID,
): Promise<never> {
  const actor: Principal = user
    ? { userId: user.id, role: user.role }
    : { userId: 'anonymous', role: 'viewer' };
  const { lockedUntil: until } = await deps.runner.execute(actor, recordLoginFailure, {
    emailKey,
    userId: user?.id ?? null,
  });
  if (until !== null && until > deps.clock.now()) throw lockedError(until);
  throw new EngineError('UNAUTHENTICATED', message);
}
