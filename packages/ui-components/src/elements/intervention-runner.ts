import { msg, str } from '@lit/localize';
import type {
  InterventionProgress,
  InterventionView,
  StepDefinition,
  StepSubmitEvent,
  WorkflowPlugin,
} from '@rpma/engine';
import { checkSubmission, isEngineError, STEP_SUBMIT } from '@rpma/engine';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toJSONSchema } from 'zod/mini';
import { RpmaElement } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { fieldIssues, renderError } from '../errors/error-text.js';
import { emptyValue, getPath, type JsonSchema, renderSchemaFields, setPath } from '../forms/schema-form.js';
import { stepWords, workflowTitle } from '../i18n/workflow-labels.js';
import { themeStyles } from '../theme/theme.js';
import { runnerStyles } from './intervention-runner.styles.js';
import { PhotoCapture, type StepPhoto } from './photo-capture.js';

/** Detail of `rpma-step-submitted`. */
export interface StepSubmittedDetail {
  interventionId: string;
  step: string;
  /** The step the intervention is on now (null once finished). */
  next: string | null;
}

interface RunnerData {
  view: InterventionView;
  progress: InterventionProgress;
  plugin: WorkflowPlugin;
  photos: StepPhoto[];
}

const RUNNER_EVENTS = [
  'intervention.started',
  'intervention.transitioned',
  'intervention.advanced',
  'intervention.completed',
  'intervention.status_changed',
  'photo.added',
  'photo.deleted',
] as const;

/**
 * Runs an intervention, whatever its workflow plugin: progress across the steps, then the
 * current step rendered from the plugin's step definition — a form generated from the step's
 * zod schema, its checklist, photo capture (camera or file, with progress) against the step's
 * photo rules, environment readings when the step has a gate — and, live, what is still
 * missing before it can advance (the engine's own `checkSubmission`). Pause and resume.
 * Every refusal of the engine is shown in words, at the field when it names one.
 *
 * @element rpma-intervention-runner
 * @fires rpma-step-submitted - The engine accepted a step; detail `{ interventionId, step, next }`.
 * @fires rpma-intervention-completed - The last step was accepted; detail `{ interventionId }`.
 * @csspart progress - The list of steps with their state.
 * @csspart step - The current step's form.
 * @csspart missing - What is still missing before the step can advance.
 * @csspart field - One generated form field.
 * @csspart error - A refusal, in words.
 *
 * @example
 * ```html
 * <rpma-intervention-runner intervention-id="0193…"></rpma-intervention-runner>
 * ```
 */
export class RpmaInterventionRunner extends RpmaElement {
  static override styles = [themeStyles, runnerStyles];

  /** The intervention to run. */
  @property({ attribute: 'intervention-id' }) interventionId = '';

  @state() private data: Record<string, unknown> = {};
  @state() private ticked = new Set<string>();
  private draftFor = '';

  private readonly run = new EngineQueryController<RunnerData>(this, {
    events: RUNNER_EVENTS,
    args: () => [this.interventionId],
    load: async (context) => {
      const shop = shopFor(context);
      const [view, progress] = await Promise.all([
        shop.interventions.get(this.interventionId),
        shop.interventions.progress(this.interventionId),
      ]);
      const plugin = context.engine.workflows.plugin(view.workflowId, view.workflowVersion);
      const photos = view.step ? await shop.photos.list({ interventionId: view.id, stepId: view.step }) : [];
      return { view, progress, plugin, photos: photos.map((p) => ({ id: p.id, tags: tagsOf(p) })) };
    },
  });
  private readonly submit = new ActionController(this);
  private readonly pause = new ActionController(this);
  private readonly photos = new PhotoCapture(this, () => this.run.value?.view);

  protected override willUpdate(): void {
    const view = this.run.value?.view;
    const key = view ? `${view.id}:${view.step}` : '';
    if (key !== this.draftFor) {
      this.draftFor = key;
      const step = view && this.run.value?.plugin.steps.find((s) => s.id === view.step);
      this.data = step ? emptyValue(this.schemaOf(step)) : {};
      this.ticked = new Set();
      this.submit.clear();
    }
  }

  override render() {
    if (!this.run.value)
      return html`${renderError(this.run.error)}${this.run.loading ? msg('Loading…') : nothing}`;
    const { view, progress, plugin } = this.run.value;
    const step = plugin.steps.find((s) => s.id === view.step);
    return html`
      <header>
        <h2>${workflowTitle(plugin)}</h2>
        ${this.renderStatus(view)}
      </header>
      ${renderError(this.run.error)}
      <ol part="progress" aria-label=${msg('Steps')}>
        ${progress.steps.map(
          (s) => html`<li class=${s.status} aria-current=${s.status === 'current' ? 'step' : 'false'}>
            ${stepWords(plugin, s).title}
            <span class="muted">${s.status === 'done' ? msg('done') : s.status === 'current' ? msg('current') : ''}</span>
          </li>`,
        )}
      </ol>
      <progress max="100" value=${progress.percent} aria-label=${msg('Progress')}></progress>
      ${
        view.status === 'completed'
          ? html`<p class="done" role="status">${msg('Intervention completed.')}</p>`
          : step && view.status === 'active' && view.accepts.includes(STEP_SUBMIT)
            ? this.renderStep(view, plugin, step)
            : view.timers.length > 0
              ? html`<p role="status">${msg(str`Waiting until ${new Date(view.timers[0]!.dueAt).toLocaleString()}.`)}</p>`
              : nothing
      }
    `;
  }

