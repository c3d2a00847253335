import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** One text-like field of a hand-written form. */
export interface FieldOptions {
  /** The input's name, also its id prefix and the path of the engine's issue about it. */
  name: string;
  label: string;
  value: string;
  /** The engine's refusal of this field, shown in words under it. */
  issue?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'number' | 'datetime-local' | 'textarea';
  required?: boolean;
  disabled?: boolean;
  maxLength?: number;
  autocomplete?: string;
  /** Extra hint under the field (format, example). */
  hint?: string;
}

/**
 * A labelled input (or textarea) whose refusal appears next to it in words, tied to it with
 * `aria-invalid` and `aria-describedby`; `part="field"` around it.
 *
 * @example
 * ```ts
 * renderField({ name: 'vin', label: msg('VIN'), value: this.draft.vin, issue: issues.get('vin') });
 * ```
 */
export function renderField(options: FieldOptions): TemplateResult {
  const { name, label, value, issue, type = 'text', required = false, disabled = false } = options;
  const id = `field-${name.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const described = [options.hint ? `${id}-hint` : '', issue ? `${id}-issue` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    described: described || undefined,
    invalid: issue ? 'true' : 'false',
  };
  const control =
    type === 'textarea'
      ? html`<textarea
          id=${common.id}
          name=${name}
          rows="3"
          ?required=${required}
          ?disabled=${disabled}
          maxlength=${ifDefined(options.maxLength)}
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.described)}
          .value=${value}
        ></textarea>`
      : html`<input
          id=${common.id}
          name=${name}
          type=${type}
          ?required=${required}
          ?disabled=${disabled}
          maxlength=${ifDefined(options.maxLength)}
          autocomplete=${ifDefined(options.autocomplete)}
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.described)}
          .value=${value}
        />`;
  return html`<div class="field" part="field" data-field=${name}>
    <label for=${id}>${label}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
    ${control}
    ${options.hint ? html`<span class="muted" id="${id}-hint">${options.hint}</span>` : nothing}
    ${issue ? html`<span class="error" part="field-error" id="${id}-issue">${issue}</span>` : nothing}
  </div>`;
}
