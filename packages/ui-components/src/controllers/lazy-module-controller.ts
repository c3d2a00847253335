import type { EngineError } from '@rpma/engine';
import { toEngineError } from '@rpma/engine';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The one load of each module, shared by every element; forgotten after a failure. */
const loads = new WeakMap<() => Promise<unknown>, Promise<unknown>>();

/**
 * Gives an element a module loaded with a dynamic `import()` when the first such element
 * connects: one load per `load` function, shared by every element on the page (a page without
 * the element never fetches it). Until it has arrived `module` is `undefined` and the element
 * shows a loading state; then the host updates. A failed load (offline, a chunk gone after a
 * deploy) is `error` (an `EngineError` INTERNAL naming `what`), not cached: `retry()`, or the
 * element's next connection, tries again.
 *
 * @example
 * ```ts
 * const loadViews = () => import('./calendar-views.js');
 * class MyCalendar extends RpmaElement {
 *   private readonly views = new LazyModuleController(this, loadViews, 'the calendar views');
 *   render() {
 *     return this.views.module?.render(this) ?? html`${renderError(this.views.error)}`;
 *   }
 * }
 * ```
 */
export class LazyModuleController<M> implements ReactiveController {
  /** The module, once loaded. */
  module: M | undefined;
  /** Why the module could not be loaded, until the next try. */
  error: EngineError | undefined;
  /** True while the module is being fetched. */
  loading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<M>,
    private readonly what: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.retry();
  }

  /** Loads the module unless it is loaded or on its way (shared with every other element). */
  retry(): void {
    if (this.module || this.loading) return;
    this.error = undefined;
    this.loading = true;
    let pending = loads.get(this.load) as Promise<M> | undefined;
    if (!pending) {
      pending = this.load();
      loads.set(this.load, pending);
    }
    pending.then(
      (module) => {
        this.loading = false;
        this.module = module;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (loads.get(this.load) === pending) loads.delete(this.load);
        this.loading = false;
        this.error = toEngineError(error, 'INTERNAL', `could not load ${this.what}`);
        this.host.requestUpdate();
      },
    );
    this.host.requestUpdate();
  }
}
