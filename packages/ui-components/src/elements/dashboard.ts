import { msg, str } from '@lit/localize';
import { type Intervention, parseInstant, type Shop, wallTimeAt } from '@rpma/engine';
import { css, html } from 'lit';
import { RpmaElement } from '../base/rpma-element.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { asTaskPage, type TaskRow, type TaskStatus } from '../engine-types.js';
import { renderError } from '../errors/error-text.js';
import { formatDateTime } from '../i18n/format.js';
import { statusLabel, stepLabel, TASK_STATUS_ORDER } from '../i18n/labels.js';
import { getRpmaLocale } from '../i18n/localization.js';
import { themeStyles } from '../theme/theme.js';
import { TASK_EVENTS } from './task-list.js';

/** What the dashboard reads in one go. */
interface DashboardData {
  timeZone: string;
  today: TaskRow[];
  counts: Record<TaskStatus, number>;
  lowStock: Awaited<ReturnType<Shop['stock']['levels']>>;
  active: { intervention: Intervention; task: TaskRow | undefined }[];
}

/** Engine events after which one of the dashboard's figures may have changed. */
const DASHBOARD_EVENTS = [
  ...TASK_EVENTS,
  'calendar.changed',
  'intervention.started',
  'intervention.advanced',
  'intervention.completed',
  'intervention.status_changed',
  'material.low_stock',
  'data.changed',
] as const;

/**
 * The entry screen: the signed-in person's tasks of today (in the shop's time zone), how many
 * tasks are in each status, the materials at or below their reorder point, and the running
 * interventions. Everything comes from engine queries and is re-read after the engine events
 * that change it.
 *
 * @element rpma-dashboard
 * @fires rpma-task-select - A task of today was chosen; detail `{ taskId, task }` (as `<rpma-task-list>`).
 * @fires rpma-intervention-open - A running intervention was chosen; detail `{ interventionId, taskId }`.
 * @csspart card - One section of the dashboard.
 * @csspart error - A refusal or load failure, in words.
 *
 * @example
 * ```html
 * <rpma-engine-provider>
 *   <rpma-dashboard></rpma-dashboard>
 * </rpma-engine-provider>
 * ```
 */
export class RpmaDashboard extends RpmaElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: grid;
        gap: calc(var(--_space) * 2);
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      }
      section {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        padding: calc(var(--_space) * 1.5);
      }
      h2 {
        margin: 0 0 var(--_space);
        font-size: 1.1rem;
      }
      ul,
      dl {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      dl {
        grid-template-columns: 1fr auto;
      }
      dd {
        margin: 0;
        text-align: end;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      li > button {
        width: 100%;
        text-align: start;
      }
      .muted {
        color: var(--_muted);
      }
      .low {
        color: var(--_warning);
        font-weight: 600;
      }
    `,
  ];

  private readonly data = new EngineQueryController<DashboardData>(this, {
    events: DASHBOARD_EVENTS,
    load: async (context) => {
      const shop = shopFor(context);
      const { timeZone } = await shop.settings.get();
      const { year, month, day } = wallTimeAt(context.engine.clock.now(), timeZone);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const from = parseInstant(`${date}T00:00`, timeZone) ?? 0;
      const to = parseInstant(`${nextDay(date)}T00:00`, timeZone) ?? from + 86_400_000;
      const today = asTaskPage(
        await shop.tasks.page({
          technicianId: shop.principal.userId,
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          limit: 50,
        }),
      ).items;
      const [counts, levels, running] = await Promise.all([
        shop.tasks.countByStatus(),
        shop.stock.levels({}),
        shop.interventions.listActive({ limit: 20 }),
      ]);
      const active = await Promise.all(
        running.items.map(async (intervention) => ({
          intervention,
          task: (await shop.tasks.get({ id: intervention.taskId }).catch(() => undefined)) as
            | TaskRow
            | undefined,
        })),
      );
      return { timeZone, today, counts, lowStock: levels.filter((level) => level.low), active };
    },
  });

  override render() {
    const data = this.data.value;
    const number = new Intl.NumberFormat(getRpmaLocale(), { maximumFractionDigits: 2 });
    return html`${renderError(this.data.error)}
      <section part="card" aria-labelledby="today" aria-busy=${this.data.loading} data-card="today">
        <h2 id="today">${msg('My tasks today', { id: 'dashboard-today' })}</h2>
        ${
          data && data.today.length === 0
            ? html`<p class="muted">${msg('Nothing scheduled for you today.', { id: 'dashboard-today-none' })}</p>`
            : html`<ul>
              ${(data?.today ?? []).map(
                (task) => html`<li>
                  <button type="button" data-task-id=${task.id} @click=${() => this.emit('rpma-task-select', { taskId: task.id, task })}>
                    <strong>${task.title}</strong> · ${task.number}<br />
                    <span class="muted">
                      ${task.scheduledStart ? formatDateTime(task.scheduledStart, data?.timeZone) : ''} ·
                      ${statusLabel(task.status)}
                    </span>
                  </button>
                </li>`,
              )}
            </ul>`
        }
      </section>
      <section part="card" aria-labelledby="counts" data-card="counts">
        <h2 id="counts">${msg('Tasks by status', { id: 'dashboard-counts' })}</h2>
        <dl>
          ${TASK_STATUS_ORDER.map(
            (status) => html`<dt>${statusLabel(status)}</dt>
              <dd data-status=${status}>${data ? number.format(data.counts[status] ?? 0) : '…'}</dd>`,
          )}
        </dl>
      </section>
      <section part="card" aria-labelledby="low" data-card="low-stock">
        <h2 id="low">${msg('Low stock', { id: 'dashboard-low-stock' })}</h2>
        ${
          data && data.lowStock.length === 0
            ? html`<p class="muted">${msg('Every material is above its reorder point.', { id: 'dashboard-low-none' })}</p>`
            : html`<ul>
              ${(data?.lowStock ?? []).map(
                (level) => html`<li data-sku=${level.material.sku}>
                  <span class="low">${level.material.name}</span> (${level.material.sku}):
                  ${msg(str`${number.format(level.onHand)} ${level.material.unit} on hand`, { id: 'dashboard-on-hand' })}
                </li>`,
              )}
            </ul>`
        }
      </section>
      <section part="card" aria-labelledby="active" data-card="active">
        <h2 id="active">${msg('Interventions in progress', { id: 'dashboard-active' })}</h2>
        ${
          data && data.active.length === 0
            ? html`<p class="muted">${msg('No intervention is running.', { id: 'dashboard-active-none' })}</p>`
            : html`<ul>
              ${(data?.active ?? []).map(
                ({ intervention, task }) => html`<li>
                  <button
                    type="button"
                    data-intervention-id=${intervention.id}
                    @click=${() =>
                      this.emit('rpma-intervention-open', {
                        interventionId: intervention.id,
                        taskId: intervention.taskId,
                      })}
                  >
                    <strong>${task ? `${task.number} — ${task.title}` : intervention.taskId}</strong><br />
                    <span class="muted">
                      ${intervention.step ? stepLabel(intervention.step, intervention.step) : intervention.state} ·
                      ${formatDateTime(intervention.startedAt, data?.timeZone)}
                    </span>
                  </button>
                </li>`,
              )}
            </ul>`
        }
      </section>`;
  }
}

/** The calendar day after `date` (`YYYY-MM-DD`). */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
