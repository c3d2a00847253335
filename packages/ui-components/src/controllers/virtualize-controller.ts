import type { VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';
import type { EngineError } from '@rpma/engine';
import { toEngineError } from '@rpma/engine';
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

type VirtualizeModule = typeof import('@lit-labs/virtualizer/virtualize.js');

/** The one load of `@lit-labs/virtualizer` shared by every list; reset after a failure. */
let loading: Promise<VirtualizeModule> | undefined;

/**
 * Gives a long list `@lit-labs/virtualizer`'s `virtualize` directive, loaded with a dynamic
 * `import()` when the first list connects (a page without a list never fetches it). Until the
 * chunk has arrived the list renders no rows; then the host updates. A failed load (offline, a
 * chunk gone after a deploy) is `error` (an `EngineError` INTERNAL) and the next connection of the
 * element tries again.
 *
 * @example
 * ```ts
 * private readonly list = new VirtualizeController(this);
 * render() {
 *   return html`${renderError(this.list.error)}
 *     <div class="list">${this.list.render({ items: this.rows, scroller: true, renderItem })}</div>`;
 * }
 * ```
 */
export class VirtualizeController implements ReactiveController {
  /** Why the virtualizer could not be loaded, until the next try. */
  error: EngineError | undefined;
  private module: VirtualizeModule | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.module) return;
    this.error = undefined;
    loading ??= import('@lit-labs/virtualizer/virtualize.js');
    loading.then(
      (module) => {
        this.module = module;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        loading = undefined;
        this.error = toEngineError(error, 'INTERNAL', 'could not load the list virtualizer');
        this.host.requestUpdate();
      },
    );
  }

  /** The `virtualize(config)` directive once loaded, `nothing` before. */
  render<T>(config: VirtualizeDirectiveConfig<T>): unknown {
    return this.module ? this.module.virtualize(config) : nothing;
  }
}
