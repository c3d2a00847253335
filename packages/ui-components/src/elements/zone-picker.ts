import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { type ControlProblem, RpmaFormControl } from '../forms/form-control.js';
import { zoneLabel } from '../i18n/labels.js';
import { themeStyles } from '../theme/theme.js';

/**
 * The coverage zones a PPF shop sells (the ids of `@rpma/workflows-ppf`'s `PPF_ZONES`), in the
 * order the zone picker offers them.
 *
 * @example
 * ```ts
 * COVERAGE_ZONES.includes('hood'); // true
 * ```
 */
export const COVERAGE_ZONES: readonly string[] = [
  'hood',
  'front_bumper',
  'fender_left',
  'fender_right',
  'mirror_left',
  'mirror_right',
  'rocker_left',
  'rocker_right',
  'a_pillars',
  'headlights',
  'roof',
  'full_front',
  'full_body',
];

const zoneList = {
  fromAttribute: (value: string | null) =>
    (value ?? '')
      .split(',')
      .map((z) => z.trim())
      .filter(Boolean),
  toAttribute: (value: string[]) => value.join(','),
};

/**
 * A multi-select of coverage zones (a task's `coverage`), one labelled checkbox per zone, that
 * takes part in a plain `<form>`: it submits each chosen zone under its `name` (read them with
 * `formData.getAll(name)`), is invalid (`valueMissing`) when `required` and nothing is chosen,
 * and follows form reset and `<fieldset disabled>`.
 *
 * @element rpma-zone-picker
 * @csspart group - The fieldset of checkboxes.
 * @csspart option - One zone's label and checkbox.
 * @csspart hint - The engine's refusal of the zones, in words.
 *
 * @example
 * ```html
 * <form>
 *   <rpma-zone-picker name="coverage" value="hood,front_bumper" required></rpma-zone-picker>
 * </form>
 * <script>new FormData(document.querySelector('form')).getAll('coverage'); // ['hood', 'front_bumper']</script>
 * ```
 */
export class RpmaZonePicker extends RpmaFormControl {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        background: var(--_surface);
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        margin: 0;
        padding: var(--_space);
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 4px var(--_space);
      }
      legend {
        padding: 0 4px;
      }
      label {
        display: flex;
        align-items: center;
        gap: 6px;
        min-height: 32px;
      }
      .hint {
        grid-column: 1 / -1;
        margin: 0;
      }
    `,
  ];

  /** The chosen zone ids (attribute: comma-separated). */
  @property({ converter: zoneList }) value: string[] = [];
  /** The zones offered (attribute: comma-separated); the PPF zones by default. */
  @property({ converter: zoneList }) zones: string[] = [...COVERAGE_ZONES];
  /** A refusal to show under the zones (the engine's message about `coverage`). */
  @property() issue = '';

  override render() {
    const chosen = new Set(this.value);
    const offered = [...this.zones, ...this.value.filter((z) => !this.zones.includes(z))];
    const hint = this.issue;
    return html`<fieldset
      part="group"
      ?disabled=${this.inactive}
      aria-describedby=${hint ? 'hint' : nothing}
    >
      <legend>${this.label || msg('Coverage zones', { id: 'zone-picker-label' })}</legend>
      ${offered.map(
        (zone) => html`<label part="option">
          <input
            type="checkbox"
            value=${zone}
            .checked=${chosen.has(zone)}
            @change=${(e: Event) => this.toggle(zone, (e.target as HTMLInputElement).checked)}
          />
          ${zoneLabel(zone)}
        </label>`,
      )}
      ${hint ? html`<p class="hint error" part="hint" id="hint">${hint}</p>` : nothing}
    </fieldset>`;
  }

  private toggle(zone: string, on: boolean): void {
    const next = this.value.filter((z) => z !== zone);
    this.value = on ? this.order([...next, zone]) : next;
    this.issue = '';
    this.syncForm();
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** Keeps the chosen zones in the order they are offered. */
  private order(zones: string[]): string[] {
    const rank = (z: string) => {
      const i = this.zones.indexOf(z);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return zones.sort((a, b) => rank(a) - rank(b));
  }

  protected formValue(): FormData | null {
    if (!this.name || this.value.length === 0) return null;
    const data = new FormData();
    for (const zone of this.value) data.append(this.name, zone);
    return data;
  }

  protected formState(): string {
    return this.value.join(',');
  }

  protected problem(): ControlProblem | undefined {
    if (this.required && this.value.length === 0) {
      return {
        flag: 'valueMissing',
        message: msg('Choose at least one zone', { id: 'zone-picker-missing' }),
      };
    }
    if (this.issue) return { flag: 'customError', message: this.issue };
    return undefined;
  }

  protected resetValue(): void {
    this.value = zoneList.fromAttribute(this.getAttribute('value'));
    this.issue = '';
  }

  protected restoreValue(state: string): void {
    this.value = zoneList.fromAttribute(state);
  }

  protected validityAnchor(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('input') ?? undefined;
  }
}
