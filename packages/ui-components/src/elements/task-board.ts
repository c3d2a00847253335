import { msg, str } from '@lit/localize';
import type { Page } from '@rpma/engine';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { asTaskPage, type TaskRow, type TaskStatus } from '../engine-types.js';
import { renderError } from '../errors/error-text.js';
import { statusLabel, TASK_STATUS_ORDER, zoneLabel } from '../i18n/labels.js';
import { themeStyles } from '../theme/theme.js';
import { TASK_EVENTS, type TaskSelectDetail } from './task-list.js';

/** Detail of `rpma-task-moved`. */
export interface TaskMovedDetail {
  taskId: string;
  from: TaskStatus;
  to: TaskStatus;
}

/** Moves the engine asks a reason for. */
const NEEDS_REASON: readonly TaskStatus[] = ['on_hold', 'cancelled'];

/**
 * The task board: one column per status (kanban). Drag a card to another column — or use the
 * card's "Move to" menu from the keyboard — to change the task's status through
 * `shop.tasks.changeStatus`. The engine's status table decides: a move it refuses (not allowed
 * from this status, not your task, someone else changed it first) is shown in words on the
 * card, naming the moves that are allowed. Moves to "on hold" and "cancelled" ask for the
 * reason the engine requires.
 *
 * @element rpma-task-board
 * @fires rpma-task-moved - The engine accepted a move; detail `{ taskId, from, to }`.
 * @fires rpma-task-select - A card was opened; detail `{ taskId, task }`.
 * @csspart column - One status column.
 * @csspart card - One task card.
 * @csspart error - A refused move, in words.
 * @cssprop --rpma-board-column-width - Width of a column (default 16rem).
 *
 * @example
 * ```html
 * <rpma-task-board statuses="scheduled,in_progress,on_hold,completed"></rpma-task-board>
 * ```
 */
