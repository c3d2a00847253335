import { inject, injectable } from 'inversify';
import * as z from 'zod/mini';
import type { SecretVault } from '../crypto/secret-vault.js';
import { CommandRunner } from '../domain/command-runner.js';
import { type Principal, ROLES } from '../domain/principal.js';
import type { PrincipalVerifier } from '../domain/principal-verifier.js';
import type { Clock } from '../kernel/clock.js';
import { EngineError } from '../kernel/engine-error.js';
import type { IdGenerator } from '../kernel/ids.js';
import { lazyModule } from '../kernel/lazy-module.js';
import { TOKENS } from '../kernel/tokens.js';
import { parseInput } from '../kernel/validate.js';
import type { StorageAdapter } from '../storage/contract.js';
import type { User } from '../users/user-collections.js';
import { displayNameInput, emailInput, passwordInput } from '../users/user-inputs.js';
import type { AccessTokens } from './access-tokens.js';
import { bootstrapAdmin, logout } from './login-commands.js';
import type { LoginResult } from './login-result.js';
import { dummyPasswordHash, type PasswordHasher } from './password-hasher.js';
import type { SignInDeps } from './sign-in-flow.js';

export type { LoginResult } from './login-result.js';

const trustInput = z.object({
  userId: z.string().check(z.minLength(1), z.maxLength(200)),
  role: z.enum(ROLES as unknown as ['admin', 'supervisor', 'technician', 'viewer']),
  displayName: z.optional(z.string().check(z.maxLength(200))),
});

const loginInput = z.strictObject({
  email: emailInput,
  password: passwordInput,
  totp: z.optional(z.string().check(z.maxLength(20))),
  backupCode: z.optional(z.string().check(z.maxLength(40))),
  device: z.optional(z.string().check(z.maxLength(200))),
});

const refreshInput = z.strictObject({ refreshToken: z.string().check(z.minLength(1), z.maxLength(200)) });
const bootstrapInput = z.strictObject({
  email: emailInput,
  displayName: displayNameInput,
  password: passwordInput,
});

const bodies = lazyModule('account commands', () => import('./account-bodies.js'));

/**
 * `engine.auth`: where principals come from — `trust` for hosts with their own sign-in, or the
 * built-in accounts: `bootstrap` (first admin), `login`, `refresh`, `logout`, `verify`.
 *
 * @example
 * ```ts
 * const { principal, refreshToken } = await engine.auth.login({ email, password, totp });
 * const shop = engine.as(principal);
 * ```
 */
@injectable()
export class AuthService {
  private dummy: Promise<string> | undefined;

  constructor(
    @inject(CommandRunner) private readonly runner: CommandRunner,
    @inject(TOKENS.Storage) private readonly storage: StorageAdapter,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Ids) private readonly ids: IdGenerator,
    @inject(TOKENS.PasswordHasher) private readonly hasher: PasswordHasher,
    @inject(TOKENS.AccessTokens) private readonly tokens: AccessTokens,
    @inject(TOKENS.PrincipalVerifier) private readonly verifier: PrincipalVerifier,
    @inject(TOKENS.SecretVault) private readonly vault: SecretVault,
  ) {}

  /**
   * A principal the host vouches for (no password, no session): validated, then returned as is.
   * `VALIDATION` when the user id is empty or the role unknown.
   */
  trust(input: { userId: string; role: Principal['role']; displayName?: string }): Principal {
    const parsed = parseInput(trustInput, input, 'auth.trust');
    const principal: Principal = { userId: parsed.userId, role: parsed.role };
    if (parsed.displayName !== undefined) principal.displayName = parsed.displayName;
    return principal;
  }

  /** True while the store has no user: the host should offer {@link AuthService.bootstrap}. */
  async needsBootstrap(): Promise<boolean> {
    return (await this.storage.read((tx) => tx.count('users', {}, 'all'))) === 0;
  }

  /**
   * Creates the first admin; `PRECONDITION` once any user exists. Sign in afterwards with `login`.
   *
   * @example
   * ```ts
   * if (await engine.auth.needsBootstrap()) await engine.auth.bootstrap({ email, displayName, password });
   * ```
   */
  async bootstrap(input: {
    email: string;
    displayName: string;
    password: string;
  }): Promise<User & { id: string }> {
    const parsed = parseInput(bootstrapInput, input, 'auth.bootstrap');
    return this.runner.execute({ userId: this.ids.next(), role: 'admin' }, bootstrapAdmin, parsed);
  }

  /**
   * Signs in with email and password (and a TOTP or backup code when 2FA is on). Unknown email,
   * wrong password, disabled account: the same `UNAUTHENTICATED` "invalid email or password",
   * after the same argon2id work. Too many failures: `LOCKED` with `details.retryAt`, for known
   * and unknown emails alike. 2FA on but no code given: `UNAUTHENTICATED` with
   * `details.secondFactorRequired`.
   */
  async login(input: {
    email: string;
    password: string;
    totp?: string;
    backupCode?: string;
    device?: string;
  }): Promise<LoginResult> {
    const parsed = parseInput(loginInput, input, 'auth.login');
    return (await bodies()).signIn(this.flow(), parsed);
  }

  /**
   * Exchanges a refresh token for a new pair. The old one stops working at once; presenting a
   * used one again revokes the whole session (every token of the family) — then
   * `UNAUTHENTICATED`. Also refused after the idle or absolute timeout, or a revocation.
   */
  async refresh(input: { refreshToken: string }): Promise<LoginResult> {
    const parsed = parseInput(refreshInput, input, 'auth.refresh');
    return (await bodies()).refreshSession(this.flow(), parsed);
  }

  /** Ends the principal's session at once (a no-op for an already ended one). */
  async logout(principal: Principal): Promise<{ ended: boolean }> {
    if (!principal?.sessionId) {
      throw new EngineError('VALIDATION', 'logout needs a principal from login (with a sessionId)');
    }
    return this.runner.execute({ userId: principal.userId, role: principal.role }, logout, {
      sessionId: principal.sessionId,
    });
  }

  /**
   * Turns an access token back into a principal: the JWT is verified (algorithm allow-list,
   * signature, `exp`/`nbf`/`aud`/`iss`/`jti`), then its session and user are checked as on every
   * call. `UNAUTHENTICATED` otherwise.
   *
   * @example
   * ```ts
   * const principal = await engine.auth.verify(request.headers.authorization.slice(7));
   * ```
   */
  async verify(accessToken: string): Promise<Principal> {
    if (typeof accessToken !== 'string' || accessToken.length > 4096) {
      throw new EngineError('UNAUTHENTICATED', 'the access token is not valid');
    }
    const claims = await this.tokens.verify(accessToken);
    return this.verifier.verify(
      { userId: claims.userId, role: claims.role, sessionId: claims.sessionId },
      'auth.verify',
    );
  }

  /** What the sign-in flow (loaded with the account bodies) works with. */
  private flow(): SignInDeps {
    return {
      runner: this.runner,
      storage: this.storage,
      clock: this.clock,
      ids: this.ids,
      hasher: this.hasher,
      tokens: this.tokens,
      vault: this.vault,
      dummyHash: () => this.dummyHash(),
    };
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= dummyPasswordHash(this.hasher);
    return this.dummy;
  }
}
