import { msg, str } from '@lit/localize';
import { type Doc, ROLES, type Role, type User } from '@rpma/engine';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { mayRun } from '../base/permissions.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
import { roleLabel } from '../i18n/labels.js';
import { tableStyles } from '../theme/table-styles.js';
import { themeStyles } from '../theme/theme.js';

/** Detail of `rpma-user-created`. */
export interface UserCreatedDetail {
  user: Doc<User>;
}

/**
 * User administration (`shop.users`): every account with its role and status; create an
 * account (email, name, role, temporary password); and, for admins, change a role, disable or
 * enable, reset the password, clear a sign-in lockout, reset two-factor. The engine's rules
 * apply and its refusals show next to the row (it keeps at least one enabled admin; a
 * supervisor creates only technicians and viewers). Re-reads when any account changes.
 *
 * @element rpma-users
 * @fires rpma-user-created - An account was created; detail `{ user }`.
 * @csspart create - The new-account form.
 * @csspart table - The accounts table.
 * @csspart row - One account.
 * @csspart notice - What the last action on a row did, in words.
 * @csspart error - A refusal, in words.
 *
 * @example
 * ```html
 * <rpma-engine-provider><rpma-users></rpma-users></rpma-engine-provider>
 * ```
 */
export class RpmaUsers extends RpmaElement {
  static override styles = [
    themeStyles,
    tableStyles,
    css`
      :host {
        display: block;
        background: var(--_surface);
      }
      form.create {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: var(--_space);
        align-items: end;
        padding: var(--_space);
        margin-bottom: calc(var(--_space) * 2);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      form.create h2 {
        grid-column: 1 / -1;
        margin: 0;
        font-size: 1rem;
      }
      label {
        display: grid;
        gap: 2px;
      }
      th,
      td {
        vertical-align: top;
      }
      .actions,
      form.inline {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
      }
      .muted {
        color: var(--_muted);
      }
      .disabled {
        color: var(--_danger);
      }
      .notice {
        color: var(--_success);
      }
      .wide {
        grid-column: 1 / -1;
      }
    `,
  ];

  /** The row (user id) the last action concerned, so its refusal or notice shows there. */
  @state() private acted = '';
  /** What the last successful row action did. */
  @state() private notice = '';
  /** The user whose password is being reset. */
  @state() private resetting = '';

  private readonly action = new ActionController(this);
  private readonly create = new ActionController(this);

  private readonly users = new EngineQueryController(this, {
    events: ['user.changed'],
    collections: ['users'],
    load: async (context) => (await shopFor(context).users.list({ limit: 1000 })).items,
  });

