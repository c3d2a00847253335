import { msg, str } from '@lit/localize';
import type { Page } from '@rpma/engine';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { MorePagesController } from '../controllers/more-pages-controller.js';
import { VirtualizeController } from '../controllers/virtualize-controller.js';
import { asTaskPage, type TaskRow, type TaskStatus } from '../engine-types.js';
import { renderError } from '../errors/error-text.js';
import { formatDateTime } from '../i18n/format.js';
import { statusLabel, TASK_STATUS_ORDER, zoneLabel } from '../i18n/labels.js';
import { listStyles } from '../theme/list-styles.js';
import { themeStyles } from '../theme/theme.js';

/** The engine events after which task views re-read. */
export const TASK_EVENTS = ['task.created', 'task.updated', 'task.status_changed'] as const;

/** Detail of `rpma-task-select`. */
export interface TaskSelectDetail {
  taskId: string;
  task: TaskRow;
}

/**
 * The task list: search, status and "overdue only" filters over `shop.tasks.page`, virtualised
 * (only the visible rows are in the DOM, 10,000 tasks scroll smoothly) and loaded page by page
 * as the user scrolls. Re-reads from the engine after any task event, so it never disagrees with
 * a board or form on the same page.
 *
 * @element rpma-task-list
 * @fires rpma-task-select - A task was chosen (click or Enter); detail `{ taskId, task }`.
 * @csspart filters - The filter bar.
 * @csspart list - The scrolling list.
 * @csspart row - One task row (a button).
 * @csspart status - The status badge of a row.
 * @csspart error - A refusal or load failure, in words.
 * @cssprop --rpma-task-list-height - Height of the scrolling list (default 480px).
 *
 * @example
 * ```html
 * <rpma-task-list status="scheduled,in_progress"></rpma-task-list>
 * <script>
 *   document.addEventListener('rpma-task-select', (e) => openTask(e.detail.taskId));
 * </script>
 * ```
 */
export class RpmaTaskList extends RpmaElement {
  static override styles = [
    themeStyles,
    listStyles,
    css`
      :host {
        display: block;
      }
      label.inline {
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .list {
        height: var(--rpma-task-list-height, 480px);
      }
      .row {
        grid-template-columns: 9rem 1fr 10rem 7rem;
      }
      .badge {
        justify-self: start;
        border: 1px solid currentColor;
        border-radius: 999px;
        padding: 0 6px;
        font-size: 0.8rem;
      }
      .overdue {
        color: var(--_warning);
        font-weight: 600;
      }
    `,
  ];

  /** Statuses shown, comma-separated (`scheduled,in_progress`); empty for all. */
  @property() status = '';
  /** Only the tasks of this technician (user id). */
  @property({ attribute: 'technician-id' }) technicianId = '';
  /** Only the tasks of this client. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Full-text search (number, title, plate, notes…). */
  @property() search = '';
  /** Only overdue tasks. */
  @property({ type: Boolean }) overdue = false;
  /** Rows fetched per page (1–1000). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  private readonly tasks = new EngineQueryController<Page<TaskRow>>(this, {
    events: TASK_EVENTS,
    args: () => [JSON.stringify(this.filters())],
    load: async (context) => asTaskPage(await shopFor(context).tasks.page(this.filters())),
  });
  private readonly pages = new MorePagesController<TaskRow>(this, {
    first: () => this.tasks.value,
    next: async (context, after) =>
      asTaskPage(await shopFor(context).tasks.page({ ...this.filters(), after })),
  });
  private readonly virtualizer = new VirtualizeController(this);

  /** The rows currently loaded, in order. */
  get rows(): TaskRow[] {
    return this.pages.rows;
  }

  override render() {
    const rows = this.rows;
    return html`
      <div class="filters" part="filters" role="search">
        <label>
          <span>${msg('Search')}</span>
          <input type="search" .value=${this.search} @input=${this.onSearch} />
        </label>
        <label>
          <span>${msg('Status')}</span>
          <select @change=${this.onStatus}>
            <option value="" ?selected=${this.status === ''}>${msg('All statuses')}</option>
            ${TASK_STATUS_ORDER.map(
              (s) => html`<option value=${s} ?selected=${this.status === s}>${statusLabel(s)}</option>`,
            )}
          </select>
        </label>
        <label class="inline">
          <input type="checkbox" .checked=${this.overdue} @change=${this.onOverdue} />
          <span>${msg('Overdue only')}</span>
        </label>
      </div>
      ${renderError(this.tasks.error ?? this.pages.error ?? this.virtualizer.error)}
      <div class="list" part="list" role="list" aria-label=${msg('Tasks')} aria-busy=${this.tasks.loading}>
        ${this.virtualizer.render({
          items: rows,
          scroller: true,
          keyFunction: (task) => task.id,
          renderItem: (task) => this.renderRow(task),
        })}
      </div>
      <p class="summary" aria-live="polite">
        ${
          this.tasks.loading && !this.tasks.value
            ? msg('Loading tasks…')
            : this.pages.hasMore
              ? msg(str`${rows.length} tasks shown, more below`)
              : msg(str`${rows.length} tasks`)
        }
      </p>
    `;
  }

  private renderRow(task: TaskRow) {
    const when = task.scheduledStart ? formatDateTime(task.scheduledStart) : msg('Not scheduled');
    return html`<div role="listitem">
      <button type="button" class="row" part="row" data-task-id=${task.id} @click=${() => this.select(task)}>
        <span>${task.number}${task.overdue ? html` <span class="overdue">${msg('Overdue')}</span>` : ''}</span>
        <span>
          <strong>${task.title}</strong>
          <span class="muted">${task.coverage.map(zoneLabel).join(', ')}</span>
        </span>
        <span class="muted">${when}</span>
        <span class="badge" part="status" data-status=${task.status}>${statusLabel(task.status)}</span>
      </button>
    </div>`;
  }

  protected override firstUpdated(): void {
    this.pages.follow(this.renderRoot.querySelector('.list'));
  }

  private filters() {
    const statuses = this.status.split(',').filter(Boolean) as TaskStatus[];
    return {
      ...(statuses.length > 0 ? { status: statuses } : {}),
      ...(this.technicianId ? { technicianId: this.technicianId } : {}),
      ...(this.clientId ? { clientId: this.clientId } : {}),
      ...(this.search.trim() ? { text: this.search.trim() } : {}),
      ...(this.overdue ? { overdue: true } : {}),
      limit: this.pageSize,
    };
  }

  private select(task: TaskRow): void {
    this.emit<TaskSelectDetail>('rpma-task-select', { taskId: task.id, task });
  }

  private onSearch(e: Event): void {
    this.search = (e.target as HTMLInputElement).value;
  }

  private onStatus(e: Event): void {
    this.status = (e.target as HTMLSelectElement).value;
  }

  private onOverdue(e: Event): void {
    this.overdue = (e.target as HTMLInputElement).checked;
  }
}