  private renderStatus(view: InterventionView) {
    if (view.status === 'paused') {
      return html`<span class="badge">${msg('Paused')}</span>
        <button type="button" @click=${() => this.pause.run((c) => shopFor(c).interventions.resume(view.id))}>
          ${msg('Resume')}
        </button>
        ${renderError(this.pause.error)}`;
    }
    if (view.status !== 'active') return nothing;
    return html`<button type="button" @click=${() => this.pause.run((c) => shopFor(c).interventions.pause(view.id))}>
        ${msg('Pause')}
      </button>
      ${renderError(this.pause.error)}`;
  }

  private renderStep(view: InterventionView, plugin: WorkflowPlugin, step: StepDefinition) {
    const issues = fieldIssues(this.submit.error);
    const schema = this.schemaOf(step);
    const missing = this.missing(view, step);
    const words = stepWords(plugin, step);
    return html`<form part="step" @submit=${(e: SubmitEvent) => this.onSubmit(e, view, step)} novalidate>
      <h3>${words.title}</h3>
      ${words.help ? html`<p class="muted" part="help">${words.help}</p>` : nothing}
      ${renderSchemaFields(schema, '', {
        get: (path) => getPath(this.data, path),
        set: (path, value) => {
          this.data = setPath(this.data, path, value);
        },
        issue: (path) => issues.get(path),
        label: (path) => words.field(path),
        option: (path, value) => words.option(path, value),
      })}
      ${
        step.checklist.length > 0
          ? html`<fieldset>
            <legend>${msg('Checklist')}</legend>
            ${step.checklist.map(
              (item) => html`<label class="inline">
                <input type="checkbox" .checked=${this.ticked.has(item.id)} @change=${() => this.toggle(item.id)} />
                ${words.checklist(item.id, item.label)}${item.required ? html` <span class="muted">(${msg('required')})</span>` : nothing}
              </label>`,
            )}
          </fieldset>`
          : nothing
      }
      ${
        step.photos.min > 0 || (step.photos.requiredTags?.length ?? 0) > 0
          ? this.photos.render(step, this.run.value?.photos ?? [], missing, words.shot)
          : nothing
      }
      ${
        missing.length > 0
          ? html`<section part="missing" aria-live="polite">
            <h4>${msg('Still missing before this step can advance')}</h4>
            <ul>
              ${missing.map((m) => html`<li>${m}</li>`)}
            </ul>
          </section>`
          : nothing
      }
      ${renderError(this.submit.error)}
      <button class="primary" type="submit" ?disabled=${this.submit.pending}>
        ${msg(str`Complete ${words.title}`)}
      </button>
    </form>`;
  }

  private schemaOf(step: StepDefinition): JsonSchema {
    return toJSONSchema(step.data, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  }

  /** The engine's own check of the submission as it stands, as a list of what is missing. */
  private missing(view: InterventionView, step: StepDefinition): string[] {
    try {
      checkSubmission(step, this.event(step), view.snapshot.context, this.activeEngine?.clock.now() ?? 0);
      return [];
    } catch (error) {
      if (isEngineError(error, 'PRECONDITION')) return (error.details.missing as string[]) ?? [error.message];
      if (isEngineError(error, 'VALIDATION')) {
        return [...fieldIssues(error)].map(([path, message]) => (path ? `${path}: ${message}` : message));
      }
      return [String(error)];
    }
  }

  private event(step: StepDefinition): StepSubmitEvent {
    return {
      type: STEP_SUBMIT,
      step: step.id,
      data: this.data,
      checklist: [...this.ticked],
      photos: (this.run.value?.photos ?? []).map((p) => ({ id: p.id, tags: p.tags })),
    };
  }

  private toggle(id: string): void {
    const next = new Set(this.ticked);
    if (!next.delete(id)) next.add(id);
    this.ticked = next;
  }

  private async onSubmit(e: SubmitEvent, view: InterventionView, step: StepDefinition): Promise<void> {
    e.preventDefault();
    const { photos, ...event } = this.event(step);
    const ids = (photos ?? []).map((photo) => photo.id);
    const after = await this.submit.run((c) =>
      shopFor(c).interventions.send(view.id, { ...event, photos: ids }, { rev: view.rev }),
    );
    if (!after) return;
    this.emit<StepSubmittedDetail>('rpma-step-submitted', {
      interventionId: view.id,
      step: step.id,
      next: after.step,
    });
    if (after.status === 'completed') this.emit('rpma-intervention-completed', { interventionId: view.id });
  }
}

/** The tags the engine gives a stored photo for the step's rules: its angle, `zone:…`, `panel:…`. */
function tagsOf(photo: { zone: string | null; panel: string | null; angle: string | null }): string[] {
  return [photo.angle, photo.zone && `zone:${photo.zone}`, photo.panel && `panel:${photo.panel}`].filter(
    (t): t is string => typeof t === 'string' && t !== '',
  );
}
