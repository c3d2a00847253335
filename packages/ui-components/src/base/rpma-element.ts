import { consume } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { Engine, Principal } from '@rpma/engine';
import { type CSSResultGroup, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { engineContext, principalContext } from '../context/engine-context.js';
import { themeStyles } from '../theme/theme.js';

/**
 * What a controller needs from the element that hosts it: the engine and principal in effect.
 *
 * @example
 * ```ts
 * const host: EngineHost = document.querySelector('rpma-task-list')!;
 * host.activeEngine;
 * ```
 */
export interface EngineHost extends HTMLElement {
  readonly activeEngine: Engine | undefined;
  readonly activePrincipal: Principal | undefined;
  addController(controller: import('lit').ReactiveController): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
}

/**
 * Base class of every `rpma-` element. The engine and the principal come from the nearest
 * `<rpma-engine-provider>` through `@lit/context`, or from the `engine` / `principal`
 * properties, which win when set. Re-renders when the locale changes.
 *
 * @example
 * ```ts
 * class MyWidget extends RpmaElement {
 *   override render() { return html`${this.activePrincipal?.displayName}`; }
 * }
 * ```
 */
export class RpmaElement extends LitElement implements EngineHost {
  static override styles: CSSResultGroup = [themeStyles];

  /** The engine to use; overrides the one provided by `<rpma-engine-provider>`. */
  @property({ attribute: false }) engine?: Engine;

  /** Who calls run as; overrides the principal provided by `<rpma-engine-provider>`. */
  @property({ attribute: false }) principal?: Principal;

  /** Forces the light or dark scheme; by default the user's preference decides. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  @consume({ context: engineContext, subscribe: true })
  @state()
  protected providedEngine?: Engine;

  @consume({ context: principalContext, subscribe: true })
  @state()
  protected providedPrincipal?: Principal;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The engine in effect: the `engine` property, else the provided one. */
  get activeEngine(): Engine | undefined {
    return this.engine ?? this.providedEngine;
  }

  /** The principal in effect: the `principal` property, else the provided one. */
  get activePrincipal(): Principal | undefined {
    return this.principal ?? this.providedPrincipal;
  }

  /**
   * Dispatches a `CustomEvent` that bubbles and crosses shadow roots, so a host page can
   * listen anywhere above the element. Returns false when a listener called `preventDefault()`.
   * Each element documents the events it sends with `@fires`.
   * @ignore
   */
  protected emit<T>(type: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable }),
    );
  }
}
