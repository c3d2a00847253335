import { inject, injectable } from 'inversify';
import { expireSession } from '../auth/login-commands.js';
import { CommandRunner, type Resolve } from '../domain/command-runner.js';
import type { Principal } from '../domain/principal.js';
import type { PrincipalVerifier } from '../domain/principal-verifier.js';
import type { Clock } from '../kernel/clock.js';
import { EngineError, isEngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import { readSettings } from '../settings/settings-service.js';
import type { StorageAdapter } from '../storage/contract.js';
import type { User } from '../users/user-collections.js';
import type { Session } from './session-collections.js';
import { sessionProblem, sessionProblemMessage } from './session-state.js';

/** `lastSeenAt` is written at most once a minute per session: the idle timeout needs no finer grain. */
const TOUCH_EVERY_MS = 60_000;

/** Commands a session may run while its user must still enrol in 2FA. */
const ENROLMENT_COMMANDS = /^(twoFactor\.|sessions\.|auth\.)|^users\.(me|changePassword)$/;

/**
 * The auth module's {@link PrincipalVerifier}: on every call made with a login principal it
 * re-reads the session and the user, so a logout, a revocation, a timeout, a disabled account or
 * a role change takes effect on the very next call. It returns the principal with the user's
 * current role and display name, and refreshes the session's `lastSeenAt` (idle timeout).
 *
 * @example
 * ```ts
 * bind(TOKENS.PrincipalVerifier).to(SessionVerifier);
 * ```
 */
@injectable()
export class SessionVerifier implements PrincipalVerifier {
  constructor(
    @inject(TOKENS.Storage) private readonly storage: StorageAdapter,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Resolve) private readonly resolve: Resolve,
  ) {}

  async verify(principal: Principal, command: string): Promise<Principal> {
    const sessionId = principal.sessionId;
    if (sessionId === undefined) return principal;
    const now = this.clock.now();
    const { session, user, timeouts } = await this.storage.read(async (tx) => ({
      session: await tx.get<Session>('sessions', sessionId),
      user: await tx.get<User>('users', principal.userId),
      timeouts: (await readSettings(tx)).sessions,
    }));
    const problem = sessionProblem(session, user, principal.userId, timeouts, now);
    if (
      (problem === 'idle_timeout' || problem === 'absolute_timeout') &&
      session?.revokedAt === null &&
      user
    ) {
      // Ended through the command path (the runner is resolved here: it depends on this verifier),
      // so the end is audited with its reason and `session.expired` is published once.
      await this.resolve(CommandRunner).execute({ userId: user.id, role: user.role }, expireSession, {
        sessionId,
        reason: problem,
      });
    }
    if (problem !== undefined || !session || !user) {
      throw new EngineError('UNAUTHENTICATED', sessionProblemMessage(problem ?? 'unknown'), {
        details: { reason: problem ?? 'unknown' },
      });
    }
    if (session.mustEnrollTwoFactor && !ENROLMENT_COMMANDS.test(command)) {
      throw new EngineError('FORBIDDEN', 'two-factor enrolment is required before anything else', {
        details: { twoFactorEnrolmentRequired: true, command },
      });
    }
    if (now - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) await this.touch(sessionId, now);
    return { ...principal, role: user.role, displayName: user.displayName };
  }

  private async touch(sessionId: string, now: number): Promise<void> {
    try {
      await this.storage.write(async (tx) => {
        const current = await tx.get<Session>('sessions', sessionId);
        if (current && current.revokedAt === null) {
          const at = new Date(now).toISOString();
          await tx.update<Session>('sessions', { ...current, lastSeenAt: at, updatedAt: at }, current.rev);
        }
      });
    } catch (error) {
      // A concurrent call touched it first: the session is just as fresh.
      if (!isEngineError(error, 'CONFLICT')) throw error;
    }
  }
}
