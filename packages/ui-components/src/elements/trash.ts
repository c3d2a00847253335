import { msg, str } from '@lit/localize';
import type { TrashItem } from '@rpma/engine';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { mayRun } from '../base/permissions.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { renderError } from '../errors/error-text.js';
import { formatDateTime } from '../i18n/format.js';
import { tableStyles } from '../theme/table-styles.js';
import { themeStyles } from '../theme/theme.js';

/** One deleted document as the trash shows it: what, when, and who deleted it. */
interface TrashRow extends TrashItem {
  deletedBy: string | null;
}

/** Detail of `rpma-trash-restored` and `rpma-trash-purged`. */
export interface TrashChangeDetail {
  collection: string;
  id: string;
}

/**
 * The trash (`shop.trash`): soft-deleted clients, vehicles, tasks, materials, photos, events…,
 * grouped by kind and filterable, each with when and by whom it was deleted (from the audit
 * log). Restore puts a document back (the engine refuses while what it belongs to is deleted);
 * purge removes it for good after a confirm step, and only for roles allowed to. Shows the 200
 * most recently deleted documents (`trash.list` across every collection). Re-reads after every
 * committed change.
 *
 * @element rpma-trash
 * @fires rpma-trash-restored - A document was restored; detail `{ collection, id }`.
 * @fires rpma-trash-purged - A document was purged for good; detail `{ collection, id }`.
 * @csspart filters - The kind filter.
 * @csspart group - The table of one kind.
 * @csspart row - One deleted document.
 * @csspart confirm - The purge confirmation.
 * @csspart error - A refusal, in words, next to the action it concerns.
 *
 * @example
 * ```html
 * <rpma-trash kind="clients"></rpma-trash>
 * ```
 */
export class RpmaTrash extends RpmaElement {
  static override styles = [
    themeStyles,
    tableStyles,
    css`
      :host {
        display: block;
        background: var(--_surface);
      }
      .filters {
        display: flex;
        gap: var(--_space);
        align-items: center;
        margin-bottom: var(--_space);
      }
      table {
        margin-bottom: calc(var(--_space) * 2);
      }
      th,
      td {
        vertical-align: top;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      .muted {
        color: var(--_muted);
      }
      button.danger {
        background: var(--_danger);
        color: var(--_on-accent);
        border-color: var(--_danger);
      }
    `,
  ];

  /** Only this kind (collection name: `clients`, `vehicles`, `tasks`, …); empty for all. */
  @property() kind = '';

  /** The row whose purge waits for confirmation (`collection/id`). */
  @state() private confirming = '';
  /** The row the last action concerned, so its refusal shows there. */
  @state() private acted = '';

  private readonly action = new ActionController(this);

  private readonly trash = new EngineQueryController(this, {
    events: ['data.changed'],
    load: async (context) => {
      const shop = shopFor(context);
      const { items } = await shop.trash.list({ limit: 200 });
      const names = new Map<string, string>();
      if (mayRun(context.principal, 'users.list')) {
        for (const user of (await shop.users.list({ limit: 1000 })).items)
          names.set(user.id, user.displayName);
      }
      const rows: TrashRow[] = [];
      for (const item of items) {
        const audit = await shop.audit.query({ entity: item.collection, entityId: item.doc.id, limit: 20 });
        const actor = audit.items.find((record) => record.operation === 'delete')?.actorId ?? null;
        rows.push({ ...item, deletedBy: actor === null ? null : (names.get(actor) ?? actor) });
      }
      return rows;
    },
  });

