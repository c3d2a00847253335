import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
import { formatDateTime } from '../i18n/format.js';
import { roleLabel } from '../i18n/labels.js';
import { tableStyles } from '../theme/table-styles.js';
import { themeStyles } from '../theme/theme.js';
import { TwoFactorPanel, twoFactorStyles } from './account-two-factor.js';

/**
 * The signed-in user's own account: profile (name, phone, locale), password change (proving
 * the current one; the user's other sessions end), two-factor authentication (enrol with the
 * QR code or the secret and a first code, backup codes shown once, regenerate them, disable
 * with the password) and the open sessions, each revocable. Each refusal shows in the section
 * it concerns. Re-reads when the account or its sessions change.
 *
 * @element rpma-account
 * @fires rpma-profile-saved - The profile was saved; detail `{ displayName }`.
 * @fires rpma-password-changed - The password was changed; detail `{ otherSessionsEnded }`.
 * @csspart section - One section (profile, password, two-factor, sessions).
 * @csspart qr - The QR code to scan during two-factor enrolment.
 * @csspart secret - The two-factor secret, for typing by hand.
 * @csspart backup-codes - The backup codes, shown once.
 * @csspart notice - What the last action did, in words.
 * @csspart error - A refusal, in words.
 *
 * @example
 * ```html
 * <rpma-engine-provider><rpma-sign-in></rpma-sign-in><rpma-account></rpma-account></rpma-engine-provider>
 * ```
 */
export class RpmaAccount extends RpmaElement {
  static override styles = [
    themeStyles,
    tableStyles,
    twoFactorStyles,
    css`
      :host {
        display: grid;
        gap: calc(var(--_space) * 2);
        max-width: 48rem;
        background: var(--_surface);
      }
      section {
        display: grid;
        gap: var(--_space);
        padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 2);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      h2 {
        margin: var(--_space) 0 0;
        font-size: 1.1rem;
      }
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: var(--_space);
        align-items: end;
      }
      label {
        display: grid;
        gap: 2px;
      }
      .muted {
        color: var(--_muted);
      }
      .notice {
        color: var(--_success);
        margin: 0;
      }
    `,
  ];

  @state() private profileSaved = false;
  @state() private passwordNotice = '';

  private readonly profile = new ActionController(this);
  private readonly password = new ActionController(this);
  private readonly twoFactor = new TwoFactorPanel(this);
  private readonly revoke = new ActionController(this);

  private readonly me = new EngineQueryController(this, {
    events: ['user.changed'],
    collections: ['users'],
    load: (context) => shopFor(context).users.me(),
  });

  private readonly sessions = new EngineQueryController(this, {
    events: ['session.revoked', 'session.expired'],
    collections: ['sessions'],
    load: (context) => shopFor(context).sessions.list(),
  });

  override render() {
    return html`${this.renderProfile()} ${this.renderPassword()} <section part="section" aria-labelledby="two-factor-title">${this.twoFactor.render()}</section> ${this.renderSessions()}`;
  }

  private renderProfile() {
    const me = this.me.value;
    const issues = fieldIssues(this.profile.error);
    const field = (name: 'displayName' | 'phone' | 'locale', label: string, value: string, hint?: string) =>
      html`<label>${label}
        <input name=${name} .value=${value} aria-invalid=${issues.has(name)}
          aria-describedby=${issues.has(name) ? `${name}-issue` : hint ? `${name}-hint` : nothing} />
        ${hint ? html`<span class="muted" id="${name}-hint">${hint}</span>` : nothing}
        ${issues.has(name) ? html`<span class="error" id="${name}-issue">${issues.get(name)}</span>` : nothing}
      </label>`;
    return html`<section part="section" aria-labelledby="profile-title">
      <h2 id="profile-title">${msg('Profile', { id: 'account-profile' })}</h2>
      ${renderError(this.me.error)}
      ${
        me
          ? html`<p class="muted">${me.email} · ${roleLabel(me.role)}</p>
            <form @submit=${this.saveProfile} @input=${() => {
              this.profileSaved = false;
            }}>
              ${field('displayName', msg('Name', { id: 'account-name' }), me.displayName)}
              ${field('phone', msg('Phone', { id: 'account-phone' }), me.phone ?? '')}
              ${field('locale', msg('Language', { id: 'account-locale' }), me.locale ?? '', msg('e.g. fr or fr-FR', { id: 'account-locale-hint' }))}
              <div>
                <button class="primary" type="submit" ?disabled=${this.profile.pending}>${msg('Save profile', { id: 'account-save-profile' })}</button>
              </div>
            </form>
            ${this.profileSaved ? html`<p class="notice" part="notice" role="status">${msg('Profile saved.', { id: 'account-profile-saved' })}</p>` : nothing}
            ${renderError(this.profile.error)}`
          : nothing
      }
    </section>`;
  }

