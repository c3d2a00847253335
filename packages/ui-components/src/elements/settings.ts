import { msg } from '@lit/localize';
import { type OrganisationSettings, ROLES, type Role } from '@rpma/engine';
import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { mayRun } from '../base/permissions.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
import { roleLabel } from '../i18n/labels.js';
import { getRpmaLocale } from '../i18n/localization.js';
import { themeStyles } from '../theme/theme.js';

/** Detail of `rpma-settings-saved`. */
export interface SettingsSavedDetail {
  settings: OrganisationSettings & { rev: number };
}

type NumberPath =
  | 'lockout.maxAttempts'
  | 'lockout.windowMinutes'
  | 'lockout.lockMinutes'
  | 'sessions.idleMinutes'
  | 'sessions.absoluteHours'
  | 'filmShelfLifeDays'
  | 'lotExpiryWarningDays'
  | 'photoMaxBytes'
  | 'photoMaxPixels';

/**
 * The shop's settings (`shop.settings`): name, currency, time zone, opening days and hours, task
 * numbering, sign-in security (lockout, session timeouts, roles that must use two-factor),
 * inventory and photo rules. Each refusal shows next to its field; a save is confirmed in words.
 * Read-only for roles that may not change settings (everyone but admins). Re-reads when the
 * settings change elsewhere; saving a stale copy is refused with the engine's `CONFLICT`.
 *
 * @element rpma-settings
 * @fires rpma-settings-saved - The settings were saved; detail `{ settings }`.
 * @csspart form - The settings form.
 * @csspart section - One group of fields (a fieldset).
 * @csspart saved - The saved confirmation.
 * @csspart error - A refusal, in words.
 *
 * @example
 * ```html
 * <rpma-engine-provider><rpma-settings></rpma-settings></rpma-engine-provider>
 * ```
 */
