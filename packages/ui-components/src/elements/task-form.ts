import { msg } from '@lit/localize';
import { type Doc, EngineError, PRIORITIES, type User } from '@rpma/engine';
import { css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html } from 'lit/static-html.js';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import type { TaskRow } from '../engine-types.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
import { renderField } from '../forms/field.js';
import { formStyles } from '../forms/form-styles.js';
import { siblingTag } from '../forms/sibling-tag.js';
import { priorityLabel } from '../i18n/labels.js';
import { themeStyles } from '../theme/theme.js';
import { TASK_EVENTS } from './task-list.js';

/** The coverage of a new task (one array, so a re-render never clears the user's choice). */
const NO_ZONES: string[] = [];

/** Detail of `rpma-task-saved`. */
export interface TaskSavedDetail {
  taskId: string;
  task: TaskRow;
  /** True when the form created the task, false when it updated it. */
  created: boolean;
}

/**
 * A stored ISO time as a `datetime-local` input value, in the browser's time zone.
 *
 * @example
 * ```ts
 * toLocalInput('2026-12-01T08:30:00.000Z'); // '2026-12-01T09:30' in Paris
 * ```
 */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The fields of an edited task that differ from the stored task (times compared to the minute,
 * as the form shows them), so an update sends only what the user changed — a technician may
 * change only some fields of their task.
 */
function changedFields<F extends Record<string, unknown>>(task: TaskRow, fields: F): Partial<F> {
  const stored = task as unknown as Record<string, unknown>;
  const same = (key: string, value: unknown) =>
    key === 'scheduledStart' || key === 'scheduledEnd'
      ? toLocalInput(stored[key] as string | null) === toLocalInput(value as string | null)
      : JSON.stringify(stored[key]) === JSON.stringify(value);
  return Object.fromEntries(Object.entries(fields).filter(([key, value]) => !same(key, value))) as Partial<F>;
}

/**
 * Creates a task, or edits one (`task-id`): title, client (`<rpma-client-picker>`), one of the
 * client's vehicles (`<rpma-vehicle-picker>`), the service (a workflow the engine has), coverage
 * zones (`<rpma-zone-picker>`), priority, technician, schedule and notes. The browser checks the
 * required fields; every refusal of the engine appears in words next to its field. The submit
 * button is disabled while the task is saved. A task's client cannot change once created.
 *
 * @element rpma-task-form
 * @fires rpma-task-saved - The task was created or updated; detail `{ taskId, task, created }`.
 * @csspart form - The form.
 * @csspart field - One labelled field.
 * @csspart field-error - The engine's refusal of one field, in words.
 * @csspart actions - The submit button.
 * @csspart error - A refusal not about one field, in words.
 *
 * @example
 * ```html
 * <rpma-task-form></rpma-task-form>
 * <rpma-task-form task-id="0193…"></rpma-task-form>
 * ```
 */
export class RpmaTaskForm extends RpmaElement {
  static override styles = [
    themeStyles,
    formStyles,
    css`
      :host {
        display: block;
        background: var(--_surface);
      }
    `,
  ];

  /** The task to edit; empty to create one. */
  @property({ attribute: 'task-id' }) taskId = '';

  /** The client chosen in the picker (the vehicle picker offers their vehicles). */
  @state() private clientId = '';
  @state() private saved = false;

