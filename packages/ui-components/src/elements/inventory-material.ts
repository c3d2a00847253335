import { msg } from '@lit/localize';
import type { Doc, LotStatus, Material, MovementKind, StockMovement } from '@rpma/engine';
import { html, nothing, type ReactiveController } from 'lit';
import { mayRun } from '../base/permissions.js';
import type { EngineHost } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
import { formatDateTime } from '../i18n/format.js';
import { getRpmaLocale } from '../i18n/localization.js';

/** The stock collections: a committed change to one of them re-reads the views of stock. */
export const STOCK_COLLECTIONS = ['materials', 'lots', 'stockMovements'] as const;

type StockAction = 'purchase' | 'adjust' | 'waste';

/**
 * One material's stock in `<rpma-inventory>`, as a controller of its host: its lots with
 * expiry flags (`stock.lots`), its movement history (`stock.history`), and the stock actions
 * the role may run — receive a lot (`stock.purchase`), adjust with a reason (`stock.adjust`),
 * record waste (`stock.waste`) — each form showing its own refusals by field.
 *
 * @example
 * ```ts
 * private readonly detail = new MaterialStockPanel(this, () => this.selected);
 * render() { return this.detail.render(); }
 * ```
 */
export class MaterialStockPanel implements ReactiveController {
  private readonly actions: Record<StockAction, ActionController>;
  private readonly lots: EngineQueryController<LotStatus[]>;
  private readonly history: EngineQueryController<Doc<StockMovement>[]>;
  /** The action that succeeded last, for its confirmation. */
  private done: StockAction | undefined;

  constructor(
    private readonly host: EngineHost,
    private readonly material: () => Doc<Material> | undefined,
    private readonly onMoved: (movement: Doc<StockMovement>) => void,
  ) {
    host.addController(this);
    this.actions = {
      purchase: new ActionController(host),
      adjust: new ActionController(host),
      waste: new ActionController(host),
    };
    const materialId = () => this.material()?.id;
    this.lots = new EngineQueryController(host, {
      events: [],
      collections: STOCK_COLLECTIONS,
      args: () => [materialId()],
      load: async (context) => {
        const id = materialId();
        return id ? shopFor(context).stock.lots({ materialId: id }) : [];
      },
    });
    this.history = new EngineQueryController(host, {
      events: [],
      collections: STOCK_COLLECTIONS,
      args: () => [materialId()],
      load: async (context) => {
        const id = materialId();
        return id ? (await shopFor(context).stock.history({ materialId: id, limit: 100 })).items : [];
      },
    });
  }

  /** A confirmation is about what the user just did: a host put back on the page shows none. */
  hostConnected(): void {
    this.done = undefined;
  }