export class RpmaSettings extends RpmaElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        background: var(--_surface);
      }
      form {
        display: grid;
        gap: calc(var(--_space) * 2);
        max-width: 48rem;
      }
      fieldset {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      legend {
        font-weight: 600;
        padding: 0 4px;
      }
      label,
      .field {
        display: grid;
        gap: 2px;
        align-content: start;
      }
      .checks {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      .checks label,
      label.inline {
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .hint {
        color: var(--_muted);
        font-size: 0.875rem;
      }
      .saved {
        color: var(--_success);
      }
    `,
  ];

  @state() private saved = false;

  private readonly save = new ActionController(this);

  private readonly settings = new EngineQueryController(this, {
    events: [],
    collections: ['settings'],
    load: (context) => shopFor(context).settings.get(),
  });

  override render() {
    const value = this.settings.value;
    if (!value) return html`${renderError(this.settings.error)}`;
    const readOnly = !mayRun(this.activePrincipal, 'settings.update');
    const issues = fieldIssues(this.save.error);
    const field = (path: string, label: string, control: TemplateResult, hint?: string) => {
      const issue = issues.get(path);
      const id = path.replace('.', '-');
      return html`<div class="field" part="field" data-path=${path}>
        <label for=${id}>${label}</label>${control}
        ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
        ${issue ? html`<span class="error" id="${id}-issue">${issue}</span>` : nothing}
      </div>`;
    };
    const described = (path: string, hint = false) => {
      const id = path.replace('.', '-');
      const ids = [hint ? `${id}-hint` : '', issues.has(path) ? `${id}-issue` : ''].filter(Boolean).join(' ');
      return ids || nothing;
    };
    const text = (
      path: 'name' | 'currency' | 'timeZone' | 'taskNumberPrefix',
      label: string,
      hint?: string,
    ) =>
      field(
        path,
        label,
        html`<input id=${path} name=${path} .value=${value[path]} aria-invalid=${issues.has(path)}
          aria-describedby=${described(path, hint !== undefined)} />`,
        hint,
      );
    const number = (path: NumberPath, label: string, hint?: string) => {
      const [group, key] = path.split('.') as [string, string | undefined];
      const current = key
        ? (value[group as 'lockout' | 'sessions'] as Record<string, number>)[key]
        : (value[group as keyof OrganisationSettings] as number);
      return field(
        path,
        label,
        html`<input id=${path.replace('.', '-')} name=${path} type="number" inputmode="numeric" step="1"
          .value=${String(current)} aria-invalid=${issues.has(path)} aria-describedby=${described(path, hint !== undefined)} />`,
        hint,
      );
    };
    const days = new Intl.DateTimeFormat(getRpmaLocale(), { weekday: 'long', timeZone: 'UTC' });
    return html`${renderError(this.settings.error)}
      <form part="form" @submit=${this.onSubmit} @input=${this.onEdit} aria-labelledby="title">
        <h2 id="title">${msg('Shop settings', { id: 'settings-title' })}</h2>
        ${
          readOnly
            ? html`<p class="hint" role="note">${msg('Only an administrator can change these settings.', { id: 'settings-read-only' })}</p>`
            : nothing
        }
        <fieldset part="section" ?disabled=${readOnly}>
          <legend>${msg('Shop', { id: 'settings-shop' })}</legend>
          ${text('name', msg('Shop name', { id: 'settings-name' }))}
          ${text('currency', msg('Currency', { id: 'settings-currency' }), msg('ISO code, e.g. EUR', { id: 'settings-currency-hint' }))}
          ${text('timeZone', msg('Time zone', { id: 'settings-time-zone' }), msg('e.g. Europe/Paris', { id: 'settings-time-zone-hint' }))}
          ${text('taskNumberPrefix', msg('Task number prefix', { id: 'settings-prefix' }), msg('T gives T-2026-000123', { id: 'settings-prefix-hint' }))}
        </fieldset>
        <fieldset part="section" ?disabled=${readOnly}>
          <legend>${msg('Opening hours', { id: 'settings-hours' })}</legend>
          <div class="field" role="group" aria-labelledby="days-label" data-path="businessHours.days">
            <span id="days-label">${msg('Open on', { id: 'settings-days' })}</span>
            <div class="checks">
              ${[1, 2, 3, 4, 5, 6, 7].map(
                (day) => html`<label><input type="checkbox" name="businessHours.days" value=${day}
                  .checked=${value.businessHours.days.includes(day)} />${days.format(new Date(Date.UTC(2024, 0, day)))}</label>`,
              )}
            </div>
            ${issues.has('businessHours.days') ? html`<span class="error">${issues.get('businessHours.days')}</span>` : nothing}
          </div>
          ${field('businessHours.open', msg('Opens at', { id: 'settings-open' }), html`<input id="businessHours-open" name="businessHours.open" type="time" .value=${value.businessHours.open} aria-invalid=${issues.has('businessHours.open')} aria-describedby=${described('businessHours.open')} />`)}
          ${field('businessHours.close', msg('Closes at', { id: 'settings-close' }), html`<input id="businessHours-close" name="businessHours.close" type="time" .value=${value.businessHours.close} aria-invalid=${issues.has('businessHours.close')} aria-describedby=${described('businessHours.close')} />`)}
        </fieldset>
        <fieldset part="section" ?disabled=${readOnly}>
          <legend>${msg('Sign-in security', { id: 'settings-security' })}</legend>
          ${number('lockout.maxAttempts', msg('Failed sign-ins before lockout', { id: 'settings-max-attempts' }))}
          ${number('lockout.windowMinutes', msg('Counted over (minutes)', { id: 'settings-window' }))}
          ${number('lockout.lockMinutes', msg('Lockout length (minutes)', { id: 'settings-lock' }))}
          ${number('sessions.idleMinutes', msg('Idle timeout (minutes)', { id: 'settings-idle' }))}
          ${number('sessions.absoluteHours', msg('Session length (hours)', { id: 'settings-absolute' }))}
          <div class="field" role="group" aria-labelledby="twofa-label">
            <span id="twofa-label">${msg('Two-factor required for', { id: 'settings-two-factor' })}</span>
            <div class="checks">
              ${ROLES.map(
                (role) => html`<label><input type="checkbox" name="twoFactorRequiredRoles" value=${role}
                  .checked=${value.twoFactorRequiredRoles.includes(role)} />${roleLabel(role)}</label>`,
              )}
            </div>
          </div>
        </fieldset>
        <fieldset part="section" ?disabled=${readOnly}>
          <legend>${msg('Inventory and photos', { id: 'settings-inventory' })}</legend>
          <label class="inline"><input type="checkbox" name="allowNegativeStock" .checked=${value.allowNegativeStock} />${msg('Allow negative stock', { id: 'settings-negative' })}</label>
          ${number('filmShelfLifeDays', msg('Film shelf life (days)', { id: 'settings-shelf-life' }))}
          ${number('lotExpiryWarningDays', msg('Warn before lot expiry (days)', { id: 'settings-expiry-warning' }))}
          ${number('photoMaxBytes', msg('Largest photo (bytes)', { id: 'settings-photo-bytes' }))}
          ${number('photoMaxPixels', msg('Largest photo (pixels)', { id: 'settings-photo-pixels' }))}
          <label class="inline"><input type="checkbox" name="keepPhotoLocation" .checked=${value.keepPhotoLocation} />${msg('Keep photo location data', { id: 'settings-keep-location' })}</label>
        </fieldset>
        ${
          readOnly
            ? nothing
            : html`<div>
              <button class="primary" type="submit" ?disabled=${this.save.pending}>${msg('Save settings', { id: 'settings-save' })}</button>
              ${this.saved ? html`<span class="saved" part="saved" role="status">${msg('Settings saved.', { id: 'settings-saved' })}</span>` : nothing}
            </div>`
        }
        ${renderError(this.save.error)}
      </form>`;
  }

  private onEdit(): void {
    this.saved = false;
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const current = this.settings.value;
    if (!current) return;
    const form = new FormData(e.target as HTMLFormElement);
    const text = (name: string) => form.get(name)?.toString() ?? '';
    const number = (name: string) => (text(name).trim() === '' ? Number.NaN : Number(text(name)));
    const patch = {
      rev: current.rev,
      name: text('name'),
      currency: text('currency').trim().toUpperCase(),
      timeZone: text('timeZone').trim(),
      taskNumberPrefix: text('taskNumberPrefix').trim(),
      businessHours: {
        days: form.getAll('businessHours.days').map(Number),
        open: text('businessHours.open'),
        close: text('businessHours.close'),
      },
      lockout: {
        maxAttempts: number('lockout.maxAttempts'),
        windowMinutes: number('lockout.windowMinutes'),
        lockMinutes: number('lockout.lockMinutes'),
      },
      sessions: {
        idleMinutes: number('sessions.idleMinutes'),
        absoluteHours: number('sessions.absoluteHours'),
      },
      twoFactorRequiredRoles: form.getAll('twoFactorRequiredRoles').map(String) as Role[],
      allowNegativeStock: form.has('allowNegativeStock'),
      filmShelfLifeDays: number('filmShelfLifeDays'),
      lotExpiryWarningDays: number('lotExpiryWarningDays'),
      photoMaxBytes: number('photoMaxBytes'),
      photoMaxPixels: number('photoMaxPixels'),
      keepPhotoLocation: form.has('keepPhotoLocation'),
    };
    this.saved = false;
    const settings = await this.save.run((context) => shopFor(context).settings.update(patch));
    if (!settings) return;
    this.saved = true;
    this.settings.value = settings;
    this.emit<SettingsSavedDetail>('rpma-settings-saved', { settings });
  }
}
