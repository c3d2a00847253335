import { msg } from '@lit/localize';
import { type Doc, PAINT_TYPES, type Vehicle } from '@rpma/engine';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
import { renderField } from '../forms/field.js';
import { formStyles } from '../forms/form-styles.js';
import { paintTypeLabel } from '../i18n/labels.js';
import { themeStyles } from '../theme/theme.js';

/** Detail of `rpma-vehicle-saved`. */
export interface VehicleSavedDetail {
  vehicleId: string;
  vehicle: Doc<Vehicle>;
}

/**
 * Adds a vehicle to a client (`client-id`) or edits one (`vehicle-id`): make, model, year,
 * colour, plate, VIN, paint type, notes. Every refusal of the engine appears in words next to its
 * field (a wrong VIN check digit next to the VIN).
 *
 * @element rpma-vehicle-form
 * @fires rpma-vehicle-saved - The vehicle was created or updated; detail `{ vehicleId, vehicle }`.
 * @fires rpma-vehicle-cancel - The user gave up editing (Cancel).
 * @csspart form - The form.
 * @csspart field - One labelled field.
 * @csspart field-error - The engine's refusal of one field, in words.
 * @csspart actions - The save / cancel buttons.
 * @csspart error - A refusal not about one field, in words.
 *
 * @example
 * ```html
 * <rpma-vehicle-form client-id="0193…"></rpma-vehicle-form>
 * ```
 */
export class RpmaVehicleForm extends RpmaElement {
  static override styles = [
    themeStyles,
    formStyles,
    css`
      :host {
        display: block;
        background: var(--_surface);
      }
    `,
  ];

  /** The vehicle to edit; empty to add one. */
  @property({ attribute: 'vehicle-id' }) vehicleId = '';
  /** Whose new vehicle this is (ignored when editing). */
  @property({ attribute: 'client-id' }) clientId = '';

  private readonly vehicle = new EngineQueryController<Doc<Vehicle> | undefined>(this, {
    events: [],
    collections: ['vehicles'],
    args: () => [this.vehicleId],
    load: async (context) =>
      this.vehicleId ? await shopFor(context).vehicles.get({ id: this.vehicleId }) : undefined,
  });
  private readonly save = new ActionController(this);

  override render() {
    const v = this.vehicleId ? this.vehicle.value : undefined;
    if (this.vehicleId && !v) return renderError(this.vehicle.error);
    const issues = fieldIssues(this.save.error);
    const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <div class="grid">
        ${renderField({ name: 'make', label: msg('Make', { id: 'vehicle-make' }), value: text(v?.make), issue: issues.get('make'), required: true })}
        ${renderField({ name: 'model', label: msg('Model', { id: 'vehicle-model' }), value: text(v?.model), issue: issues.get('model'), required: true })}
        ${renderField({ name: 'year', label: msg('Year', { id: 'vehicle-year' }), value: text(v?.year), issue: issues.get('year'), type: 'number' })}
        ${renderField({ name: 'colour', label: msg('Colour', { id: 'vehicle-colour' }), value: text(v?.colour), issue: issues.get('colour') })}
        ${renderField({ name: 'plate', label: msg('Plate', { id: 'vehicle-plate' }), value: text(v?.plate), issue: issues.get('plate') })}
        ${renderField({
          name: 'vin',
          label: msg('VIN', { id: 'vehicle-vin' }),
          value: text(v?.vin),
          issue: issues.get('vin'),
          maxLength: 17,
          hint: msg('17 characters; no I, O or Q', { id: 'vehicle-vin-hint' }),
        })}
        <div class="field" part="field" data-field="paintType">
          <label for="field-paintType">${msg('Paint', { id: 'vehicle-paint' })}</label>
          <select id="field-paintType" name="paintType" aria-invalid=${issues.has('paintType') ? 'true' : 'false'}>
            <option value="" ?selected=${!v?.paintType}>—</option>
            ${PAINT_TYPES.map((p) => html`<option value=${p} ?selected=${v?.paintType === p}>${paintTypeLabel(p)}</option>`)}
          </select>
        </div>
      </div>
      ${renderField({ name: 'notes', label: msg('Notes', { id: 'vehicle-notes' }), value: text(v?.notes), issue: issues.get('notes'), type: 'textarea' })}
      ${renderError(this.save.error)}
      <div class="actions" part="actions">
        <button class="primary" type="submit" ?disabled=${this.save.pending}>
          ${this.vehicleId ? msg('Save the vehicle', { id: 'vehicle-save' }) : msg('Add the vehicle', { id: 'vehicle-add' })}
        </button>
        <button type="button" @click=${() => this.emit('rpma-vehicle-cancel', {})}>${msg('Cancel', { id: 'form-cancel' })}</button>
      </div>
    </form>`;
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.save.pending) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const orNull = (name: string) => get(name) || null;
    const year = get('year');
    const fields = {
      make: get('make'),
      model: get('model'),
      year: year === '' ? null : Number(year),
      colour: orNull('colour'),
      plate: orNull('plate'),
      vin: orNull('vin'),
      paintType: orNull('paintType') as Vehicle['paintType'],
      notes: get('notes'),
    };
    const current = this.vehicle.value;
    const saved = await this.save.run((c) =>
      this.vehicleId && current
        ? shopFor(c).vehicles.update({ id: this.vehicleId, rev: current.rev, ...fields })
        : shopFor(c).vehicles.create({ clientId: this.clientId, ...fields }),
    );
    if (saved) {
      if (!this.vehicleId) form.reset();
      this.emit<VehicleSavedDetail>('rpma-vehicle-saved', { vehicleId: saved.id, vehicle: saved });
    }
  }
}
