import { consume } from '@lit/context';
import { msg, str } from '@lit/localize';
import type { Principal, Role } from '@rpma/engine';
import { css, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { type SessionEnd, sessionEndContext } from '../context/engine-context.js';
import { ActionController } from '../controllers/action-controller.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
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
 * A demo account whose password may be shown: picking it fills the sign-in form.
 */
export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  displayName?: string;
}

/**
 * Sign-in. The form signs in with email and password through `engine.auth.login()`; when the
 * account has two-factor authentication the engine asks for it and the form's second step takes
 * the authenticator code (or a backup code). With `accounts`, it also lists accounts the host
 * vouches for and signs in as the one picked, through `engine.auth.trust()` (hosts with their
 * own sign-in, demos). Every refusal (wrong password, lockout, bad code) is shown in words next
 * to the form. With `demoAccounts`, it lists demo accounts with their passwords, and picking
 * one fills the form (the sign-in itself still goes through the password path). Inside an
 * `<rpma-engine-provider>` the provider keeps the principal, and when a session ended under
 * the user (timed out, revoked) the element says so above the form; alone, the element keeps
 * the principal. Signing out ends the engine session (`engine.auth.logout`).
 *
 * @element rpma-sign-in
 * @fires rpma-signed-in - Signed in; detail `{ principal }`. `<rpma-engine-provider>` takes it up.
 * @fires rpma-signed-out - The signed-in user signed out; detail `{}`.
 * @csspart form - The panel holding the sign-in form and the choices.
 * @csspart second-factor - The authenticator code field of the second step.
 * @csspart account - One account button.
 * @csspart session-ended - Why the last session ended, in words.
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
      h3 {
        margin: var(--_space) 0 0;
        font-size: 1rem;
      }
      form,
      label {
        display: grid;
        gap: 4px;
      }
      form {
        gap: var(--_space);
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

  /** Hides the email and password form (hosts that only vouch for accounts). */
  @property({ type: Boolean, attribute: 'trusted-only' }) trustedOnly = false;

  /** Demo accounts shown with their passwords; picking one fills the form. */
  @property({ attribute: false }) demoAccounts: DemoAccount[] = [];

  @state() private secondFactor = false;

  @consume({ context: sessionEndContext, subscribe: true })
  @state()
  private sessionEnd?: SessionEnd;

  @query('form') private form?: HTMLFormElement;

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
    const issues = fieldIssues(this.action.error);
    return html`<section part="form" aria-labelledby="title">
      <h2 id="title">${msg('Sign in')}</h2>
      ${
        this.sessionEnd
          ? html`<p role="status" part="session-ended" data-reason=${this.sessionEnd.reason}>
            ${sessionEndText(this.sessionEnd.reason)}
          </p>`
          : ''
      }
      ${
        this.trustedOnly
          ? ''
          : html`<form @submit=${this.onLogin}>
            <label>
              ${msg('Email')}
              <input name="email" type="email" autocomplete="username" required aria-invalid=${issues.has('email')} />
            </label>
            <label>
              ${msg('Password')}
              <input name="password" type="password" autocomplete="current-password" required />
            </label>
            ${
              this.secondFactor
                ? html`<label part="second-factor">
                  ${msg('Code from your authenticator app, or a backup code')}
                  <input name="code" autocomplete="one-time-code" required autofocus />
                </label>`
                : ''
            }
            <button class="primary" type="submit" ?disabled=${this.action.pending}>${msg('Sign in')}</button>
          </form>`
      }
      ${this.demoAccounts.length > 0 ? this.renderDemoAccounts() : ''}
      ${this.accounts.length > 0 ? html`<h3>${msg('Demo accounts')}</h3>` : ''}
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

  private renderDemoAccounts() {
    return html`<h3 id="demo-title">${msg('Demo accounts')}</h3>
      <p class="role">${msg('Pick one to fill in the form, then sign in.', { id: 'sign-in-demo-hint' })}</p>
      <ul aria-labelledby="demo-title">
        ${this.demoAccounts.map(
          (account) => html`<li>
            <button type="button" part="account" data-email=${account.email} @click=${() => this.fill(account)}>
              ${account.displayName ?? account.email} <span class="role">· ${roleLabel(account.role)}</span><br />
              <span class="role">${account.email} · ${account.password}</span>
            </button>
          </li>`,
        )}
      </ul>`;
  }

  private fill(account: DemoAccount): void {
    const form = this.form;
    if (!form) return;
    (form.elements.namedItem('email') as HTMLInputElement).value = account.email;
    (form.elements.namedItem('password') as HTMLInputElement).value = account.password;
    this.secondFactor = false;
    this.action.clear();
    form.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  }

  private async onLogin(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const code = form.get('code')?.toString().trim();
    const input = {
      email: form.get('email')?.toString() ?? '',
      password: form.get('password')?.toString() ?? '',
      ...(code ? (/^\d{6}$/.test(code) ? { totp: code } : { backupCode: code }) : {}),
    };
    const result = await this.action.run(({ engine }) => engine.auth.login(input));
    if (this.action.error?.details.secondFactorRequired === true) {
      this.secondFactor = true;
      this.action.clear();
      return;
    }
    if (!result) return;
    this.secondFactor = false;
    this.signedIn(result.principal);
  }

  private async signInAs(account: TrustedAccount): Promise<void> {
    const principal = await this.action.run(async ({ engine }) => engine.auth.trust(account));
    if (principal) this.signedIn(principal);
  }

  private signedIn(principal: Principal): void {
    if (!this.providedEngine) this.principal = principal;
    this.emit('rpma-signed-in', { principal });
  }

  private async signOut(): Promise<void> {
    const principal = this.activePrincipal;
    if (!this.providedEngine) this.principal = undefined;
    this.emit('rpma-signed-out', {});
    if (principal?.sessionId) await this.action.run(({ engine }) => engine.auth.logout(principal));
  }
}

/** Why a session ended, as the user reads it. */
function sessionEndText(reason: string): string {
  switch (reason) {
    case 'idle_timeout':
      return msg('You were signed out after a period of inactivity. Please sign in again.', {
        id: 'sign-in-ended-idle',
      });
    case 'absolute_timeout':
      return msg('Your session reached its maximum length. Please sign in again.', {
        id: 'sign-in-ended-absolute',
      });
    case 'user_disabled':
      return msg('This account was disabled.', { id: 'sign-in-ended-disabled' });
    default:
      return msg('Your session was ended. Please sign in again.', { id: 'sign-in-ended-revoked' });
  }
}
