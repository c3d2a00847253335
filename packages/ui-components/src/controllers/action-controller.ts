import type { EngineError } from '@rpma/engine';
import { toEngineError } from '@rpma/engine';
import type { ReactiveController } from 'lit';
import type { EngineHost } from '../base/rpma-element.js';
import type { QueryContext } from './engine-query-controller.js';

/**
 * Runs the commands an element sends to the engine and keeps what the view shows about them:
 * whether one is running, and the `EngineError` of the last one that failed (shown in words
 * near the action or field it concerns). Nothing fails silently.
 *
 * @example
 * ```ts
 * private readonly save = new ActionController(this);
 * async onSubmit() {
 *   const task = await this.save.run(({ engine, principal }) => engine.as(principal!).tasks.create(input));
 *   if (task) this.emit('rpma-task-saved', { task });
 * }
 * ```
 */
export class ActionController implements ReactiveController {
  /** True while a command runs. */
  pending = false;
  /** The failure of the last command, until the next one starts or `clear()`. */
  error: EngineError | undefined;

  constructor(private readonly host: EngineHost) {
    host.addController(this);
  }

  /** A failure is about what the user just did: an element taken off the page forgets it. */
  hostDisconnected(): void {
    this.error = undefined;
  }

  /**
   * Runs `command` with the element's engine and principal. Resolves with its result, or with
   * `undefined` after a failure (then `error` holds it).
   */
  async run<T>(command: (context: QueryContext) => Promise<T>): Promise<T | undefined> {
    const engine = this.host.activeEngine;
    this.error = undefined;
    if (!engine) {
      this.error = toEngineError(
        new Error('no engine: wrap the element in <rpma-engine-provider> or set its engine property'),
        'PRECONDITION',
        'cannot run the command',
      );
      this.host.requestUpdate();
      return undefined;
    }
    this.pending = true;
    this.host.requestUpdate();
    try {
      return await command({ engine, principal: this.host.activePrincipal });
    } catch (error) {
      this.error = toEngineError(error, 'INTERNAL', 'the command failed');
      return undefined;
    } finally {
      this.pending = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets the last failure. */
  clear(): void {
    this.error = undefined;
    this.host.requestUpdate();
  }
}
