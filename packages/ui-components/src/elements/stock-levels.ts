import { msg } from '@lit/localize';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { renderError } from '../errors/error-text.js';
import { getRpmaLocale } from '../i18n/localization.js';
import { tableStyles } from '../theme/table-styles.js';
import { themeStyles } from '../theme/theme.js';

type MaterialType = 'film' | 'coating' | 'chemical' | 'consumable' | 'tool';

/**
 * Stock on hand per material (`shop.stock.levels`), with a low-stock badge at or below the
 * reorder point. Re-reads after every step the workflows record (they consume material) and
 * after low-stock alerts.
 *
 * @element rpma-stock-levels
 * @csspart table - The stock table.
 * @csspart low - The low-stock badge.
 * @csspart error - A refusal, in words.
 *
 * @example
 * ```html
 * <rpma-stock-levels type="film"></rpma-stock-levels>
 * ```
 */
export class RpmaStockLevels extends RpmaElement {
  static override styles = [
    themeStyles,
    tableStyles,
    css`
      :host {
        display: block;
      }
      td.number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .low {
        color: var(--_warning);
        font-weight: 600;
      }
    `,
  ];

  /** Only materials of this type (`film`, `coating`, `chemical`, `consumable`, `tool`). */
  @property() type = '';

  private readonly levels = new EngineQueryController(this, {
    events: ['intervention.advanced', 'intervention.completed', 'material.low_stock'],
    args: () => [this.type],
    load: (context) => shopFor(context).stock.levels(this.type ? { type: this.type as MaterialType } : {}),
  });

  override render() {
    const number = new Intl.NumberFormat(getRpmaLocale(), { maximumFractionDigits: 2 });
    return html`${renderError(this.levels.error)}
      <table part="table" aria-busy=${this.levels.loading}>
        <caption class="visually-hidden">${msg('Stock on hand')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('SKU')}</th>
            <th scope="col">${msg('Material')}</th>
            <th scope="col">${msg('On hand')}</th>
            <th scope="col">${msg('Unit')}</th>
            <th scope="col"><span class="visually-hidden">${msg('Alerts')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${(this.levels.value ?? []).map(
            (level) => html`<tr data-sku=${level.material.sku}>
              <td>${level.material.sku}</td>
              <td>${level.material.name}</td>
              <td class="number" data-on-hand=${level.onHand}>${number.format(level.onHand)}</td>
              <td>${level.material.unit}</td>
              <td>${level.low ? html`<span class="low" part="low">${msg('Low stock')}</span>` : ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}
