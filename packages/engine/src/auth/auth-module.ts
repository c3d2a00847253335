import { ContainerModule } from 'inversify';
import { SecretVault } from '../crypto/secret-vault.js';
import { registerOperations } from '../domain/domain-module.js';
import type { EngineOptions } from '../engine/create-engine.js';
import type { Clock } from '../kernel/clock.js';
import type { IdGenerator } from '../kernel/ids.js';
import { TOKENS } from '../kernel/tokens.js';
import { refreshTokensCollection, sessionsCollection } from '../sessions/session-collections.js';
import { sessionOperations } from '../sessions/session-commands.js';
import { SessionVerifier } from '../sessions/session-verifier.js';
import {
  credentialsCollection,
  loginAttemptsCollection,
  usersCollection,
} from '../users/user-collections.js';
import { userOperations } from '../users/user-operations.js';
import { AccessTokens } from './access-tokens.js';
import { loginOperations } from './login-commands.js';
import { Argon2idHasher, type PasswordHasher } from './password-hasher.js';
import { twoFactorOperations } from './two-factor-commands.js';

/**
 * Users, sessions, sign-in and 2FA: their collections and commands, the argon2id hasher
 * (`OWASP_ARGON2ID`), the session verifier the command runner consults on every call, the
 * access-token signer (`options.auth`) and the secret vault (`options.secrets.key`).
 *
 * @example
 * ```ts
 * // a host raising the argon2id cost:
 * const stronger = new ContainerModule(({ rebind }) => {
 *   rebind(TOKENS.PasswordHasher).toConstantValue(new Argon2idHasher({ memoryKiB: 65_536, iterations: 3, parallelism: 1 }));
 * });
 * ```
 */
export const authModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Collections).toConstantValue(usersCollection);
  bind(TOKENS.Collections).toConstantValue(credentialsCollection);
  bind(TOKENS.Collections).toConstantValue(loginAttemptsCollection);
  bind(TOKENS.Collections).toConstantValue(sessionsCollection);
  bind(TOKENS.Collections).toConstantValue(refreshTokensCollection);
  registerOperations(bind, userOperations);
  registerOperations(bind, sessionOperations);
  registerOperations(bind, twoFactorOperations);
  registerOperations(bind, loginOperations);
  bind<PasswordHasher>(TOKENS.PasswordHasher).toConstantValue(new Argon2idHasher());
  bind(TOKENS.PrincipalVerifier).to(SessionVerifier);
  bind(TOKENS.SecretVault).toDynamicValue(
    (context) => new SecretVault(context.get<EngineOptions>(TOKENS.Options).secrets?.key),
  );
  bind(TOKENS.AccessTokens).toDynamicValue(
    (context) =>
      new AccessTokens(
        context.get<EngineOptions>(TOKENS.Options).auth ?? {},
        context.get<Clock>(TOKENS.Clock),
        context.get<IdGenerator>(TOKENS.Ids),
      ),
  );
});