  private readonly task = new EngineQueryController<TaskRow | undefined>(this, {
    events: TASK_EVENTS,
    args: () => [this.taskId],
    load: async (context) =>
      this.taskId ? ((await shopFor(context).tasks.get({ id: this.taskId })) as TaskRow) : undefined,
  });
  private readonly technicians = new EngineQueryController<Doc<User>[]>(this, {
    events: ['user.changed'],
    load: async (context) => {
      try {
        return (await shopFor(context).users.list({ role: 'technician', enabledOnly: true, limit: 1000 }))
          .items;
      } catch (error) {
        // Only staff list users: anyone else keeps the task's technician (the engine refuses a change).
        if (error instanceof EngineError && error.code === 'FORBIDDEN') return [];
        throw error;
      }
    },
  });
  private readonly save = new ActionController(this);

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('taskId')) this.saved = false;
    const task = this.current;
    if (task && this.clientId !== task.clientId) this.clientId = task.clientId;
  }

  /** The task being edited, once read. */
  private get current(): TaskRow | undefined {
    const task = this.task.value;
    return this.taskId && task?.id === this.taskId ? task : undefined;
  }

  override render() {
    const task = this.current;
    if (this.taskId && !task) return renderError(this.task.error);
    const issues = fieldIssues(this.save.error);
    const refusedVehicle =
      this.save.error?.code === 'PRECONDITION' && this.save.error.details.vehicleId !== undefined
        ? this.save.error.message
        : undefined;
    const coverageIssue = [...issues].find(
      ([path]) => path === 'coverage' || path.startsWith('coverage.'),
    )?.[1];
    const clientPicker = siblingTag(this, 'task-form', 'client-picker');
    const vehiclePicker = siblingTag(this, 'task-form', 'vehicle-picker');
    const zonePicker = siblingTag(this, 'task-form', 'zone-picker');
    return html`<form part="form" @submit=${this.onSubmit} @input=${() => {
      this.saved = false;
    }}>
      ${renderField({ name: 'title', label: msg('Title', { id: 'task-form-title' }), value: task?.title ?? '', issue: issues.get('title'), required: true })}
      <div class="grid">
        <div class="field" part="field" data-field="clientId">
          <${clientPicker}
            .engine=${this.activeEngine}
            .principal=${this.activePrincipal}
            theme=${this.theme ?? nothing}
            name="clientId"
            required
            .value=${task?.clientId ?? this.clientId}
            .issue=${issues.get('clientId') ?? (this.save.error?.code === 'NOT_FOUND' ? this.save.error.message : '')}
            ?disabled=${task !== undefined}
            @change=${this.onClient}
          ></${clientPicker}>
        </div>
        <div class="field" part="field" data-field="vehicleId">
          <${vehiclePicker}
            .engine=${this.activeEngine}
            .principal=${this.activePrincipal}
            theme=${this.theme ?? nothing}
            name="vehicleId"
            client-id=${this.clientId}
            .value=${task?.vehicleId ?? ''}
            .issue=${issues.get('vehicleId') ?? refusedVehicle ?? ''}
          ></${vehiclePicker}>
        </div>
        ${this.renderService(task, issues.get('service'))}
        <div class="field" part="field" data-field="priority">
          <label for="field-priority">${msg('Priority', { id: 'task-form-priority' })}</label>
          <select id="field-priority" name="priority">
            ${PRIORITIES.map(
              (p) =>
                html`<option value=${p} ?selected=${(task?.priority ?? 'normal') === p}>${priorityLabel(p)}</option>`,
            )}
          </select>
        </div>
        ${this.renderTechnician(task, issues.get('technicianId'))}
        ${renderField({
          name: 'scheduledStart',
          label: msg('Scheduled start', { id: 'task-form-start' }),
          value: toLocalInput(task?.scheduledStart ?? null),
          issue: issues.get('scheduledStart'),
          type: 'datetime-local',
        })}
        ${renderField({
          name: 'scheduledEnd',
          label: msg('Scheduled end', { id: 'task-form-end' }),
          value: toLocalInput(task?.scheduledEnd ?? null),
          issue: issues.get('scheduledEnd'),
          type: 'datetime-local',
        })}
      </div>
      <${zonePicker}
        name="coverage"
        theme=${this.theme ?? nothing}
        .value=${task?.coverage ?? NO_ZONES}
        .issue=${coverageIssue ?? ''}
      ></${zonePicker}>
      ${renderField({ name: 'notes', label: msg('Notes', { id: 'vehicle-notes' }), value: task?.notes ?? '', issue: issues.get('notes'), type: 'textarea' })}
      ${renderError(this.save.error)}
      <div class="actions" part="actions">
        <button class="primary" type="submit" ?disabled=${this.save.pending}>
          ${task ? msg('Save the task', { id: 'task-form-save' }) : msg('Create the task', { id: 'task-form-create' })}
        </button>
        <span role="status">${this.saved ? msg('Saved.', { id: 'form-saved' }) : ''}</span>
      </div>
    </form>`;
  }

  private renderService(task: TaskRow | undefined, issue: string | undefined) {
    const plugins = this.activeEngine?.workflows.plugins() ?? [];
    const current = task?.service ?? plugins[0]?.id ?? '';
    if (plugins.length === 0) {
      return renderField({
        name: 'service',
        label: msg('Service', { id: 'task-form-service' }),
        value: current,
        issue,
        required: true,
      });
    }
    const known = plugins.some((p) => p.id === current);
    return html`<div class="field" part="field" data-field="service">
      <label for="field-service">${msg('Service', { id: 'task-form-service' })}</label>
      <select id="field-service" name="service" aria-invalid=${issue ? 'true' : 'false'} aria-describedby=${issue ? 'field-service-issue' : nothing}>
        ${plugins.map((p) => html`<option value=${p.id} ?selected=${p.id === current}>${p.title}</option>`)}
        ${known ? nothing : html`<option value=${current} selected>${current}</option>`}
      </select>
      ${issue ? html`<span class="error" part="field-error" id="field-service-issue">${issue}</span>` : nothing}
    </div>`;
  }

  private renderTechnician(task: TaskRow | undefined, issue: string | undefined) {
    const current = task?.technicianId ?? '';
    const technicians = this.technicians.value ?? [];
    const known = current === '' || technicians.some((t) => t.id === current);
    return html`<div class="field" part="field" data-field="technicianId">
      <label for="field-technicianId">${msg('Technician', { id: 'task-form-technician' })}</label>
      <select id="field-technicianId" name="technicianId" aria-invalid=${issue ? 'true' : 'false'} aria-describedby=${issue ? 'field-technicianId-issue' : nothing}>
        <option value="" ?selected=${current === ''}>${msg('Unassigned', { id: 'task-form-unassigned' })}</option>
        ${technicians.map((t) => html`<option value=${t.id} ?selected=${t.id === current}>${t.displayName}</option>`)}
        ${known ? nothing : html`<option value=${current} selected>${current}</option>`}
      </select>
      ${issue ? html`<span class="error" part="field-error" id="field-technicianId-issue">${issue}</span>` : nothing}
      ${renderError(this.technicians.error)}
    </div>`;
  }

  private onClient(e: Event): void {
    this.clientId = (e.target as HTMLInputElement).value;
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.save.pending) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const time = (name: string) => (get(name) ? new Date(get(name)).toISOString() : null);
    const fields = {
      title: get('title'),
      service: get('service'),
      coverage: data.getAll('coverage').map(String),
      priority: get('priority') as TaskRow['priority'],
      technicianId: get('technicianId') || null,
      scheduledStart: time('scheduledStart'),
      scheduledEnd: time('scheduledEnd'),
      notes: get('notes'),
    };
    const task = this.current;
    const saved = await this.save.run(async (c) => {
      const shop = shopFor(c);
      if (task) {
        const edited = { ...fields, vehicleId: get('vehicleId') || null };
        return shop.tasks.update({ id: task.id, rev: task.rev, ...changedFields(task, edited) });
      }
      const { scheduledStart, scheduledEnd, ...rest } = fields;
      return shop.tasks.create({
        ...rest,
        clientId: get('clientId'),
        ...(get('vehicleId') ? { vehicleId: get('vehicleId') } : {}),
        ...(scheduledStart ? { scheduledStart } : {}),
        ...(scheduledEnd ? { scheduledEnd } : {}),
      });
    });
    if (!saved) return;
    this.saved = true;
    if (!task) {
      form.reset();
      this.clientId = '';
    }
    this.emit<TaskSavedDetail>('rpma-task-saved', {
      taskId: saved.id,
      task: saved as TaskRow,
      created: !task,
    });
  }
}