export class RpmaTaskBoard extends RpmaElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      .board {
        display: grid;
        grid-auto-flow: column;
        grid-auto-columns: var(--rpma-board-column-width, 16rem);
        gap: var(--_space);
        overflow-x: auto;
      }
      section {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        min-height: 12rem;
        background: var(--_surface);
      }
      section.target {
        outline: 2px dashed var(--_accent);
      }
      h3 {
        margin: 0 0 var(--_space);
        font-size: 1rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space);
      }
      article {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        cursor: grab;
        display: grid;
        gap: 4px;
      }
      .muted {
        color: var(--_muted);
        font-size: 0.85rem;
      }
      .open {
        text-align: start;
        border: 0;
        padding: 0;
        background: none;
        font-weight: 600;
      }
      form {
        display: grid;
        gap: 4px;
      }
    `,
  ];

  /** The columns, comma-separated statuses in order. */
  @property() statuses = 'draft,scheduled,in_progress,on_hold,completed';
  /** Only the tasks of this technician (user id). */
  @property({ attribute: 'technician-id' }) technicianId = '';
  /** Cards per column. */
  @property({ type: Number, attribute: 'column-size' }) columnSize = 50;

  @state() private dragging: TaskRow | undefined;
  @state() private pendingReason: { task: TaskRow; to: TaskStatus } | undefined;
  @state() private failedTaskId: string | undefined;

  private readonly board = new EngineQueryController<Map<TaskStatus, Page<TaskRow>>>(this, {
    events: TASK_EVENTS,
    args: () => [this.statuses, this.technicianId, this.columnSize],
    load: async (context) => {
      const shop = shopFor(context);
      const pages = await Promise.all(
        this.columns().map((status) =>
          shop.tasks.page({
            status,
            limit: this.columnSize,
            ...(this.technicianId ? { technicianId: this.technicianId } : {}),
          }),
        ),
      );
      return new Map(this.columns().map((status, i) => [status, asTaskPage(pages[i]!)]));
    },
  });
  private readonly move = new ActionController(this);

  override render() {
    return html`${renderError(this.board.error)}
      <div class="board" aria-busy=${this.board.loading}>
        ${this.columns().map((status) => this.renderColumn(status))}
      </div>`;
  }

  private renderColumn(status: TaskStatus) {
    const tasks = this.board.value?.get(status)?.items ?? [];
    const target = this.dragging !== undefined && this.dragging.status !== status;
    return html`<section
      part="column"
      class=${target ? 'target' : ''}
      data-status=${status}
      aria-labelledby="col-${status}"
      @dragover=${(e: DragEvent) => this.onDragOver(e, status)}
      @drop=${(e: DragEvent) => this.onDrop(e, status)}
    >
      <h3 id="col-${status}">${statusLabel(status)} <span class="muted">(${tasks.length})</span></h3>
      <ul>
        ${tasks.map((task) => html`<li>${this.renderCard(task)}</li>`)}
      </ul>
    </section>`;
  }

  private renderCard(task: TaskRow) {
    const moves = this.columns().filter((status) => status !== task.status);
    const asking = this.pendingReason?.task.id === task.id ? this.pendingReason : undefined;
    return html`<article
      part="card"
      draggable="true"
      data-task-id=${task.id}
      aria-label=${task.number}
      @dragstart=${(e: DragEvent) => this.onDragStart(e, task)}
      @dragend=${() => {
        this.dragging = undefined;
      }}
    >
      <button type="button" class="open" @click=${() => this.open(task)}>${task.number} · ${task.title}</button>
      <span class="muted">${task.coverage.map(zoneLabel).join(', ')}</span>
      ${
        moves.length > 0
          ? html`<label class="muted">
            ${msg('Move to')}
            <select @change=${(e: Event) => this.onMoveSelect(e, task)} ?disabled=${this.move.pending}>
              <option value="">—</option>
              ${moves.map((to) => html`<option value=${to}>${statusLabel(to)}</option>`)}
            </select>
          </label>`
          : nothing
      }
      ${asking ? this.renderReason(asking.task, asking.to) : nothing}
      ${this.failedTaskId === task.id ? renderError(this.move.error) : nothing}
    </article>`;
  }

  private renderReason(task: TaskRow, to: TaskStatus) {
    return html`<form @submit=${(e: SubmitEvent) => this.onReason(e, task, to)}>
      <label>
        ${msg(str`Why move ${task.number} to ${statusLabel(to)}?`)}
        <input name="reason" required autofocus />
      </label>
      <button class="primary" type="submit">${msg('Move')}</button>
      <button type="button" @click=${() => (this.pendingReason = undefined)}>${msg('Cancel')}</button>
    </form>`;
  }

  private columns(): TaskStatus[] {
    const wanted = this.statuses.split(',');
    return TASK_STATUS_ORDER.filter((status) => wanted.includes(status));
  }

  private find(taskId: string): TaskRow | undefined {
    for (const page of this.board.value?.values() ?? []) {
      const task = page.items.find((t) => t.id === taskId);
      if (task) return task;
    }
    return undefined;
  }

  private onDragStart(e: DragEvent, task: TaskRow): void {
    e.dataTransfer?.setData('text/plain', task.id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    this.dragging = task;
  }

  private onDragOver(e: DragEvent, status: TaskStatus): void {
    if (this.dragging && this.dragging.status !== status) e.preventDefault();
  }

  private onDrop(e: DragEvent, to: TaskStatus): void {
    e.preventDefault();
    const task = this.find(e.dataTransfer?.getData('text/plain') ?? '');
    this.dragging = undefined;
    if (task && task.status !== to) void this.request(task, to);
  }

  private onMoveSelect(e: Event, task: TaskRow): void {
    const select = e.target as HTMLSelectElement;
    const to = select.value as TaskStatus;
    select.value = '';
    if (to) void this.request(task, to);
  }

  private onReason(e: SubmitEvent, task: TaskRow, to: TaskStatus): void {
    e.preventDefault();
    const reason = new FormData(e.target as HTMLFormElement).get('reason')?.toString() ?? '';
    this.pendingReason = undefined;
    void this.changeStatus(task, to, reason);
  }

  private async request(task: TaskRow, to: TaskStatus): Promise<void> {
    if (NEEDS_REASON.includes(to)) {
      this.pendingReason = { task, to };
      return;
    }
    await this.changeStatus(task, to);
  }

  private async changeStatus(task: TaskRow, to: TaskStatus, reason?: string): Promise<void> {
    this.failedTaskId = task.id;
    const saved = await this.move.run((context) =>
      shopFor(context).tasks.changeStatus({ id: task.id, rev: task.rev, to, ...(reason ? { reason } : {}) }),
    );
    if (!saved) return;
    this.failedTaskId = undefined;
    this.emit<TaskMovedDetail>('rpma-task-moved', { taskId: task.id, from: task.status, to });
  }

  private open(task: TaskRow): void {
    this.emit<TaskSelectDetail>('rpma-task-select', { taskId: task.id, task });
  }
}
