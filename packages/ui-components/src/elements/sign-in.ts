import { msg, str } from '@lit/localize';
import type { Principal, Role } from '@rpma/engine';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { renderError } from '../errors/error-text.js';
import { roleLabel } from '../i18n/labels.js';
import { themeStyles } from '../theme/theme.js';

/**
 * An account a host vouches for: signing in as it calls `engine.auth.trust()` (no password).
 */
export interface TrustedAccount {
  userId: string;
  role: Role;
  displayName?: string;
}

/**
 * Sign-in. With `accounts`, it lists the accounts the host vouches for and signs in as the
 * one picked, through `engine.auth.trust()` (hosts with their own sign-in, demos). The engine
 * refuses an invalid account and the refusal is shown next to the buttons. Inside an
 * `<rpma-engine-provider>` the provider keeps the principal; alone, the element keeps it.
 *
 * @element rpma-sign-in
 * @fires rpma-signed-in - Signed in; detail `{ principal }`. `<rpma-engine-provider>` takes it up.
 * @fires rpma-signed-out - The signed-in user signed out; detail `{}`.
 * @csspart form - The panel holding the choices.
 * @csspart account - One account button.
 * @csspart error - A refusal, in words.
 *
 * @example
 * ```html
 * <rpma-engine-provider>
 *   <rpma-sign-in></rpma-sign-in>
 * </rpma-engine-provider>
 * <script type="module">
 *   document.querySelector('rpma-sign-in').accounts = [{ userId: 'u-1', role: 'technician', displayName: 'Léa' }];
 * </script>
 * ```
 */
export class RpmaSignIn extends RpmaElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: grid;
        gap: var(--_space);
        max-width: 28rem;
        padding: calc(var(--_space) * 2);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      h2 {
        margin: 0;
        font-size: 1.25rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space);
      }
      button {
        width: 100%;
        text-align: start;
      }
      .role {
        color: var(--_muted);
      }
    `,
  ];

  /** Accounts the host vouches for, offered as one-click sign-ins. */
  @property({ attribute: false }) accounts: TrustedAccount[] = [];

  private readonly action = new ActionController(this);

  override render() {
    const signedIn = this.activePrincipal;
    if (signedIn) {
      const who = signedIn.displayName ?? signedIn.userId;
      return html`<section part="form" aria-labelledby="title">
        <h2 id="title">${msg(str`Signed in as ${who}`)}</h2>
        <button type="button" @click=${this.signOut}>${msg('Sign out')}</button>
      </section>`;
    }
    return html`<section part="form" aria-labelledby="title">
      <h2 id="title">${msg('Sign in')}</h2>
      <ul aria-label=${msg('Accounts')}>
        ${this.accounts.map(
          (account) => html`<li>
            <button
              type="button"
              part="account"
              ?disabled=${this.action.pending}
              @click=${() => this.signInAs(account)}
            >
              ${account.displayName ?? account.userId} <span class="role">· ${roleLabel(account.role)}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${renderError(this.action.error)}
    </section>`;
  }

  private async signInAs(account: TrustedAccount): Promise<void> {
    const principal = await this.action.run(async ({ engine }) => engine.auth.trust(account));
    if (principal) this.signedIn(principal);
  }

  private signedIn(principal: Principal): void {
    if (!this.providedEngine) this.principal = principal;
    this.emit('rpma-signed-in', { principal });
  }

  private signOut(): void {
    if (!this.providedEngine) this.principal = undefined;
    this.emit('rpma-signed-out', {});
  }
}