  private renderPassword() {
    const issues = fieldIssues(this.password.error);
    const field = (name: 'currentPassword' | 'newPassword', label: string, autocomplete: string) =>
      html`<label>${label}
        <input name=${name} type="password" required autocomplete=${autocomplete} aria-invalid=${issues.has(name)}
          aria-describedby=${issues.has(name) ? `${name}-issue` : nothing} />
        ${issues.has(name) ? html`<span class="error" id="${name}-issue">${issues.get(name)}</span>` : nothing}
      </label>`;
    return html`<section part="section" aria-labelledby="password-title">
      <h2 id="password-title">${msg('Password', { id: 'account-password' })}</h2>
      <form @submit=${this.changePassword}>
        ${field('currentPassword', msg('Current password', { id: 'account-current-password' }), 'current-password')}
        ${field('newPassword', msg('New password', { id: 'account-new-password' }), 'new-password')}
        <div>
          <button class="primary" type="submit" ?disabled=${this.password.pending}>${msg('Change password', { id: 'account-change-password' })}</button>
        </div>
      </form>
      ${this.passwordNotice ? html`<p class="notice" part="notice" role="status">${this.passwordNotice}</p>` : nothing}
      ${renderError(this.password.error)}
    </section>`;
  }

  private renderSessions() {
    return html`<section part="section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">${msg('Where you are signed in', { id: 'account-sessions' })}</h2>
      ${renderError(this.sessions.error)}
      <table aria-labelledby="sessions-title" aria-busy=${this.sessions.loading}>
        <thead>
          <tr>
            <th scope="col">${msg('Device', { id: 'account-device' })}</th>
            <th scope="col">${msg('Signed in', { id: 'account-started' })}</th>
            <th scope="col">${msg('Last active', { id: 'account-last-seen' })}</th>
            <th scope="col"><span class="visually-hidden">${msg('Actions', { id: 'account-session-actions' })}</span></th>
          </tr>
        </thead>
        <tbody>
          ${(this.sessions.value ?? []).map((session) => {
            const device = session.device ?? msg('Unknown device', { id: 'account-unknown-device' });
            return html`<tr data-session=${session.id}>
              <th scope="row">${device}</th>
              <td>${formatDateTime(session.startedAt)}</td>
              <td>${formatDateTime(session.lastSeenAt)}</td>
              <td>
                ${
                  session.current
                    ? html`<span class="muted">${msg('This session', { id: 'account-this-session' })}</span>`
                    : html`<button type="button" data-action="revoke" ?disabled=${this.revoke.pending}
                        aria-label=${msg(str`Sign out ${device}, signed in ${formatDateTime(session.startedAt)}`, { id: 'account-revoke-label' })}
                        @click=${() => this.revokeSession(session.id)}>${msg('Sign out', { id: 'account-revoke' })}</button>`
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${renderError(this.revoke.error)}
    </section>`;
  }

  private async saveProfile(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const text = (name: string) => form.get(name)?.toString() ?? '';
    const input = {
      displayName: text('displayName'),
      phone: text('phone'),
      ...(text('locale').trim() ? { locale: text('locale').trim() } : {}),
    };
    this.profileSaved = false;
    const user = await this.profile.run((context) => shopFor(context).users.updateProfile(input));
    if (!user) return;
    this.profileSaved = true;
    this.emit('rpma-profile-saved', { displayName: user.displayName });
  }

  private async changePassword(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const formElement = e.target as HTMLFormElement;
    const form = new FormData(formElement);
    const input = {
      currentPassword: form.get('currentPassword')?.toString() ?? '',
      newPassword: form.get('newPassword')?.toString() ?? '',
    };
    this.passwordNotice = '';
    const result = await this.password.run((context) => shopFor(context).users.changePassword(input));
    if (!result) return;
    formElement.reset();
    const ended = result.otherSessionsEnded;
    this.passwordNotice = msg(str`Password changed. Other sessions signed out: ${ended}.`, {
      id: 'account-password-changed',
    });
    this.emit('rpma-password-changed', result);
  }

  private async revokeSession(id: string): Promise<void> {
    await this.revoke.run((context) => shopFor(context).sessions.revoke({ id }));
  }
}
