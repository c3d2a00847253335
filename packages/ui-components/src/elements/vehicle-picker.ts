import { msg } from '@lit/localize';
import type { Doc, Vehicle } from '@rpma/engine';
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { renderError } from '../errors/error-text.js';
import { RpmaIdPicker } from '../forms/id-picker.js';
import { themeStyles } from '../theme/theme.js';

/**
 * How a vehicle reads in a picker or list: make, model, year and plate.
 *
 * @example
 * ```ts
 * vehicleLabel({ make: 'Porsche', model: '911', year: 2022, plate: 'AB-123-CD' }); // 'Porsche 911 (2022) · AB-123-CD'
 * ```
 */
export function vehicleLabel(v: Pick<Vehicle, 'make' | 'model' | 'year' | 'plate'>): string {
  return `${v.make} ${v.model}${v.year ? ` (${v.year})` : ''}${v.plate ? ` · ${v.plate}` : ''}`;
}

/**
 * Picks one of a client's vehicles (`shop.vehicles.list` for `client-id`), re-read whenever a
 * vehicle changes. Takes part in a plain `<form>`: submits the vehicle id under `name`, is invalid
 * (`valueMissing`) when `required` and empty, follows form reset and `<fieldset disabled>`.
 * When the client changes, a vehicle that is not theirs is dropped.
 *
 * @element rpma-vehicle-picker
 * @csspart select - The native select.
 * @csspart hint - The engine's refusal of the vehicle, in words.
 * @csspart error - A load failure, in words.
 *
 * @example
 * ```html
 * <form>
 *   <rpma-vehicle-picker name="vehicleId" client-id="0193…" required></rpma-vehicle-picker>
 * </form>
 * ```
 */
export class RpmaVehiclePicker extends RpmaIdPicker {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: grid;
        gap: 2px;
        background: var(--_surface);
      }
      select {
        width: 100%;
      }
      .hint {
        margin: 0;
      }
    `,
  ];

  /** Whose vehicles are offered; none until it is set. */
  @property({ attribute: 'client-id' }) clientId = '';

  private readonly vehicles = new EngineQueryController<{ clientId: string; items: Doc<Vehicle>[] }>(this, {
    events: [],
    collections: ['vehicles'],
    args: () => [this.clientId],
    load: async (context) => {
      const clientId = this.clientId;
      const items = clientId ? (await shopFor(context).vehicles.list({ clientId, limit: 1000 })).items : [];
      return { clientId, items };
    },
  });

  /** The vehicles currently offered (the client's, once loaded). */
  get options(): Doc<Vehicle>[] {
    const loaded = this.vehicles.value;
    return loaded?.clientId === this.clientId ? loaded.items : [];
  }

  protected override willUpdate(): void {
    const loaded = this.vehicles.value;
    const current = loaded?.clientId === this.clientId && !this.vehicles.loading;
    if (this.value && current && !loaded.items.some((v) => v.id === this.value)) {
      this.value = '';
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  }

  override render() {
    const options = this.options;
    const empty = !this.clientId
      ? msg('Choose a client first', { id: 'vehicle-picker-no-client' })
      : options.length === 0 && !this.vehicles.loading
        ? msg('This client has no vehicle yet', { id: 'vehicle-picker-none' })
        : msg('No vehicle', { id: 'vehicle-picker-empty' });
    return html`<label for="select">${this.label || msg('Vehicle', { id: 'vehicle-picker-label' })}</label>
      <select
        id="select"
        part="select"
        ?disabled=${this.inactive || !this.clientId}
        ?required=${this.required}
        aria-invalid=${this.issue ? 'true' : 'false'}
        aria-describedby=${this.issue ? 'hint' : nothing}
        @change=${this.onChange}
      >
        <option value="" .selected=${this.value === ''}>${empty}</option>
        ${options.map(
          (v) => html`<option value=${v.id} .selected=${v.id === this.value}>${vehicleLabel(v)}</option>`,
        )}
      </select>
      ${this.issue ? html`<p class="hint error" part="hint" id="hint">${this.issue}</p>` : nothing}
      ${renderError(this.vehicles.error)}`;
  }

  private onChange(e: Event): void {
    this.value = (e.target as HTMLSelectElement).value;
    this.issue = '';
    this.changed();
  }

  protected missingMessage(): string {
    return msg('Choose a vehicle', { id: 'vehicle-picker-missing' });
  }

  protected validityAnchor(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('select') ?? undefined;
  }
}