  override render() {
    const rows = this.trash.value ?? [];
    const kinds = [...new Set(rows.map((row) => row.collection))].sort();
    const shown = this.kind ? rows.filter((row) => row.collection === this.kind) : rows;
    const groups = new Map<string, TrashRow[]>();
    for (const row of shown) groups.set(row.collection, [...(groups.get(row.collection) ?? []), row]);
    return html`${renderError(this.trash.error)}
      <div class="filters" part="filters">
        <label for="kind">${msg('Show', { id: 'trash-filter' })}</label>
        <select id="kind" .value=${this.kind} @change=${this.onKind}>
          <option value="">${msg('Everything', { id: 'trash-all' })}</option>
          ${[...new Set([...kinds, ...(this.kind ? [this.kind] : [])])].map(
            (kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${kindLabel(kind)}</option>`,
          )}
        </select>
      </div>
      ${
        shown.length === 0 && !this.trash.loading
          ? html`<p class="muted" role="status">${msg('The trash is empty.', { id: 'trash-empty' })}</p>`
          : nothing
      }
      ${[...groups].map(([kind, items]) => this.renderGroup(kind, items))}`;
  }

  private renderGroup(kind: string, items: TrashRow[]) {
    return html`<table part="group" data-kind=${kind} aria-busy=${this.trash.loading}>
      <caption>${kindLabel(kind)} (${items.length})</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Item', { id: 'trash-item' })}</th>
          <th scope="col">${msg('Deleted', { id: 'trash-deleted-at' })}</th>
          <th scope="col">${msg('Deleted by', { id: 'trash-deleted-by' })}</th>
          <th scope="col">${msg('Actions', { id: 'trash-actions' })}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map((row) => this.renderRow(row))}
      </tbody>
    </table>`;
  }

  private renderRow(row: TrashRow) {
    const key = `${row.collection}/${row.doc.id}`;
    const name = describe(row.doc);
    const mayPurge = mayRun(this.activePrincipal, 'trash.purge');
    return html`<tr part="row" data-id=${row.doc.id}>
      <th scope="row">${name}</th>
      <td>${row.doc.deletedAt ? formatDateTime(row.doc.deletedAt) : ''}</td>
      <td>${row.deletedBy ?? html`<span class="muted">${msg('Unknown', { id: 'trash-unknown' })}</span>`}</td>
      <td>
        <div class="actions">
          ${
            this.confirming === key
              ? html`<span part="confirm" role="group" aria-label=${msg(str`Purge ${name} for good?`, { id: 'trash-confirm-label' })}
                  @keydown=${(e: KeyboardEvent) => {
                    if (e.key === 'Escape') void this.cancelPurge(row);
                  }}>
                ${msg('Delete for good? This cannot be undone.', { id: 'trash-confirm-text' })}
                <button type="button" class="danger" data-action="confirm-purge" ?disabled=${this.action.pending} @click=${() => this.purge(row)}>
                  ${msg('Purge', { id: 'trash-purge-confirm' })}
                </button>
                <button type="button" data-action="cancel" @click=${() => this.cancelPurge(row)}>${msg('Cancel', { id: 'trash-cancel' })}</button>
              </span>`
              : html`<button type="button" data-action="restore" ?disabled=${this.action.pending} @click=${() => this.restore(row)} aria-label=${msg(str`Restore ${name}`, { id: 'trash-restore-label' })}>
                  ${msg('Restore', { id: 'trash-restore' })}
                </button>
                ${
                  mayPurge
                    ? html`<button type="button" data-action="purge" ?disabled=${this.action.pending} aria-label=${msg(str`Purge ${name}`, { id: 'trash-purge-label' })} @click=${() => this.askPurge(key)}>
                      ${msg('Purge…', { id: 'trash-purge' })}
                    </button>`
                    : nothing
                }`
          }
        </div>
        ${this.acted === key ? renderError(this.action.error) : nothing}
      </td>
    </tr>`;
  }

  private onKind(e: Event): void {
    this.kind = (e.target as HTMLSelectElement).value;
  }

  private async askPurge(key: string): Promise<void> {
    this.confirming = key;
    this.action.clear();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[data-action="confirm-purge"]')?.focus();
  }

  /** Leaves the confirm step (Cancel or Escape), focus back on the row's purge button. */
  private async cancelPurge(row: TrashRow): Promise<void> {
    this.confirming = '';
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLButtonElement>(`tr[data-id="${row.doc.id}"] [data-action="purge"]`)
      ?.focus();
  }

  private async restore(row: TrashRow): Promise<void> {
    const target = { collection: row.collection, id: row.doc.id };
    this.acted = `${row.collection}/${row.doc.id}`;
    const done = await this.action.run(async (context) => {
      await shopFor(context).trash.restore(target);
      return true;
    });
    if (done) this.emit<TrashChangeDetail>('rpma-trash-restored', target);
  }

  private async purge(row: TrashRow): Promise<void> {
    const target = { collection: row.collection, id: row.doc.id };
    this.acted = `${row.collection}/${row.doc.id}`;
    const done = await this.action.run(async (context) => {
      await shopFor(context).trash.purge(target);
      return true;
    });
    this.confirming = '';
    if (done) this.emit<TrashChangeDetail>('rpma-trash-purged', target);
  }
}

/** The localised name of a kind of document the trash holds; an unknown kind is shown as is. */
function kindLabel(kind: string): string {
  const labels: Record<string, () => string> = {
    clients: () => msg('Clients', { id: 'trash-kind-clients' }),
    vehicles: () => msg('Vehicles', { id: 'trash-kind-vehicles' }),
    tasks: () => msg('Tasks', { id: 'trash-kind-tasks' }),
    materials: () => msg('Materials', { id: 'trash-kind-materials' }),
    photos: () => msg('Photos', { id: 'trash-kind-photos' }),
    calendarEvents: () => msg('Calendar events', { id: 'trash-kind-calendar' }),
  };
  return labels[kind]?.() ?? kind;
}

/** A short name for a deleted document, from the fields its kind usually has. */
function describe(doc: object): string {
  const fields = doc as Record<string, unknown>;
  const text = (key: string) =>
    typeof fields[key] === 'string' && fields[key] ? (fields[key] as string) : '';
  const vehicle = [text('make'), text('model'), text('plate') || text('vin')].filter(Boolean).join(' ');
  const pair = (a: string, b: string) => (text(a) && text(b) ? `${text(a)} · ${text(b)}` : '');
  return (
    [
      pair('number', 'title'),
      pair('sku', 'name'),
      text('name'),
      text('title'),
      vehicle,
      text('caption'),
    ].find(Boolean) ?? text('id')
  );
}
