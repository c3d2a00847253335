import { provide } from '@lit/context';
import type { Engine, Principal } from '@rpma/engine';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { themeStyles } from '../theme/theme.js';
import { engineContext, principalContext } from './engine-context.js';

/**
 * Detail of `rpma-signed-in`: the principal every call will run as from now on.
 */
export interface SignedInDetail {
  principal: Principal;
}

/**
 * Hands an engine and the signed-in principal to every `rpma-` element inside it, through
 * `@lit/context`. It listens for `rpma-signed-in` and `rpma-signed-out` from its descendants
 * (the sign-in element sends them), so signing in once signs in the whole subtree. `theme` on the provider themes everything inside.
 *
 * @element rpma-engine-provider
 * @slot - The elements that use the engine.
 * @fires rpma-principal-changed - The principal changed (detail: `{ principal }`, undefined when signed out).
 * @cssprop --rpma-color-surface - Background of the provider's subtree.
 *
 * @example
 * ```html
 * <rpma-engine-provider theme="dark">
 *   <rpma-sign-in></rpma-sign-in>
 *   <rpma-task-list></rpma-task-list>
 * </rpma-engine-provider>
 * <script type="module">
 *   document.querySelector('rpma-engine-provider').engine = await createEngine({ storage: sqljsStorage() });
 * </script>
 * ```
 */
export class RpmaEngineProvider extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** The engine its descendants use. */
  @provide({ context: engineContext })
  @property({ attribute: false })
  engine?: Engine;

  /** The signed-in principal, or undefined. Set it directly when the host signs users in itself. */
  @provide({ context: principalContext })
  @property({ attribute: false })
  principal?: Principal;

  /** Forces the light or dark scheme for the whole subtree. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  constructor() {
    super();
    this.addEventListener('rpma-signed-in', (event) => {
      this.principal = (event as CustomEvent<SignedInDetail>).detail.principal;
    });
    this.addEventListener('rpma-signed-out', () => {
      this.principal = undefined;
    });
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('principal') && changed.get('principal') !== this.principal) {
      this.dispatchEvent(
        new CustomEvent('rpma-principal-changed', {
          detail: { principal: this.principal },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
