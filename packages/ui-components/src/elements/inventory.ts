import { msg, str } from '@lit/localize';
import { type Doc, MATERIAL_TYPES, MATERIAL_UNITS, type Material, type StockMovement } from '@rpma/engine';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { mayRun } from '../base/permissions.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
import { getRpmaLocale } from '../i18n/localization.js';
import { tableStyles } from '../theme/table-styles.js';
import { themeStyles } from '../theme/theme.js';
import { MaterialStockPanel, STOCK_COLLECTIONS } from './inventory-material.js';

type MaterialType = (typeof MATERIAL_TYPES)[number];

/** Detail of `rpma-material-select` and `rpma-material-created`. */
export interface MaterialDetail {
  materialId: string;
}

/** Detail of `rpma-stock-moved`. */
export interface StockMovedDetail {
  movement: Doc<StockMovement>;
}

/**
 * The inventory: every material with its stock on hand and a low-stock badge; choosing one
 * shows its lots (with expiry, expiring-soon and past-shelf-life flags), its movement history and
 * the stock actions the role may run (receive a lot, adjust after a count with a reason, record
 * waste). Staff also create materials here. Refusals (a duplicate SKU, not enough stock) show
 * next to the form and field they concern. Re-reads after every committed stock change.
 *
 * @element rpma-inventory
 * @fires rpma-material-select - A material was chosen; detail `{ materialId }`.
 * @fires rpma-material-created - A material was created; detail `{ materialId }`.
 * @fires rpma-stock-moved - A stock movement was recorded here; detail `{ movement }`.
 * @csspart table - The materials table.
 * @csspart low - A low-stock badge.
 * @csspart create - The new-material form.
 * @csspart material - The panel of the chosen material.
 * @csspart lots - Its lots table.
 * @csspart history - Its movements table.
 * @csspart action - One stock action form.
 * @csspart notice - What the last action did, in words.
 * @csspart error - A refusal, in words.
 *
 * @example
 * ```html
 * <rpma-inventory type="film"></rpma-inventory>
 * ```
 */
export class RpmaInventory extends RpmaElement {
  static override styles = [
    themeStyles,
    tableStyles,
    css`
      :host {
        display: grid;
        gap: calc(var(--_space) * 2);
        background: var(--_surface);
      }
      .number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .low,
      .alerts {
        color: var(--_warning);
        font-weight: 600;
      }
      tr[aria-current='true'] {
        outline: 2px solid var(--_accent);
        outline-offset: -2px;
      }
      form,
      .forms {
        display: grid;
        gap: var(--_space);
      }
      .forms {
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        margin: var(--_space) 0;
      }
      form {
        align-content: start;
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      form.create {
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        align-items: end;
      }
      h2,
      h3 {
        margin: 0;
        font-size: 1rem;
        grid-column: 1 / -1;
      }
      label,
      .field {
        display: grid;
        gap: 2px;
      }
      .notice {
        color: var(--_success);
        margin: 0;
      }
      .wide {
        grid-column: 1 / -1;
      }
    `,
  ];

  /** Only materials of this type (`film`, `coating`, `chemical`, `consumable`, `tool`). */
  @property() type = '';

  /** The material whose lots, history and actions are shown. */
  @property({ attribute: 'material-id', reflect: true }) materialId = '';

  @state() private created = '';

  private readonly create = new ActionController(this);

  private readonly levels = new EngineQueryController(this, {
    events: ['material.low_stock'],
    collections: STOCK_COLLECTIONS,
    args: () => [this.type],
    load: (context) => shopFor(context).stock.levels(this.type ? { type: this.type as MaterialType } : {}),
  });

  private readonly detail = new MaterialStockPanel(
    this,
    () => this.levels.value?.find((level) => level.material.id === this.materialId)?.material,
    (movement) => this.emit<StockMovedDetail>('rpma-stock-moved', { movement }),
  );