  override render() {
    const admin = mayRun(this.activePrincipal, 'users.changeRole');
    return html`${mayRun(this.activePrincipal, 'users.create') ? this.renderCreate(admin) : nothing}
      ${renderError(this.users.error)}
      <table part="table" aria-busy=${this.users.loading}>
        <caption class="visually-hidden">${msg('User accounts', { id: 'users-caption' })}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Name', { id: 'users-name' })}</th>
            <th scope="col">${msg('Role', { id: 'users-role' })}</th>
            <th scope="col">${msg('Status', { id: 'users-status' })}</th>
            ${admin ? html`<th scope="col">${msg('Actions', { id: 'users-actions' })}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${(this.users.value ?? []).map((user) => this.renderRow(user, admin))}
        </tbody>
      </table>`;
  }

  private renderCreate(admin: boolean) {
    const issues = fieldIssues(this.create.error);
    const conflict = this.create.error?.code === 'CONFLICT' ? this.create.error : undefined;
    if (typeof conflict?.details.field === 'string') issues.set(conflict.details.field, conflict.message);
    const roles = admin ? ROLES : ROLES.filter((role) => role === 'technician' || role === 'viewer');
    const issue = (path: string) =>
      issues.has(path)
        ? html`<span class="error" id="new-${path}-issue">${issues.get(path)}</span>`
        : nothing;
    const invalid = (path: string) => ({
      invalid: issues.has(path),
      describedBy: issues.has(path) ? `new-${path}-issue` : nothing,
    });
    const email = invalid('email');
    const name = invalid('displayName');
    const password = invalid('password');
    return html`<form class="create" part="create" aria-labelledby="new-title" @submit=${this.onCreate}>
      <h2 id="new-title">${msg('New account', { id: 'users-new' })}</h2>
      <label>${msg('Email', { id: 'users-email' })}
        <input name="email" type="email" autocomplete="off" required aria-invalid=${email.invalid} aria-describedby=${email.describedBy} />
        ${issue('email')}
      </label>
      <label>${msg('Name', { id: 'users-display-name' })}
        <input name="displayName" required aria-invalid=${name.invalid} aria-describedby=${name.describedBy} />
        ${issue('displayName')}
      </label>
      <label>${msg('Role', { id: 'users-new-role' })}
        <select name="role">
          ${roles.map((role) => html`<option value=${role} ?selected=${role === 'technician'}>${roleLabel(role)}</option>`)}
        </select>
      </label>
      <label>${msg('Temporary password', { id: 'users-password' })}
        <input name="password" type="password" autocomplete="new-password" required aria-invalid=${password.invalid} aria-describedby=${password.describedBy} />
        ${issue('password')}
      </label>
      <div><button class="primary" type="submit" ?disabled=${this.create.pending}>${msg('Create account', { id: 'users-create' })}</button></div>
      <div class="wide">${renderError(this.create.error)}</div>
    </form>`;
  }

  private renderRow(user: Doc<User>, admin: boolean) {
    const name = user.displayName;
    const busy = this.action.pending;
    return html`<tr part="row" data-id=${user.id}>
      <th scope="row">${name}<br /><span class="muted">${user.email}</span></th>
      <td>
        ${
          admin
            ? html`<select aria-label=${msg(str`Role of ${name}`, { id: 'users-role-of' })} data-action="role" .value=${live(user.role)} ?disabled=${busy}
                @change=${(e: Event) => this.changeRole(user, (e.target as HTMLSelectElement).value as Role)}>
                ${ROLES.map((role) => html`<option value=${role} ?selected=${role === user.role}>${roleLabel(role)}</option>`)}
              </select>`
            : roleLabel(user.role)
        }
      </td>
      <td data-status>
        ${user.disabled ? html`<span class="disabled">${msg('Disabled', { id: 'users-disabled' })}</span>` : msg('Active', { id: 'users-active' })}
        ${user.twoFactorEnabled ? html`<br /><span class="muted">${msg('Two-factor on', { id: 'users-two-factor-on' })}</span>` : nothing}
      </td>
      ${admin ? html`<td>${this.renderActions(user)}</td>` : nothing}
    </tr>`;
  }

  private renderActions(user: Doc<User>) {
    const name = user.displayName;
    const busy = this.action.pending;
    const mine = this.acted === user.id;
    return html`${
      this.resetting === user.id
        ? html`<form class="inline" @submit=${(e: SubmitEvent) => this.resetPassword(e, user)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Escape') void this.cancelReset(user);
            }}>
            <label>${msg(str`New temporary password for ${name}`, { id: 'users-reset-label' })}
              <input name="newPassword" type="password" autocomplete="new-password" required /></label>
            <button type="submit" class="primary" ?disabled=${busy}>${msg('Set password', { id: 'users-reset-set' })}</button>
            <button type="button" @click=${() => this.cancelReset(user)}>${msg('Cancel', { id: 'users-cancel' })}</button>
          </form>`
        : html`<div class="actions">
            <button type="button" data-action="disable" ?disabled=${busy} @click=${() => this.setDisabled(user, !user.disabled)}>
              ${user.disabled ? msg('Enable', { id: 'users-enable' }) : msg('Disable', { id: 'users-disable' })}
            </button>
            <button type="button" data-action="reset-password" ?disabled=${busy} @click=${() => this.askReset(user)}>
              ${msg('Reset password…', { id: 'users-reset-password' })}
            </button>
            <button type="button" data-action="unlock" ?disabled=${busy} @click=${() => this.unlock(user)}>${msg('Unlock', { id: 'users-unlock' })}</button>
            ${
              user.twoFactorEnabled
                ? html`<button type="button" data-action="reset-two-factor" ?disabled=${busy} @click=${() => this.resetTwoFactor(user)}>
                    ${msg('Reset two-factor', { id: 'users-reset-two-factor' })}
                  </button>`
                : nothing
            }
          </div>`
    }
    ${mine && this.notice ? html`<p class="notice" part="notice" role="status">${this.notice}</p>` : nothing}
    ${mine ? renderError(this.action.error) : nothing}`;
  }

  private async run(user: Doc<User>, command: Parameters<ActionController['run']>[0], notice: () => string) {
    this.acted = user.id;
    this.notice = '';
    const result = await this.action.run(command);
    if (result !== undefined) this.notice = notice();
    return result;
  }

  private async onCreate(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const formElement = e.target as HTMLFormElement;
    const form = new FormData(formElement);
    const input = {
      email: form.get('email')?.toString() ?? '',
      displayName: form.get('displayName')?.toString() ?? '',
      role: (form.get('role')?.toString() ?? 'technician') as Role,
      password: form.get('password')?.toString() ?? '',
    };
    const user = await this.create.run((context) => shopFor(context).users.create(input));
    if (!user) return;
    formElement.reset();
    this.emit<UserCreatedDetail>('rpma-user-created', { user });
  }

  private changeRole(user: Doc<User>, role: Role): Promise<unknown> {
    return this.run(
      user,
      (context) => shopFor(context).users.changeRole({ id: user.id, role }),
      () => msg(str`${user.displayName} is now ${roleLabel(role)}.`, { id: 'users-role-changed' }),
    );
  }

  private setDisabled(user: Doc<User>, disabled: boolean): Promise<unknown> {
    return this.run(
      user,
      (context) => shopFor(context).users.setDisabled({ id: user.id, disabled }),
      () =>
        disabled
          ? msg(str`${user.displayName} can no longer sign in.`, { id: 'users-disabled-notice' })
          : msg(str`${user.displayName} can sign in again.`, { id: 'users-enabled-notice' }),
    );
  }

  private async askReset(user: Doc<User>): Promise<void> {
    this.resetting = user.id;
    this.acted = user.id;
    this.notice = '';
    this.action.clear();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name="newPassword"]')?.focus();
  }

  /** Leaves the password form (Cancel or Escape), focus back on the row's reset button. */
  private async cancelReset(user: Doc<User>): Promise<void> {
    this.resetting = '';
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLButtonElement>(`tr[data-id="${user.id}"] [data-action="reset-password"]`)
      ?.focus();
  }

  private async resetPassword(e: SubmitEvent, user: Doc<User>): Promise<void> {
    e.preventDefault();
    const newPassword = new FormData(e.target as HTMLFormElement).get('newPassword')?.toString() ?? '';
    const result = await this.run(
      user,
      (context) => shopFor(context).users.resetPassword({ id: user.id, newPassword }),
      () =>
        msg(str`Password reset; ${user.displayName} was signed out everywhere.`, {
          id: 'users-reset-notice',
        }),
    );
    if (result !== undefined) this.resetting = '';
  }

  private async unlock(user: Doc<User>): Promise<void> {
    const result = (await this.run(
      user,
      (context) => shopFor(context).users.unlock({ id: user.id }),
      () => '',
    )) as { wasLocked: boolean } | undefined;
    if (!result) return;
    this.notice = result.wasLocked
      ? msg(str`${user.displayName} can try to sign in again.`, { id: 'users-unlocked' })
      : msg(str`${user.displayName} was not locked out.`, { id: 'users-not-locked' });
  }

  private resetTwoFactor(user: Doc<User>): Promise<unknown> {
    return this.run(
      user,
      (context) => shopFor(context).users.resetTwoFactor({ id: user.id }),
      () =>
        msg(str`Two-factor removed for ${user.displayName}; they can enrol again.`, {
          id: 'users-two-factor-reset',
        }),
    );
  }
}
