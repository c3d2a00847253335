import { msg, str } from '@lit/localize';
import type { Client, Doc, Vehicle } from '@rpma/engine';
import { css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html } from 'lit/static-html.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { asTaskPage, type TaskRow } from '../engine-types.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
import { renderField } from '../forms/field.js';
import { formStyles } from '../forms/form-styles.js';
import { siblingTag } from '../forms/sibling-tag.js';
import { formatDateTime } from '../i18n/format.js';
import { clientKindLabel, statusLabel } from '../i18n/labels.js';
import { themeStyles } from '../theme/theme.js';
import { CLIENT_COLLECTIONS } from './client-list.js';
import { TASK_EVENTS, type TaskSelectDetail } from './task-list.js';
import { vehicleLabel } from './vehicle-picker.js';

/** Detail of `rpma-client-deleted`. */
export interface ClientDeletedDetail {
  clientId: string;
}

interface ClientData {
  client: Doc<Client>;
  vehicles: Doc<Vehicle>[];
  tasks: TaskRow[];
}

/**
 * One client: their fields, editable (`shop.clients.update`, each refusal in words next to its
 * field), their vehicles with add / edit (`<rpma-vehicle-form>`), their task history (newest
 * first; a row sends `rpma-task-select`), and "move to trash" behind a confirmation. Re-reads
 * whenever the client, a vehicle or a task changes.
 *
 * @element rpma-client-detail
 * @fires rpma-task-select - A task of the history was chosen; detail `{ taskId, task }`.
 * @fires rpma-client-deleted - The client was moved to the trash; detail `{ clientId }`.
 * @csspart card - Each section (details, vehicles, history).
 * @csspart form - The client form.
 * @csspart field - One labelled field.
 * @csspart field-error - The engine's refusal of one field, in words.
 * @csspart vehicle - One vehicle row.
 * @csspart task - One task of the history (a button).
 * @csspart delete - The "move to trash" button.
 * @csspart dialog - The delete confirmation.
 * @csspart error - A refusal, in words.
 *
 * @example
 * ```html
 * <rpma-client-detail client-id="0193…"></rpma-client-detail>
 * ```
 */
export class RpmaClientDetail extends RpmaElement {
  static override styles = [
    themeStyles,
    formStyles,
    css`
      :host {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      section {
        display: grid;
        gap: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
        background: var(--_surface);
      }
      h2,
      h3 {
        margin: 0;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 4px;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
        justify-content: space-between;
      }
      .task {
        width: 100%;
        display: grid;
        grid-template-columns: 9rem 1fr 8rem 10rem;
        gap: var(--_space);
        text-align: start;
      }
      dialog {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
      }
    `,
  ];

  /** The client to show. */
  @property({ attribute: 'client-id' }) clientId = '';

  /** The vehicle being edited, `new` while adding one, '' otherwise. */
  @state() private editingVehicle = '';
  @state() private saved = false;
  @state() private deleted = false;

