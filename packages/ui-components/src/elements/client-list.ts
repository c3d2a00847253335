import { msg, str } from '@lit/localize';
import type { Client, Doc } from '@rpma/engine';
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { MorePagesController } from '../controllers/more-pages-controller.js';
import { VirtualizeController } from '../controllers/virtualize-controller.js';
import { renderError } from '../errors/error-text.js';
import { clientKindLabel } from '../i18n/labels.js';
import { listStyles } from '../theme/list-styles.js';
import { themeStyles } from '../theme/theme.js';

/** The collections client views read. */
export const CLIENT_COLLECTIONS = ['clients', 'vehicles'] as const;

/** Detail of `rpma-client-select`. */
export interface ClientSelectDetail {
  clientId: string;
  client: Doc<Client>;
}

interface ClientPage {
  items: Doc<Client>[];
  nextCursor: string | null;
}

/** Matches a search returns at most (the engine's `clients.search` cap). */
const SEARCH_LIMIT = 200;

/**
 * The client list: search as you type (`shop.clients.search`: every word as a prefix, accents
 * and case ignored, over names, email, phone, plates, tags), a kind filter, and the clients by
 * name otherwise, virtualised (only the visible rows are in the DOM) and read page by page as
 * the user scrolls, so thousands of clients scroll smoothly. Re-reads whenever a client or
 * vehicle changes. ArrowDown / ArrowUp move between rows. With both a search and a kind, the
 * list keeps the clients of that kind among the best 200 matches (the engine's search takes no
 * kind).
 *
 * @element rpma-client-list
 * @fires rpma-client-select - A client was chosen (click or Enter); detail `{ clientId, client }`.
 * @csspart filters - The search box and kind filter.
 * @csspart list - The scrolling list.
 * @csspart row - One client row (a button).
 * @csspart empty - The message shown when no client matches.
 * @csspart error - A refusal or load failure, in words.
 * @cssprop --rpma-client-list-height - Height of the scrolling list (default 480px).
 *
 * @example
 * ```html
 * <rpma-client-list kind="business"></rpma-client-list>
 * <script>
 *   document.addEventListener('rpma-client-select', (e) => openClient(e.detail.clientId));
 * </script>
 * ```
 */
export class RpmaClientList extends RpmaElement {
  static override styles = [
    themeStyles,
    listStyles,
    css`
      :host {
        display: block;
        background: var(--_surface);
      }
      .list {
        height: var(--rpma-client-list-height, 480px);
      }
      .row {
        grid-template-columns: 1fr 8rem 12rem;
      }
      .empty {
        padding: calc(var(--_space) * 2);
        margin: 0;
        color: var(--_muted);
      }
    `,
  ];

  /** Search text (name, phone, email, plate, tag…); empty lists every client by name. */
  @property() search = '';
  /** Only `individual` or `business` clients; empty for both. */
  @property() kind: '' | Client['kind'] = '';
  /** Rows read per page while not searching (1–1000). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  private readonly clients = new EngineQueryController<ClientPage>(this, {
    events: [],
    collections: CLIENT_COLLECTIONS,
    args: () => [this.search.trim(), this.kind, this.pageSize],
    load: async (context) => {
      const shop = shopFor(context);
      const text = this.search.trim();
      if (text) {
        const found = await shop.clients.search({ text, limit: SEARCH_LIMIT });
        return { items: this.kind ? found.filter((c) => c.kind === this.kind) : found, nextCursor: null };
      }
      return shop.clients.list({ ...(this.kind ? { kind: this.kind } : {}), limit: this.pageSize });
    },
  });
  private readonly pages = new MorePagesController<Doc<Client>>(this, {
    first: () => this.clients.value,
    next: (context, after) =>
      shopFor(context).clients.list({
        ...(this.kind ? { kind: this.kind } : {}),
        limit: this.pageSize,
        after,
      }),
  });
  private readonly virtualizer = new VirtualizeController(this);

  /** The clients currently loaded, in order. */
  get rows(): Doc<Client>[] {
    return this.pages.rows;
  }

  override render() {
    const rows = this.rows;
    const loaded = this.clients.value !== undefined;
    return html`
      <div class="filters" part="filters" role="search">
        <label>
          <span>${msg('Search clients', { id: 'client-list-search' })}</span>
          <input type="search" .value=${this.search} @input=${this.onSearch} />
        </label>
        <label>
          <span>${msg('Kind', { id: 'client-list-kind' })}</span>
          <select @change=${this.onKind}>
            <option value="" ?selected=${this.kind === ''}>${msg('All clients', { id: 'client-list-all' })}</option>
            ${(['individual', 'business'] as const).map(
              (k) => html`<option value=${k} ?selected=${this.kind === k}>${clientKindLabel(k)}</option>`,
            )}
          </select>
        </label>
      </div>
      ${renderError(this.clients.error ?? this.pages.error ?? this.virtualizer.error)}
      ${
        loaded && rows.length === 0
          ? html`<p class="empty" part="empty">
            ${
              this.search.trim()
                ? msg(str`No client matches “${this.search.trim()}”.`, { id: 'client-list-no-match' })
                : msg('No clients yet.', { id: 'client-list-none' })
            }
          </p>`
          : nothing
      }
      <div
        class="list"
        part="list"
        role="list"
        aria-label=${msg('Clients', { id: 'client-list-label' })}
        aria-busy=${this.clients.loading}
        ?hidden=${loaded && rows.length === 0}
        @keydown=${this.onKeyDown}
      >
        ${this.virtualizer.render({
          items: rows,
          scroller: true,
          keyFunction: (client) => client.id,
          renderItem: (client, index) => this.renderRow(client, index),
        })}
      </div>
      <p class="summary" aria-live="polite">
        ${
          this.clients.loading && !loaded
            ? msg('Loading clients…', { id: 'client-list-loading' })
            : this.pages.hasMore
              ? msg(str`${rows.length} clients shown, more below`, { id: 'client-list-more' })
              : msg(str`${rows.length} clients`, { id: 'client-list-count' })
        }
      </p>
    `;
  }

  private renderRow(client: Doc<Client>, index: number) {
    const reach = [client.phone, client.email].filter(Boolean).join(' · ');
    return html`<div role="listitem">
      <button
        type="button"
        class="row"
        part="row"
        data-client-id=${client.id}
        data-index=${index}
        @click=${() => this.select(client)}
      >
        <span>
          <strong>${client.name}</strong>
          ${client.contactName ? html`<span class="muted">${client.contactName}</span>` : nothing}
        </span>
        <span class="muted">${clientKindLabel(client.kind)}</span>
        <span class="muted">${[reach, client.plates.join(', ')].filter(Boolean).join(' · ')}</span>
      </button>
    </div>`;
  }

  protected override firstUpdated(): void {
    this.pages.follow(this.renderRoot.querySelector('.list'));
  }

  /** ArrowDown / ArrowUp move the focus to the next / previous row. */
  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const current = (e.composedPath()[0] as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    const next = Number(current.dataset.index) + (e.key === 'ArrowDown' ? 1 : -1);
    const row = this.renderRoot.querySelector<HTMLElement>(`[data-index="${next}"]`);
    if (row) {
      e.preventDefault();
      row.focus();
    }
  }

  private select(client: Doc<Client>): void {
    this.emit<ClientSelectDetail>('rpma-client-select', { clientId: client.id, client });
  }

  private onSearch(e: Event): void {
    this.search = (e.target as HTMLInputElement).value;
  }

  private onKind(e: Event): void {
    this.kind = (e.target as HTMLSelectElement).value as RpmaClientList['kind'];
  }
}