  /** The panel of the material, or nothing when none is chosen. */
  render() {
    const material = this.material();
    if (!material) return nothing;
    const number = new Intl.NumberFormat(getRpmaLocale(), {
      maximumFractionDigits: 2,
      signDisplay: 'exceptZero',
    });
    const plain = new Intl.NumberFormat(getRpmaLocale(), { maximumFractionDigits: 2 });
    const lots = this.lots.value ?? [];
    const lotNumbers = new Map(lots.map((status) => [status.lot.id, status.lot.lotNumber]));
    const principal = this.host.activePrincipal;
    return html`<section part="material" aria-labelledby="material-title" data-material=${material.id}>
      <h2 id="material-title">${material.sku} · ${material.name}</h2>
      ${renderError(this.lots.error)}
      <table part="lots">
        <caption>${msg('Lots in stock', { id: 'inventory-lots' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Lot', { id: 'inventory-lot' })}</th>
          <th scope="col">${msg('Received', { id: 'inventory-received' })}</th>
          <th scope="col">${msg('Expires', { id: 'inventory-expires' })}</th>
          <th scope="col">${msg('On hand', { id: 'inventory-lot-on-hand' })}</th>
          <th scope="col">${msg('Alerts', { id: 'inventory-lot-alerts' })}</th>
        </tr></thead>
        <tbody>${lots.map(
          (status) => html`<tr data-lot=${status.lot.lotNumber}>
            <th scope="row">${status.lot.lotNumber}</th>
            <td>${formatDateTime(status.lot.receivedAt)}</td>
            <td>${status.lot.expiresAt ? formatDateTime(status.lot.expiresAt) : '—'}</td>
            <td class="number">${plain.format(status.onHand)} ${material.unit}</td>
            <td class="alerts">${[
              status.expired ? msg('Expired', { id: 'inventory-expired' }) : '',
              status.expiringSoon ? msg('Expires soon', { id: 'inventory-expiring' }) : '',
              status.overShelfLife ? msg('Past shelf life', { id: 'inventory-shelf-life' }) : '',
            ]
              .filter(Boolean)
              .join(', ')}</td>
          </tr>`,
        )}</tbody>
      </table>
      <div class="forms">
        ${mayRun(principal, 'stock.purchase') ? this.renderPurchase() : nothing}
        ${mayRun(principal, 'stock.adjust') ? this.renderMovement('adjust', lots) : nothing}
        ${mayRun(principal, 'stock.waste') ? this.renderMovement('waste', lots) : nothing}
      </div>
      ${renderError(this.history.error)}
      <table part="history">
        <caption>${msg('Movements', { id: 'inventory-history' })}</caption>
        <thead><tr>
          <th scope="col">${msg('When', { id: 'inventory-when' })}</th>
          <th scope="col">${msg('Movement', { id: 'inventory-kind' })}</th>
          <th scope="col">${msg('Quantity', { id: 'inventory-quantity' })}</th>
          <th scope="col">${msg('Lot', { id: 'inventory-history-lot' })}</th>
          <th scope="col">${msg('Reason', { id: 'inventory-history-reason' })}</th>
        </tr></thead>
        <tbody>${(this.history.value ?? []).map(
          (movement) => html`<tr data-kind=${movement.kind}>
            <td>${formatDateTime(movement.at)}</td>
            <td>${kindLabel(movement.kind)}</td>
            <td class="number" data-quantity=${movement.quantity}>${number.format(movement.quantity)} ${material.unit}</td>
            <td>${movement.lotId ? (lotNumbers.get(movement.lotId) ?? '—') : '—'}</td>
            <td>${movement.reason ?? movement.note ?? ''}</td>
          </tr>`,
        )}</tbody>
      </table>
    </section>`;
  }

  private renderPurchase() {
    const action = this.actions.purchase;
    const issues = fieldIssues(action.error);
    return html`<form part="action" data-action="purchase" aria-labelledby="purchase-title" @submit=${this.purchase}>
      <h3 id="purchase-title">${msg('Receive a lot', { id: 'inventory-purchase' })}</h3>
      ${field('purchase', 'quantity', msg('Quantity', { id: 'inventory-purchase-quantity' }), issues, 'number')}
      ${field('purchase', 'lotNumber', msg('Lot number', { id: 'inventory-lot-number' }), issues)}
      ${field('purchase', 'expiresAt', msg('Expires on', { id: 'inventory-expires-on' }), issues, 'date')}
      ${field('purchase', 'unitCost', msg('Unit cost', { id: 'inventory-unit-cost' }), issues, 'number')}
      ${this.footer('purchase', msg('Receive', { id: 'inventory-receive' }), msg('Lot received.', { id: 'inventory-received-notice' }))}
    </form>`;
  }

  private renderMovement(kind: 'adjust' | 'waste', lots: LotStatus[]) {
    const issues = fieldIssues(this.actions[kind].error);
    const quantity = kind === 'adjust' ? 'delta' : 'quantity';
    return html`<form part="action" data-action=${kind} aria-labelledby="${kind}-title" @submit=${(e: SubmitEvent) => this.move(e, kind)}>
      <h3 id="${kind}-title">${kind === 'adjust' ? msg('Adjust after a count', { id: 'inventory-adjust' }) : msg('Record waste', { id: 'inventory-waste' })}</h3>
      ${field(
        kind,
        quantity,
        kind === 'adjust'
          ? msg('Change (+ or −)', { id: 'inventory-delta' })
          : msg('Quantity wasted', { id: 'inventory-waste-quantity' }),
        issues,
        'number',
      )}
      <label>${msg('Lot', { id: 'inventory-movement-lot' })}
        <select name="lotId">
          <option value="">${msg('No particular lot', { id: 'inventory-any-lot' })}</option>
          ${lots.map((status) => html`<option value=${status.lot.id}>${status.lot.lotNumber}</option>`)}
        </select>
      </label>
      ${field(kind, 'reason', msg('Reason', { id: 'inventory-reason' }), issues)}
      ${this.footer(
        kind,
        kind === 'adjust'
          ? msg('Adjust', { id: 'inventory-adjust-submit' })
          : msg('Record', { id: 'inventory-waste-submit' }),
        msg('Stock updated.', { id: 'inventory-moved-notice' }),
      )}
    </form>`;
  }