  private readonly data = new EngineQueryController<ClientData>(this, {
    events: TASK_EVENTS,
    collections: CLIENT_COLLECTIONS,
    args: () => [this.clientId],
    load: async (context) => {
      const shop = shopFor(context);
      const client = await shop.clients.get({ id: this.clientId });
      const vehicles = await shop.vehicles.list({ clientId: client.id, limit: 1000 });
      const tasks = asTaskPage(
        await shop.tasks.page({ clientId: client.id, sort: 'createdAt', direction: 'desc', limit: 100 }),
      );
      return { client, vehicles: vehicles.items, tasks: tasks.items };
    },
  });
  private readonly save = new ActionController(this);
  private readonly trash = new ActionController(this);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('clientId')) {
      this.deleted = false;
      this.saved = false;
      this.editingVehicle = '';
    }
  }

  override render() {
    if (this.deleted) {
      return html`<section part="card"><p role="status">${msg('The client was moved to the trash.', { id: 'client-detail-deleted' })}</p></section>`;
    }
    const data = this.data.value?.client.id === this.clientId ? this.data.value : undefined;
    if (!data) return renderError(this.data.error);
    return html`${this.renderDetails(data.client)} ${this.renderVehicles(data.client, data.vehicles)}
    ${this.renderHistory(data.tasks)}`;
  }

  private renderDetails(client: Doc<Client>) {
    const issues = fieldIssues(this.save.error);
    const field = (name: string, label: string, value: string | null | undefined, extra = {}) =>
      renderField({ name, label, value: value ?? '', issue: issues.get(name), ...extra });
    const { stats } = client;
    return html`<section part="card" aria-labelledby="client-title">
      <h2 id="client-title">${client.name}</h2>
      <p class="muted">
        ${clientKindLabel(client.kind)} ·
        ${msg(str`${stats.tasks} tasks, ${stats.completed} completed`, { id: 'client-detail-stats' })}
        ${stats.lastVisitAt ? html` · ${msg('Last visit', { id: 'client-detail-last-visit' })} ${formatDateTime(stats.lastVisitAt)}` : nothing}
      </p>
      <form part="form" novalidate @submit=${(e: SubmitEvent) => this.onSave(e, client)} @input=${() => {
        this.saved = false;
      }}>
        <div class="grid">
          <div class="field" part="field" data-field="kind">
            <label for="field-kind">${msg('Kind', { id: 'client-list-kind' })}</label>
            <select id="field-kind" name="kind">
              ${(['individual', 'business'] as const).map(
                (k) => html`<option value=${k} ?selected=${client.kind === k}>${clientKindLabel(k)}</option>`,
              )}
            </select>
          </div>
          ${field('name', msg('Name', { id: 'client-name' }), client.name, { required: true, autocomplete: 'off' })}
          ${field('contactName', msg('Contact person', { id: 'client-contact' }), client.contactName)}
          ${field('email', msg('Email', { id: 'client-email' }), client.email, { type: 'email' })}
          ${field('phone', msg('Phone', { id: 'client-phone' }), client.phone, { type: 'tel' })}
          ${field('taxId', msg('Tax id', { id: 'client-tax-id' }), client.taxId)}
          ${field('tags', msg('Tags', { id: 'client-tags' }), client.tags.join(', '), {
            hint: msg('Separate tags with commas', { id: 'client-tags-hint' }),
          })}
        </div>
        <fieldset>
          <legend>${msg('Address', { id: 'client-address' })}</legend>
          <div class="grid">
            ${field('address.line1', msg('Street', { id: 'client-address-line1' }), client.address?.line1)}
            ${field('address.line2', msg('Street, continued', { id: 'client-address-line2' }), client.address?.line2)}
            ${field('address.postalCode', msg('Postal code', { id: 'client-address-postal-code' }), client.address?.postalCode)}
            ${field('address.city', msg('City', { id: 'client-address-city' }), client.address?.city)}
            ${field('address.country', msg('Country (ISO code, e.g. FR)', { id: 'client-address-country' }), client.address?.country)}
          </div>
          ${issues.get('address') ? html`<span class="error">${issues.get('address')}</span>` : nothing}
        </fieldset>
        ${field('notes', msg('Notes', { id: 'vehicle-notes' }), client.notes, { type: 'textarea' })}
        ${renderError(this.save.error)}
        <div class="actions" part="actions">
          <button class="primary" type="submit" ?disabled=${this.save.pending}>${msg('Save the client', { id: 'client-save' })}</button>
          <button type="button" part="delete" @click=${this.askDelete}>${msg('Move to trash', { id: 'client-delete' })}</button>
          <span role="status">${this.saved ? msg('Saved.', { id: 'form-saved' }) : ''}</span>
        </div>
        ${renderError(this.trash.error)}
      </form>
      <dialog part="dialog" aria-labelledby="confirm-title">
        <p id="confirm-title">${msg(str`Move ${client.name} to the trash?`, { id: 'client-delete-confirm' })}</p>
        <div class="actions">
          <button class="primary" type="button" data-confirm @click=${() => this.onDelete(client)}>${msg('Move to trash', { id: 'client-delete' })}</button>
          <button type="button" @click=${this.closeDialog}>${msg('Cancel', { id: 'form-cancel' })}</button>
        </div>
      </dialog>
    </section>`;
  }

  private renderVehicles(client: Doc<Client>, vehicles: Doc<Vehicle>[]) {
    const form = siblingTag(this, 'client-detail', 'vehicle-form');
    const editor = (attrs: { vehicleId?: string }) =>
      html`<${form}
        client-id=${client.id}
        vehicle-id=${attrs.vehicleId ?? ''}
        .engine=${this.activeEngine}
        .principal=${this.activePrincipal}
        theme=${this.theme ?? nothing}
        @rpma-vehicle-saved=${this.closeVehicle}
        @rpma-vehicle-cancel=${this.closeVehicle}
      ></${form}>`;
    return html`<section part="card" aria-labelledby="vehicles-title">
      <h3 id="vehicles-title">${msg('Vehicles', { id: 'client-detail-vehicles' })}</h3>
      ${vehicles.length === 0 ? html`<p class="muted">${msg('No vehicle yet.', { id: 'client-detail-no-vehicle' })}</p>` : nothing}
      <ul>
        ${vehicles.map(
          (v) => html`<li part="vehicle" data-vehicle-id=${v.id}>
            ${
              this.editingVehicle === v.id
                ? editor({ vehicleId: v.id })
                : html`<span>${vehicleLabel(v)}${v.vin ? html` <span class="muted">VIN ${v.vin}</span>` : nothing}</span>
                  <button type="button" aria-label=${msg(str`Edit ${vehicleLabel(v)}`, { id: 'client-detail-edit-vehicle' })} @click=${() => {
                    this.editingVehicle = v.id;
                  }}>${msg('Edit', { id: 'form-edit' })}</button>`
            }
          </li>`,
        )}
      </ul>
      ${
        this.editingVehicle === 'new'
          ? editor({})
          : html`<div><button type="button" data-add-vehicle @click=${() => {
              this.editingVehicle = 'new';
            }}>${msg('Add a vehicle', { id: 'client-detail-add-vehicle' })}</button></div>`
      }
    </section>`;
  }

  private renderHistory(tasks: TaskRow[]) {
    return html`<section part="card" aria-labelledby="history-title">
      <h3 id="history-title">${msg('Task history', { id: 'client-detail-history' })}</h3>
      ${tasks.length === 0 ? html`<p class="muted">${msg('No task yet.', { id: 'client-detail-no-task' })}</p>` : nothing}
      <ul>
        ${tasks.map(
          (task) => html`<li>
            <button type="button" class="task" part="task" data-task-id=${task.id} @click=${() =>
              this.emit<TaskSelectDetail>('rpma-task-select', { taskId: task.id, task })}>
              <span>${task.number}</span>
              <strong>${task.title}</strong>
              <span>${statusLabel(task.status)}</span>
              <span class="muted">${task.scheduledStart ? formatDateTime(task.scheduledStart) : msg('Not scheduled')}</span>
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private closeVehicle(): void {
    this.editingVehicle = '';
  }

  private async onSave(e: SubmitEvent, client: Doc<Client>): Promise<void> {
    e.preventDefault();
    if (this.save.pending) return;
    const data = new FormData(e.target as HTMLFormElement);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const orNull = (name: string) => get(name) || null;
    const address = ['line1', 'line2', 'postalCode', 'city', 'country'].map((k) => get(`address.${k}`));
    const patch = {
      kind: get('kind') as Client['kind'],
      name: get('name'),
      contactName: orNull('contactName'),
      email: orNull('email'),
      phone: orNull('phone'),
      taxId: orNull('taxId'),
      tags: get('tags')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      notes: get('notes'),
      address: address.some(Boolean)
        ? {
            line1: get('address.line1'),
            ...(get('address.line2') ? { line2: get('address.line2') } : {}),
            postalCode: get('address.postalCode'),
            city: get('address.city'),
            country: get('address.country').toUpperCase(),
          }
        : null,
    };
    const saved = await this.save.run((c) =>
      shopFor(c).clients.update({ id: client.id, rev: client.rev, ...patch }),
    );
    this.saved = saved !== undefined;
  }

  private askDelete(): void {
    this.trash.clear();
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private closeDialog(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private async onDelete(client: Doc<Client>): Promise<void> {
    this.closeDialog();
    const deleted = await this.trash.run((c) =>
      shopFor(c).clients.delete({ id: client.id, rev: client.rev }),
    );
    if (deleted) {
      this.deleted = true;
      this.emit<ClientDeletedDetail>('rpma-client-deleted', { clientId: client.id });
    }
  }
}