  override render() {
    const number = new Intl.NumberFormat(getRpmaLocale(), { maximumFractionDigits: 2 });
    return html`${mayRun(this.activePrincipal, 'materials.create') ? this.renderCreate() : nothing}
      ${renderError(this.levels.error)}
      <table part="table" aria-busy=${this.levels.loading}>
        <caption>${msg('Materials', { id: 'inventory-caption' })}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('SKU', { id: 'inventory-sku' })}</th>
            <th scope="col">${msg('Material', { id: 'inventory-material' })}</th>
            <th scope="col">${msg('On hand', { id: 'inventory-on-hand' })}</th>
            <th scope="col">${msg('Alerts', { id: 'inventory-alerts' })}</th>
            <th scope="col"><span class="visually-hidden">${msg('Details', { id: 'inventory-details-column' })}</span></th>
          </tr>
        </thead>
        <tbody>
          ${(this.levels.value ?? []).map(
            (
              level,
            ) => html`<tr data-sku=${level.material.sku} aria-current=${level.material.id === this.materialId}>
              <th scope="row">${level.material.sku}</th>
              <td>${level.material.name}</td>
              <td class="number" data-on-hand=${level.onHand}>${number.format(level.onHand)} ${level.material.unit}</td>
              <td>${level.low ? html`<span class="low" part="low">${msg('Low stock', { id: 'inventory-low' })}</span>` : ''}</td>
              <td>
                <button type="button" data-action="select" aria-pressed=${level.material.id === this.materialId}
                  aria-label=${msg(str`Lots and movements of ${level.material.name}`, { id: 'inventory-select-label' })}
                  @click=${() => this.select(level.material.id)}>${msg('Lots and movements', { id: 'inventory-select' })}</button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.detail.render()}`;
  }

  private renderCreate() {
    const issues = fieldIssues(this.create.error);
    const conflict = this.create.error?.code === 'CONFLICT' ? this.create.error : undefined;
    if (conflict) issues.set('sku', conflict.message);
    const input = (name: string, label: string, type = 'text') => {
      const issue = issues.get(name);
      return html`<div class="field" data-path=${name}>
        <label for="new-${name}">${label}</label>
        <input id="new-${name}" name=${name} type=${type} step=${type === 'number' ? 'any' : nothing}
          aria-invalid=${Boolean(issue)} aria-describedby=${issue ? `new-${name}-issue` : nothing} />
        ${issue ? html`<span class="error" id="new-${name}-issue">${issue}</span>` : nothing}
      </div>`;
    };
    return html`<form class="create" part="create" aria-labelledby="create-title" @submit=${this.onCreate}>
      <h2 id="create-title">${msg('New material', { id: 'inventory-new' })}</h2>
      ${input('sku', msg('SKU', { id: 'inventory-new-sku' }))}
      ${input('name', msg('Name', { id: 'inventory-new-name' }))}
      <label>${msg('Type', { id: 'inventory-new-type' })}
        <select name="type">${MATERIAL_TYPES.map((type) => html`<option value=${type}>${typeLabel(type)}</option>`)}</select>
      </label>
      <label>${msg('Unit', { id: 'inventory-new-unit' })}
        <select name="unit">${MATERIAL_UNITS.map((unit) => html`<option value=${unit}>${unit}</option>`)}</select>
      </label>
      ${input('reorderPoint', msg('Reorder at', { id: 'inventory-new-reorder' }), 'number')}
      ${input('unitCost', msg('Unit cost', { id: 'inventory-new-cost' }), 'number')}
      <div><button class="primary" type="submit" ?disabled=${this.create.pending}>${msg('Create material', { id: 'inventory-create' })}</button></div>
      ${this.created ? html`<p class="notice wide" part="notice" role="status">${msg(str`${this.created} created.`, { id: 'inventory-created' })}</p>` : nothing}
      <div class="wide">${renderError(this.create.error)}</div>
    </form>`;
  }

  private select(materialId: string): void {
    this.materialId = materialId;
    this.emit<MaterialDetail>('rpma-material-select', { materialId });
  }

  private async onCreate(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const formElement = e.target as HTMLFormElement;
    const form = new FormData(formElement);
    const text = (name: string) => form.get(name)?.toString().trim() ?? '';
    const number = (name: string) => (text(name) ? Number(text(name).replace(',', '.')) : undefined);
    const reorderPoint = number('reorderPoint');
    const unitCost = number('unitCost');
    const input = {
      sku: text('sku'),
      name: text('name'),
      type: text('type') as Material['type'],
      unit: text('unit') as Material['unit'],
      ...(reorderPoint === undefined ? {} : { reorderPoint }),
      ...(unitCost === undefined ? {} : { unitCost }),
    };
    this.created = '';
    const material = await this.create.run((context) => shopFor(context).materials.create(input));
    if (!material) return;
    formElement.reset();
    this.created = material.sku;
    this.emit<MaterialDetail>('rpma-material-created', { materialId: material.id });
  }
}

/** The localised name of a material type. */
function typeLabel(type: MaterialType): string {
  switch (type) {
    case 'film':
      return msg('Film', { id: 'inventory-type-film' });
    case 'coating':
      return msg('Coating', { id: 'inventory-type-coating' });
    case 'chemical':
      return msg('Chemical', { id: 'inventory-type-chemical' });
    case 'consumable':
      return msg('Consumable', { id: 'inventory-type-consumable' });
    default:
      return msg('Tool', { id: 'inventory-type-tool' });
  }
}
