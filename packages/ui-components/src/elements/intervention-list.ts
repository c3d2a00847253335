import { msg } from '@lit/localize';
import type { Intervention } from '@rpma/engine';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import type { TaskRow } from '../engine-types.js';
import { renderError } from '../errors/error-text.js';
import { formatDateTime } from '../i18n/format.js';
import { stepLabel } from '../i18n/labels.js';
import { tableStyles } from '../theme/table-styles.js';
import { themeStyles } from '../theme/theme.js';

/** The engine events after which the running interventions may have changed. */
const INTERVENTION_EVENTS = [
  'intervention.started',
  'intervention.advanced',
  'intervention.completed',
  'intervention.status_changed',
  'task.updated',
] as const;

/**
 * The running and paused interventions of the shop (`shop.interventions.listActive`), oldest
 * first, each with its task, current step, start and whether it is paused; choosing one opens
 * it (the host shows `<rpma-intervention-runner>`). Re-reads after every intervention event.
 *
 * @element rpma-intervention-list
 * @fires rpma-intervention-open - An intervention was chosen; detail `{ interventionId, taskId }`.
 * @csspart table - The interventions table.
 * @csspart open - The button opening one intervention.
 * @csspart error - A load failure, in words.
 *
 * @example
 * ```html
 * <rpma-intervention-list workflow="ppf"></rpma-intervention-list>
 * ```
 */
export class RpmaInterventionList extends RpmaElement {
  static override styles = [
    themeStyles,
    tableStyles,
    css`
      :host {
        display: block;
      }
      .paused {
        color: var(--_warning);
        font-weight: 600;
      }
      .muted {
        color: var(--_muted);
      }
    `,
  ];

  /** Only the interventions of this workflow (`ppf`, `ceramic`, …). */
  @property() workflow = '';

  private readonly rows = new EngineQueryController<{ intervention: Intervention; task?: TaskRow }[]>(this, {
    events: INTERVENTION_EVENTS,
    args: () => [this.workflow],
    load: async (context) => {
      const shop = shopFor(context);
      const page = await shop.interventions.listActive({
        limit: 100,
        ...(this.workflow ? { workflowId: this.workflow } : {}),
      });
      return Promise.all(
        page.items.map(async (intervention) => {
          const task = await shop.tasks.get({ id: intervention.taskId }).catch(() => undefined);
          return task ? { intervention, task: task as TaskRow } : { intervention };
        }),
      );
    },
  });

  override render() {
    const rows = this.rows.value;
    return html`${renderError(this.rows.error)}
      ${
        rows && rows.length === 0
          ? html`<p class="muted">${msg('No intervention is running.', { id: 'dashboard-active-none' })}</p>`
          : html`<table part="table" aria-busy=${this.rows.loading}>
            <caption class="visually-hidden">${msg('Interventions in progress', { id: 'dashboard-active' })}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Task', { id: 'intervention-list-task' })}</th>
                <th scope="col">${msg('Workflow', { id: 'intervention-list-workflow' })}</th>
                <th scope="col">${msg('Step', { id: 'intervention-list-step' })}</th>
                <th scope="col">${msg('Started', { id: 'intervention-list-started' })}</th>
              </tr>
            </thead>
            <tbody>
              ${(rows ?? []).map(
                ({ intervention, task }) => html`<tr data-intervention-id=${intervention.id}>
                  <td>
                    <button
                      type="button"
                      part="open"
                      @click=${() =>
                        this.emit('rpma-intervention-open', {
                          interventionId: intervention.id,
                          taskId: intervention.taskId,
                        })}
                    >
                      ${task ? `${task.number} — ${task.title}` : intervention.taskId}
                    </button>
                  </td>
                  <td>${intervention.workflowId}</td>
                  <td>
                    ${intervention.step ? stepLabel(intervention.step, intervention.step) : intervention.state}
                    ${
                      intervention.status === 'paused'
                        ? html`<span class="paused">· ${msg('Paused', { id: 'intervention-list-paused' })}</span>`
                        : ''
                    }
                  </td>
                  <td>${formatDateTime(intervention.startedAt)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }`;
  }
}
