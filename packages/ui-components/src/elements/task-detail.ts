import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import type { TaskRow } from '../engine-types.js';
import { renderError } from '../errors/error-text.js';
import { formatDateTime } from '../i18n/format.js';
import { statusLabel, zoneLabel } from '../i18n/labels.js';
import { themeStyles } from '../theme/theme.js';
import { TASK_EVENTS } from './task-list.js';

/** Detail of `rpma-intervention-open`. */
export interface InterventionOpenDetail {
  interventionId: string;
  taskId: string;
}

interface DetailData {
  task: TaskRow;
  /** The task's running or paused intervention, if any. */
  interventionId: string | undefined;
}

/**
 * One task: number, title, status, zones, schedule, notes, and the button that starts its
 * workflow (the task's service) or continues the intervention already under way.
 *
 * @element rpma-task-detail
 * @fires rpma-intervention-open - The user starts or continues the task's intervention; detail `{ interventionId, taskId }`.
 * @csspart card - The task card.
 * @csspart action - The start / continue button.
 * @csspart error - A refusal, in words.
 *
 * @example
 * ```html
 * <rpma-task-detail task-id="0193…"></rpma-task-detail>
 * ```
 */
export class RpmaTaskDetail extends RpmaElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: grid;
        gap: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
        background: var(--_surface);
      }
      h2 {
        margin: 0;
        font-size: 1.2rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px var(--_space);
        margin: 0;
      }
      dt {
        color: var(--_muted);
      }
    `,
  ];

  /** The task to show. */
  @property({ attribute: 'task-id' }) taskId = '';

  private readonly detail = new EngineQueryController<DetailData>(this, {
    events: [...TASK_EVENTS, 'intervention.started', 'intervention.completed', 'intervention.status_changed'],
    args: () => [this.taskId],
    load: async (context) => {
      const shop = shopFor(context);
      const task = (await shop.tasks.get({ id: this.taskId })) as TaskRow;
      const active = await shop.interventions.listActive({ limit: 1000 });
      return { task, interventionId: active.items.find((i) => i.taskId === task.id)?.id };
    },
  });
  private readonly start = new ActionController(this);

  override render() {
    const data = this.detail.value;
    if (!data) return renderError(this.detail.error);
    const { task, interventionId } = data;
    return html`<section part="card" aria-labelledby="title">
      <h2 id="title">${task.number} · ${task.title}</h2>
      <dl>
        <dt>${msg('Status')}</dt>
        <dd data-status=${task.status}>${statusLabel(task.status)}</dd>
        <dt>${msg('Zones')}</dt>
        <dd>${task.coverage.map(zoneLabel).join(', ') || '—'}</dd>
        <dt>${msg('Scheduled')}</dt>
        <dd>${task.scheduledStart ? formatDateTime(task.scheduledStart) : msg('Not scheduled')}</dd>
        ${task.notes ? html`<dt>${msg('Notes')}</dt><dd>${task.notes}</dd>` : nothing}
      </dl>
      ${
        interventionId
          ? html`<button class="primary" part="action" type="button" @click=${() => this.open(interventionId, task)}>
            ${msg('Continue the intervention')}
          </button>`
          : task.status === 'scheduled' || task.status === 'in_progress'
            ? html`<button
              class="primary"
              part="action"
              type="button"
              ?disabled=${this.start.pending}
              @click=${() => this.startIntervention(task)}
            >
              ${msg('Start the intervention')}
            </button>`
            : nothing
      }
      ${renderError(this.start.error)}
    </section>`;
  }

  private async startIntervention(task: TaskRow): Promise<void> {
    const run = await this.start.run((c) => shopFor(c).interventions.start(task.id));
    if (run) this.open(run.id, task);
  }

  private open(interventionId: string, task: TaskRow): void {
    this.emit<InterventionOpenDetail>('rpma-intervention-open', { interventionId, taskId: task.id });
  }
}
