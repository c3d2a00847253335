import { inject, injectable, optional, type ServiceIdentifier } from 'inversify';
import { type Clock, isoNow } from '../kernel/clock.js';
import { EngineError, toEngineError } from '../kernel/engine-error.js';
import type { EventBus } from '../kernel/events.js';
import type { IdGenerator } from '../kernel/ids.js';
import type { Logger } from '../kernel/logger.js';
import { TOKENS } from '../kernel/tokens.js';
import { parseInput } from '../kernel/validate.js';
import type { ReadTransaction, StorageAdapter } from '../storage/contract.js';
import type { AnyOperation, Ownership, ResultOf } from './command.js';
import { ReadScope, type ScopeDeps, WriteScope } from './command-context.js';
import { type Grant, grantFor } from './policy.js';
import { type Principal, ROLES } from './principal.js';
import type { PrincipalVerifier } from './principal-verifier.js';

/** Resolves a binding of the engine container; bound under `TOKENS.Resolve` by `createEngine`. */
export type Resolve = <T>(token: ServiceIdentifier<T>) => T;

/**
 * Runs commands and queries for a principal, the one path every call of the engine takes:
 *
 * 1. the role's grant in `POLICY` (no row or `'deny'` → `FORBIDDEN`, before the input is even parsed);
 * 2. `parseInput` with the operation's zod schema (`VALIDATION`, issues by path);
 * 3. a query: one `storage.read`; a command: ONE `storage.write` in which the ownership check
 *    (for `{ assigned: true }` grants), the body, and the audit + outbox rows of every change run;
 * 4. after the commit only: the queued events are published, then the post-commit actions run
 *    (their failures are logged, never thrown — the command did happen).
 *
 * Anything thrown that is not an {@link EngineError} leaves as `INTERNAL`. A failed command
 * rolls back whole: nothing written, no event.
 *
 * @example
 * ```ts
 * const runner = engine.get<CommandRunner>(CommandRunner);
 * const client = await runner.execute(principal, createClient, { name: 'Léa Martin' });
 * ```
 */
@injectable()
export class CommandRunner {
  constructor(
    @inject(TOKENS.Storage) private readonly storage: StorageAdapter,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Ids) private readonly ids: IdGenerator,
    @inject(TOKENS.Events) private readonly events: EventBus,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Resolve) private readonly resolve: Resolve,
    @inject(TOKENS.PrincipalVerifier) @optional() private readonly verifier?: PrincipalVerifier,
  ) {}

  /** Runs `operation` as `principal` with the untrusted `input`. */
  async execute<D extends AnyOperation>(
    principal: Principal,
    operation: D,
    input: unknown,
  ): Promise<ResultOf<D>> {
    const name = operation.name;
    try {
      checkPrincipal(principal);
      // A session-backed principal is re-checked on every call (revoked, expired, user disabled,
      // role changed); the verifier returns it with the user's current role.
      if (this.verifier) principal = await this.verifier.verify(principal, name);
      const grant = grantFor(name, principal.role);
      if (grant === 'deny') {
        throw new EngineError('FORBIDDEN', `a ${principal.role} may not run ${name}`, {
          details: { command: name, role: principal.role },
        });
      }
      const parsed = parseInput(operation.input, input, name);
      const deps: ScopeDeps = { principal, command: name, now: isoNow(this.clock), resolve: this.resolve };
      if (operation.kind === 'query') {
        return await this.storage.read(async (tx) => {
          await checkOwnership(operation, grant, principal, tx, parsed);
          return await guard(name, () => operation.run(new ReadScope(tx, deps), parsed));
        });
      }
      let scope: WriteScope | undefined;
      const result = await this.storage.write(async (tx) => {
        scope = new WriteScope(tx, this.ids, deps);
        await checkOwnership(operation, grant, principal, tx, parsed);
        const body = scope;
        return await guard(name, () => operation.run(body, parsed));
      });
      if (scope) await this.afterCommit(name, scope);
      return result;
    } catch (error) {
      throw toEngineError(error, 'INTERNAL', `${name} failed`);
    }
  }

  private async afterCommit(name: string, scope: WriteScope): Promise<void> {
    for (const { type, payload } of scope.events) this.events.emit(type, payload);
    if (scope.changed.size > 0) {
      this.events.emit('data.changed', {
        collections: [...scope.changed].sort(),
        command: name,
        by: scope.principal.userId,
        at: scope.now,
      });
    }
    for (const action of scope.actions) {
      try {
        await action();
      } catch (error) {
        this.logger.error(`a post-commit action of ${name} failed`, { error });
      }
    }
  }
}

/** Runs a body, turning a foreign error into `INTERNAL` before the adapter can call it a storage failure. */
async function guard<R>(name: string, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    throw toEngineError(error, 'INTERNAL', `${name} failed`);
  }
}

function checkPrincipal(principal: Principal): void {
  if (
    typeof principal !== 'object' ||
    principal === null ||
    typeof principal.userId !== 'string' ||
    principal.userId.length === 0 ||
    !ROLES.includes(principal.role)
  ) {
    throw new EngineError('UNAUTHENTICATED', 'every call needs a principal with a user id and a role');
  }
}

async function checkOwnership(
  operation: AnyOperation,
  grant: Grant,
  principal: Principal,
  tx: ReadTransaction,
  input: unknown,
): Promise<void> {
  if (grant === 'allow' || grant === 'deny') return;
  const ownership = operation.ownership as Ownership<unknown> | undefined;
  if (!ownership) {
    throw new EngineError(
      'FORBIDDEN',
      `${operation.name} declares no ownership, so a ${principal.role} may not run it`,
    );
  }
  const assignee = await ownership.assignee(tx, input);
  if (assignee !== principal.userId) {
    throw new EngineError(
      'FORBIDDEN',
      `${operation.name}: a ${principal.role} acts only on what is assigned to them`,
      {
        details: { command: operation.name, userId: principal.userId },
      },
    );
  }
  if (!grant.fields) return;
  const allowed = grant.fields;
  const refused = (ownership.fields?.(input) ?? []).filter((field) => !allowed.includes(field));
  if (refused.length > 0) {
    throw new EngineError(
      'FORBIDDEN',
      `${operation.name}: a ${principal.role} may not change ${refused.join(', ')}`,
      {
        details: { command: operation.name, fields: refused },
      },
    );
  }
}
