import { msg, str } from '@lit/localize';
import type { Client, Doc } from '@rpma/engine';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { renderError } from '../errors/error-text.js';
import { RpmaIdPicker } from '../forms/id-picker.js';
import { themeStyles } from '../theme/theme.js';

/** Options shown at once. */
const SHOWN = 20;

/**
 * A client combobox (ARIA 1.2 combobox with a list popup): typing searches the clients
 * (`shop.clients.search`: every word as a prefix, accents and case ignored; the first clients by
 * name while empty). ArrowDown / ArrowUp move through the options, Enter chooses, Escape closes
 * the list (a second Escape clears the choice). Takes part in a plain `<form>`: submits the
 * client id under `name`, is invalid (`valueMissing`) when `required` and nothing is chosen,
 * follows form reset and `<fieldset disabled>`.
 *
 * @element rpma-client-picker
 * @csspart input - The text box.
 * @csspart listbox - The popup list of clients.
 * @csspart option - One client in the list.
 * @csspart hint - The engine's refusal of the client, in words.
 * @csspart error - A search failure, in words.
 *
 * @example
 * ```html
 * <form>
 *   <rpma-client-picker name="clientId" required></rpma-client-picker>
 * </form>
 * <script>form.addEventListener('change', () => console.log(new FormData(form).get('clientId')));</script>
 * ```
 */
export class RpmaClientPicker extends RpmaIdPicker {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: grid;
        gap: 2px;
        position: relative;
        background: var(--_surface);
      }
      input {
        width: 100%;
      }
      [role='listbox'] {
        position: absolute;
        z-index: 10;
        inset-inline: 0;
        top: 100%;
        margin: 2px 0 0;
        padding: 0;
        list-style: none;
        max-height: 16rem;
        overflow: auto;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
      }
      [role='option'] {
        padding: calc(var(--_space) * 0.75) var(--_space);
        cursor: pointer;
        display: grid;
      }
      [role='option'][aria-selected='true'] {
        background: var(--_accent);
        color: var(--_on-accent);
      }
      [role='option'] small {
        opacity: 0.8;
      }
      .hint {
        margin: 0;
      }
    `,
  ];

  /** The text shown in the empty box. */
  @property() placeholder = '';

  @state() private text = '';
  @state() private editing = false;
  @state() private open = false;
  @state() private active = -1;
  /** The client id `text` names while the chosen client is read (set when the user chooses). */
  private textFor = '';

  private readonly found = new EngineQueryController<Doc<Client>[]>(this, {
    events: [],
    collections: ['clients'],
    args: () => [this.open, this.editing ? this.text.trim() : ''],
    load: async (context) => {
      if (!this.open) return [];
      const text = this.editing ? this.text.trim() : '';
      const shop = shopFor(context);
      return text
        ? await shop.clients.search({ text, limit: SHOWN })
        : (await shop.clients.list({ limit: SHOWN })).items;
    },
  });

  private readonly chosen = new EngineQueryController<Doc<Client> | undefined>(this, {
    events: [],
    collections: ['clients'],
    args: () => [this.value],
    load: async (context) =>
      this.value ? await shopFor(context).clients.get({ id: this.value }) : undefined,
  });

  /** The clients the list offers now. */
  get options(): Doc<Client>[] {
    return this.open ? (this.found.value ?? []) : [];
  }

  /** The chosen client, once read. */
  get client(): Doc<Client> | undefined {
    const client = this.chosen.value;
    return client?.id === this.value ? client : undefined;
  }

  override render() {
    const options = this.options;
    const active = options[this.active];
    const shown = this.editing
      ? this.text
      : (this.client?.name ?? (this.textFor === this.value ? this.text : ''));
    const expanded = this.open && options.length > 0;
    const describedBy = this.issue ? 'hint' : '';
    return html`<label for="input">${this.label || msg('Client', { id: 'client-picker-label' })}</label>
      <input
        id="input"
        part="input"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-controls="listbox"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${active ? `option-${active.id}` : nothing}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.issue ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        placeholder=${this.placeholder || msg('Search by name, phone, plate…', { id: 'client-picker-placeholder' })}
        ?disabled=${this.inactive}
        .value=${shown}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
        @focus=${() => {
          this.open = true;
        }}
        @blur=${this.onBlur}
      />
      <ul id="listbox" part="listbox" role="listbox" aria-label=${msg('Clients', { id: 'client-picker-list' })} ?hidden=${!expanded}>
        ${options.map(
          (client, i) => html`<li
            id="option-${client.id}"
            part="option"
            role="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            data-client-id=${client.id}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.choose(client)}
          >
            <span>${client.name}</span>
            ${client.phone || client.email ? html`<small>${client.phone ?? client.email}</small>` : nothing}
          </li>`,
        )}
      </ul>
      <span class="visually-hidden" aria-live="polite">
        ${
          this.open && this.editing && this.found.value && !this.found.loading
            ? msg(str`${this.found.value.length} clients found`, { id: 'client-picker-count' })
            : ''
        }
      </span>
      ${this.issue ? html`<p class="hint error" part="hint" id="hint">${this.issue}</p>` : nothing}
      ${renderError(this.found.error ?? this.chosen.error)}`;
  }

  private onInput(e: Event): void {
    this.text = (e.target as HTMLInputElement).value;
    this.editing = true;
    this.open = true;
    this.active = -1;
    this.issue = '';
    if (this.value) {
      this.value = '';
      this.changed();
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    const count = this.options.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) this.open = true;
        else if (count > 0) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this.open) this.open = true;
        else if (count > 0) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Enter': {
        const client = this.options[this.active];
        if (client) {
          e.preventDefault();
          this.choose(client);
        }
        break;
      }
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.close();
        } else if (this.value || this.text) {
          e.preventDefault();
          this.text = '';
          this.editing = false;
          if (this.value) {
            this.value = '';
            this.changed();
          }
        }
        break;
    }
  }

  private onBlur(): void {
    this.close();
    if (this.value) this.editing = false;
  }

  private close(): void {
    this.open = false;
    this.active = -1;
  }

  private choose(client: Doc<Client>): void {
    this.value = client.id;
    this.text = client.name;
    this.textFor = client.id;
    this.editing = false;
    this.issue = '';
    this.close();
    this.changed();
  }

  protected missingMessage(): string {
    return msg('Choose a client', { id: 'client-picker-missing' });
  }

  protected override resetValue(): void {
    super.resetValue();
    this.text = '';
    this.editing = false;
    this.close();
  }

  protected override restoreValue(state: string): void {
    super.restoreValue(state);
    this.editing = false;
  }

  protected validityAnchor(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('input') ?? undefined;
  }
}
