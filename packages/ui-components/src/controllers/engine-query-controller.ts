import type { Engine, EngineEventMap, EngineEventType, Principal, Shop } from '@rpma/engine';
import { EngineError, toEngineError } from '@rpma/engine';
import type { ReactiveController } from 'lit';
import type { EngineHost } from '../base/rpma-element.js';

/** What a query loader receives. */
export interface QueryContext {
  engine: Engine;
  principal: Principal | undefined;
}

/**
 * The shop's services for the signed-in principal; `UNAUTHENTICATED` when nobody is signed in.
 *
 * @example
 * ```ts
 * load: (context) => shopFor(context).tasks.page({ status: 'scheduled' }),
 * ```
 */
export function shopFor(context: QueryContext): Shop {
  if (!context.principal) throw new EngineError('UNAUTHENTICATED', 'nobody is signed in');
  return context.engine.as(context.principal);
}

/**
 * How an {@link EngineQueryController} loads and when it reloads.
 *
 * @example
 * ```ts
 * const options: EngineQueryOptions<number> = {
 *   events: ['task.created', 'task.updated'],
 *   args: () => [this.status],
 *   load: ({ engine, principal }) => engine.as(principal!).tasks.count({ status: this.status }),
 * };
 * ```
 */
export interface EngineQueryOptions<T> {
  /** Engine events after which the data is reloaded. Another tab's commits always reload. */
  events: readonly EngineEventType[];
  /**
   * Collections the data is read from: a `data.changed` event naming one of them reloads too
   * (for data no specific event announces, such as clients and vehicles).
   */
  collections?: readonly string[];
  /** Reads the data. Runs when the engine or principal changes, after an event, or when `args` change. */
  load: (context: QueryContext) => Promise<T>;
  /** Inputs of the query (filters, ids); compared item by item before each render. */
  args?: () => readonly unknown[];
  /** Load without a principal (default false: wait until someone is signed in). */
  anonymous?: boolean;
}

/**
 * A `ReactiveController` holding the result of one engine query and re-running it whenever
 * an engine event says the data may have changed. Bursts of events in one task coalesce into
 * one reload, and a result that arrives after a newer load started is dropped, so every
 * element showing the same data agrees with the engine.
 *
 * @example
 * ```ts
 * private readonly tasks = new EngineQueryController(this, {
 *   events: ['task.created', 'task.updated', 'task.status_changed'],
 *   load: ({ engine, principal }) => engine.as(principal!).tasks.list({}),
 * });
 * render() { return this.tasks.value ? html`${this.tasks.value.items.length}` : nothing; }
 * ```
 */
export class EngineQueryController<T> implements ReactiveController {
  /** The last loaded value (kept while a reload runs). */
  value: T | undefined;
  /** Why the last load failed, if it did. */
  error: EngineError | undefined;
  /** True while a load runs. */
  loading = false;

  private engine: Engine | undefined;
  private principal: Principal | undefined;
  private args: readonly unknown[] = [];
  private unsubscribe: (() => void) | undefined;
  private generation = 0;
  private scheduled = false;

  constructor(
    private readonly host: EngineHost,
    private readonly options: EngineQueryOptions<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.engine = undefined;
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const engine = this.host.activeEngine;
    const principal = this.host.activePrincipal;
    const args = this.options.args?.() ?? [];
    const engineChanged = engine !== this.engine;
    if (engineChanged) this.subscribe(engine);
    if (engineChanged || principal !== this.principal || !sameArgs(args, this.args)) {
      this.engine = engine;
      this.principal = principal;
      this.args = args;
      void this.reload();
    }
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.generation++;
  }

  /** Loads now; resolves when this load finished (or was superseded). */
  async reload(): Promise<void> {
    const engine = this.engine;
    const generation = ++this.generation;
    if (!engine || (!this.principal && !this.options.anonymous)) {
      this.value = undefined;
      this.error = undefined;
      this.loading = false;
      return;
    }
    this.loading = true;
    this.host.requestUpdate();
    try {
      const value = await this.options.load({ engine, principal: this.principal });
      if (generation !== this.generation) return;
      this.value = value;
      this.error = undefined;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = toEngineError(error, 'INTERNAL', 'could not load');
    }
    this.loading = false;
    this.host.requestUpdate();
  }

  private subscribe(engine: Engine | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!engine) return;
    const watched = new Set<string>([...this.options.events, 'storage.external_change']);
    const collections = new Set(this.options.collections ?? []);
    this.unsubscribe = engine.events.onAny((type, event) => {
      if (watched.has(type)) this.schedule();
      else if (type === 'data.changed' && collections.size > 0) {
        const { collections: changed } = event as EngineEventMap['data.changed'];
        if (changed.some((name) => collections.has(name))) this.schedule();
      }
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.reload();
    });
  }
}

function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
