import { msg, str } from '@lit/localize';
import type { InterventionView, StepDefinition } from '@rpma/engine';
import { html, nothing, type ReactiveController } from 'lit';
import type { EngineHost } from '../base/rpma-element.js';
import { ActionController } from '../controllers/action-controller.js';
import { shopFor } from '../controllers/engine-query-controller.js';
import { renderError } from '../errors/error-text.js';

/** A photo already stored for the current step, with the tags the step's rules look at. */
export interface StepPhoto {
  id: string;
  tags: string[];
}

/**
 * The photo part of a step: which shots the step's rule asks for, a camera/file input that
 * uploads through `shop.photos.upload` (the engine checks type, size and pixels) with progress
 * over the chosen files, and the photos already taken. The engine's refusal of a file is shown
 * in words.
 *
 * @example
 * ```ts
 * private readonly photos = new PhotoCapture(this, () => this.view);
 * render() { return this.photos.render(step, stored); }
 * ```
 */
export class PhotoCapture implements ReactiveController {
  /** Files done / chosen in the running upload, or undefined when idle. */
  progress: { done: number; total: number } | undefined;
  private tag = '';
  private readonly upload: ActionController;

  constructor(
    private readonly host: EngineHost,
    private readonly intervention: () => InterventionView | undefined,
  ) {
    host.addController(this);
    this.upload = new ActionController(host);
  }

  hostDisconnected(): void {
    this.progress = undefined;
  }

  /**
   * The photo section of `step`, given the photos stored for it and what the engine still
   * misses: tags it names (`no photo tagged 'zone:hood'`) are offered as suggestions. `shot`
   * names a tag for people (the plugin's label for it).
   */
  render(
    step: StepDefinition,
    stored: readonly StepPhoto[],
    missing: readonly string[] = [],
    shot: (tag: string) => string = (tag) => tag,
  ) {
    const required = step.photos.requiredTags ?? [];
    const taken = new Set(stored.flatMap((p) => p.tags));
    const named = missing.flatMap((m) => [...m.matchAll(/tagged '([^']+)'/g)].map((match) => match[1]!));
    const suggestions = [...new Set([...required, ...named])].filter((tag) => !taken.has(tag));
    return html`<fieldset class="photos">
      <legend>${msg('Photos')}</legend>
      <p class="muted">${msg(str`At least ${step.photos.min} photos.`)}</p>
      ${
        required.length > 0
          ? html`<ul aria-label=${msg('Required shots')}>
            ${required.map(
              (tag) =>
                html`<li data-tag=${tag} class=${taken.has(tag) ? 'ok' : ''}>
                  ${taken.has(tag) ? '✓' : '○'} ${shot(tag)}
                </li>`,
            )}
          </ul>`
          : nothing
      }
      <label>
        ${msg('Shot')}
        <input
          name="shot"
          list="shot-suggestions"
          .value=${this.tag}
          @input=${(e: Event) => (this.tag = (e.target as HTMLInputElement).value.trim())}
        />
        <datalist id="shot-suggestions">
          ${suggestions.map((tag) => html`<option value=${tag} label=${shot(tag)}></option>`)}
        </datalist>
      </label>
      <label>
        ${msg('Take or choose photos')}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,image/heic"
          capture="environment"
          multiple
          ?disabled=${this.progress !== undefined}
          @change=${(e: Event) => this.onFiles(e, step)}
        />
      </label>
      ${
        this.progress
          ? html`<progress
            max=${this.progress.total}
            value=${this.progress.done}
            aria-label=${msg(str`Uploading photo ${this.progress.done + 1} of ${this.progress.total}`)}
          ></progress>`
          : nothing
      }
      <p class="muted" data-photo-count=${stored.length}>${msg(str`${stored.length} photos taken`)}</p>
      ${renderError(this.upload.error)}
    </fieldset>`;
  }

  private async onFiles(e: Event, step: StepDefinition): Promise<void> {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    const view = this.intervention();
    if (!view || files.length === 0) return;
    const angle = this.tag;
    this.progress = { done: 0, total: files.length };
    this.host.requestUpdate();
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const photo = await this.upload.run((c) =>
        shopFor(c).photos.upload({
          interventionId: view.id,
          stepId: step.id,
          bytes,
          fileName: file.name,
          declaredType: file.type,
          ...(angle ? { angle } : {}),
        }),
      );
      if (!photo) break;
      this.progress = { done: this.progress.done + 1, total: files.length };
      this.host.requestUpdate();
    }
    this.progress = undefined;
    input.value = '';
    this.host.requestUpdate();
  }
}