  private footer(kind: StockAction, label: string, notice: string) {
    const action = this.actions[kind];
    return html`<div><button class="primary" type="submit" ?disabled=${action.pending}>${label}</button></div>
      ${this.done === kind ? html`<p class="notice" part="notice" role="status">${notice}</p>` : nothing}
      ${renderError(action.error)}`;
  }

  private readonly purchase = async (e: SubmitEvent): Promise<void> => {
    const { form, values } = read(e);
    const material = this.material();
    if (!material) return;
    const input = {
      materialId: material.id,
      quantity: numberOf(values.quantity),
      ...(values.lotNumber ? { lotNumber: values.lotNumber } : {}),
      ...(values.expiresAt ? { expiresAt: `${values.expiresAt}T00:00:00Z` } : {}),
      ...(values.unitCost ? { unitCost: numberOf(values.unitCost) } : {}),
    };
    await this.record(
      'purchase',
      form,
      async (context) => (await shopFor(context).stock.purchase(input)).movement,
    );
  };

  private async move(e: SubmitEvent, kind: 'adjust' | 'waste'): Promise<void> {
    const { form, values } = read(e);
    const material = this.material();
    if (!material) return;
    const common = {
      materialId: material.id,
      reason: values.reason ?? '',
      ...(values.lotId ? { lotId: values.lotId } : {}),
    };
    await this.record(kind, form, (context) =>
      kind === 'adjust'
        ? shopFor(context).stock.adjust({ ...common, delta: numberOf(values.delta) })
        : shopFor(context).stock.waste({ ...common, quantity: numberOf(values.quantity) }),
    );
  }

  private async record(
    kind: StockAction,
    form: HTMLFormElement,
    command: Parameters<ActionController['run']>[0],
  ): Promise<void> {
    this.done = undefined;
    const movement = (await this.actions[kind].run(command)) as Doc<StockMovement> | undefined;
    if (!movement) return;
    this.done = kind;
    form.reset();
    this.onMoved(movement);
  }
}

/** One labelled input of a stock form, with its refusal beside it. */
function field(
  form: StockAction,
  name: string,
  label: string,
  issues: Map<string, string>,
  type: 'text' | 'number' | 'date' = 'text',
) {
  const id = `${form}-${name}`;
  const issue = issues.get(name);
  return html`<div class="field" data-path=${name}>
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type=${type} step=${type === 'number' ? 'any' : nothing}
      aria-invalid=${Boolean(issue)} aria-describedby=${issue ? `${id}-issue` : nothing} />
    ${issue ? html`<span class="error" id="${id}-issue">${issue}</span>` : nothing}
  </div>`;
}

function read(e: SubmitEvent): { form: HTMLFormElement; values: Record<string, string> } {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) values[key] = value.toString().trim();
  return { form, values };
}

/** A typed number; empty or unreadable gives NaN, which the engine refuses by field. */
function numberOf(value: string | undefined): number {
  return value ? Number(value.replace(',', '.').replace('−', '-')) : Number.NaN;
}

/** The localised name of a kind of stock movement. */
function kindLabel(kind: MovementKind): string {
  switch (kind) {
    case 'purchase':
      return msg('Received', { id: 'inventory-kind-purchase' });
    case 'consumption':
      return msg('Used', { id: 'inventory-kind-consumption' });
    case 'waste':
      return msg('Waste', { id: 'inventory-kind-waste' });
    case 'adjustment':
      return msg('Adjustment', { id: 'inventory-kind-adjustment' });
    case 'return':
      return msg('Returned', { id: 'inventory-kind-return' });
    default:
      return msg('Transfer', { id: 'inventory-kind-transfer' });
  }
}
