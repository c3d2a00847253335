import { msg, str } from '@lit/localize';
import { css, html, nothing, type ReactiveController } from 'lit';
import type { EngineHost } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { fieldIssues, renderError } from '../errors/error-text.js';

/**
 * Styles of the two-factor section of `<rpma-account>`.
 *
 * @example
 * ```ts
 * static override styles = [themeStyles, twoFactorStyles];
 * ```
 */
export const twoFactorStyles = css`
  .qr {
    width: 12rem;
    height: 12rem;
    background: #fff;
    padding: var(--_space);
    border-radius: var(--_radius);
  }
  .secret,
  .codes {
    font-family: ui-monospace, monospace;
    letter-spacing: 0.05em;
  }
  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: 4px;
    padding: 0;
    list-style: none;
  }
  .warning {
    color: var(--_warning);
  }
`;

/**
 * The two-factor section of `<rpma-account>`, as a controller of its host: the caller's status
 * (`twoFactor.status`), enrolment (`begin` shows the QR code and the secret; `confirm` with a
 * first code), backup codes shown once, regeneration (with a current code) and disabling (with
 * the password). Refusals (a wrong or reused code, a wrong password) show in the section.
 *
 * @example
 * ```ts
 * private readonly twoFactor = new TwoFactorPanel(this);
 * render() { return html`<section>${this.twoFactor.render()}</section>`; }
 * ```
 */
export class TwoFactorPanel implements ReactiveController {
  /** An enrolment begun and not yet confirmed: the QR code and secret to show. */
  private enrolment: { secret: string; qrSvg: string } | undefined;
  /** Backup codes just issued, shown until the user says they kept them. */
  private backupCodes: string[] = [];
  private readonly action: ActionController;
  private readonly status: EngineQueryController<{
    enabled: boolean;
    backupCodesLeft: number;
    required: boolean;
  }>;

  constructor(private readonly host: EngineHost) {
    host.addController(this);
    this.action = new ActionController(host);
    this.status = new EngineQueryController(host, {
      events: ['user.changed'],
      load: (context) => shopFor(context).twoFactor.status(),
    });
  }

  /** A new principal starts from its own status, with nothing of the previous one on screen. */
  hostDisconnected(): void {
    this.enrolment = undefined;
    this.backupCodes = [];
  }

  /** The section's content. */
  render() {
    const status = this.status.value;
    const busy = this.action.pending;
    const issue = fieldIssues(this.action.error);
    return html`<h2 id="two-factor-title">${msg('Two-factor authentication', { id: 'account-two-factor' })}</h2>
      ${renderError(this.status.error)}
      ${
        this.backupCodes.length > 0
          ? html`<div part="backup-codes" role="region" aria-labelledby="codes-title">
            <p id="codes-title"><strong>${msg('Your backup codes', { id: 'account-codes-title' })}</strong> —
              ${msg('each works once if you lose your phone. Keep them somewhere safe: they are not shown again.', { id: 'account-codes-hint' })}</p>
            <ul class="codes">${this.backupCodes.map((code) => html`<li>${code}</li>`)}</ul>
            <button type="button" data-action="codes-kept" @click=${this.codesKept}>${msg('I have saved these codes', { id: 'account-codes-kept' })}</button>
          </div>`
          : nothing
      }
      ${
        !status
          ? nothing
          : status.enabled
            ? html`<p data-two-factor="on">${msg(str`Two-factor authentication is on. Backup codes left: ${status.backupCodesLeft}.`, { id: 'account-two-factor-on' })}</p>
              <form @submit=${this.regenerate} aria-label=${msg('New backup codes', { id: 'account-regenerate-label' })}>
                <label>${msg('Code from your authenticator app', { id: 'account-code' })}
                  <input name="code" inputmode="numeric" autocomplete="one-time-code" required /></label>
                <div><button type="submit" data-action="regenerate" ?disabled=${busy}>${msg('New backup codes', { id: 'account-regenerate' })}</button></div>
              </form>
              <form @submit=${this.disable} aria-label=${msg('Turn off two-factor', { id: 'account-disable-label' })}>
                <label>${msg('Your password', { id: 'account-disable-password' })}
                  <input name="password" type="password" autocomplete="current-password" required
                    aria-invalid=${issue.has('password')} /></label>
                <div><button type="submit" data-action="disable" ?disabled=${busy}>${msg('Turn off two-factor', { id: 'account-disable' })}</button></div>
              </form>`
            : this.enrolment
              ? html`<p>${msg('Scan this code with your authenticator app, or type the secret, then enter the code it shows.', { id: 'account-enrol-hint' })}</p>
                <img class="qr" part="qr" alt=${msg('QR code for your authenticator app', { id: 'account-qr-alt' })}
                  src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(this.enrolment.qrSvg)}" />
                <p>${msg('Secret:', { id: 'account-secret' })} <code class="secret" part="secret">${this.enrolment.secret}</code></p>
                <form @submit=${this.confirm}>
                  <label>${msg('Code from your authenticator app', { id: 'account-confirm-code' })}
                    <input name="code" inputmode="numeric" autocomplete="one-time-code" required /></label>
                  <div><button class="primary" type="submit" data-action="confirm" ?disabled=${busy}>${msg('Turn on', { id: 'account-confirm' })}</button></div>
                </form>`
              : html`${status.required ? html`<p class="warning">${msg('Your role must use two-factor authentication.', { id: 'account-two-factor-required' })}</p>` : nothing}
                <p data-two-factor="off">${msg('Two-factor authentication is off.', { id: 'account-two-factor-off' })}</p>
                <div><button class="primary" type="button" data-action="begin" ?disabled=${busy} @click=${this.begin}>
                  ${msg('Set up two-factor', { id: 'account-begin' })}</button></div>`
      }
      ${renderError(this.action.error)}`;
  }

  private readonly begin = async (): Promise<void> => {
    const started = await this.action.run((context) => shopFor(context).twoFactor.begin());
    if (started) this.enrolment = { secret: started.secret, qrSvg: started.qrSvg };
    this.host.requestUpdate();
  };

  private readonly confirm = async (e: SubmitEvent): Promise<void> => {
    const code = codeOf(e);
    const result = await this.action.run((context) => shopFor(context).twoFactor.confirm({ code }));
    if (!result) return;
    this.enrolment = undefined;
    this.backupCodes = result.backupCodes;
    this.host.requestUpdate();
  };

  private readonly regenerate = async (e: SubmitEvent): Promise<void> => {
    const code = codeOf(e);
    const result = await this.action.run((context) =>
      shopFor(context).twoFactor.regenerateBackupCodes({ code }),
    );
    if (!result) return;
    this.backupCodes = result.backupCodes;
    this.host.requestUpdate();
  };

  private readonly disable = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const password = new FormData(e.target as HTMLFormElement).get('password')?.toString() ?? '';
    await this.action.run((context) => shopFor(context).twoFactor.disable({ password }));
  };

  private readonly codesKept = (): void => {
    this.backupCodes = [];
    this.host.requestUpdate();
  };
}

/** The code typed in a submitted form, with the form's default action prevented. */
function codeOf(e: SubmitEvent): string {
  e.preventDefault();
  return (new FormData(e.target as HTMLFormElement).get('code')?.toString() ?? '').replace(/\s+/g, '');
}
