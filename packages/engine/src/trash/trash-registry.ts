import { injectable, multiInject, optional } from 'inversify';
import type { CommandContext } from '../domain/command.js';
import { EngineError } from '../kernel/engine-error.js';
import { TOKENS } from '../kernel/tokens.js';
import type { Doc } from '../storage/contract.js';

/**
 * How the trash treats one collection. A module that soft-deletes documents binds one under
 * `TOKENS.Trashable`; its hooks keep derived data right (a restored task counts again in its
 * client's stats) and refuse what would break references (`PRECONDITION`).
 *
 * @example
 * ```ts
 * bind<TrashHandler>(TOKENS.Trashable).toConstantValue({
 *   collection: 'tasks',
 *   beforeRestore: (ctx, task) => ctx.load('clients', task.clientId).then(() => {}),
 *   afterRestore: (ctx, task) => refreshClientStats(ctx, task.clientId).then(() => {}),
 * });
 * ```
 */
export interface TrashHandler<T extends object = object> {
  collection: string;
  /** Checks before a restore (its parents must be live). */
  beforeRestore?(ctx: CommandContext, doc: Doc<T>): Promise<void>;
  /** Updates derived data after a restore. */
  afterRestore?(ctx: CommandContext, doc: Doc<T>): Promise<void>;
  /** Checks before a purge (nothing may still point at it). */
  beforePurge?(ctx: CommandContext, doc: Doc<T>): Promise<void>;
}

/**
 * Every {@link TrashHandler}, by collection.
 *
 * @example
 * ```ts
 * const handler = ctx.get<TrashRegistry>(TrashRegistry).handler('tasks');
 * ```
 */
@injectable()
export class TrashRegistry {
  private readonly handlers: Map<string, TrashHandler>;

  constructor(@multiInject(TOKENS.Trashable) @optional() handlers: TrashHandler[] = []) {
    this.handlers = new Map((handlers ?? []).map((h) => [h.collection, h]));
  }

  /** The collections the trash covers. */
  collections(): string[] {
    return [...this.handlers.keys()];
  }

  /** The handler of `collection`; `VALIDATION` for a collection the trash does not cover. */
  handler(collection: string): TrashHandler {
    const handler = this.handlers.get(collection);
    if (!handler) {
      throw new EngineError(
        'VALIDATION',
        `the trash holds no ${collection}; it covers ${this.collections().join(', ')}`,
        {
          details: {
            issues: [{ path: 'collection', message: `unknown collection ${collection}`, code: 'custom' }],
          },
        },
      );
    }
    return handler;
  }
}
