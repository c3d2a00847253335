import type { StepDefinition, StepLabels, WorkflowPlugin } from '@rpma/engine';
import { knownZoneLabel, stepLabel } from './labels.js';
import { getRpmaLocale } from './localization.js';

/**
 * What a step of a plugin reads like in the current locale: the plugin's labels for it, else
 * its English labels, else what the runner knew before plugins had labels (the step title, the
 * checklist item's own label, a known zone name, the raw tag); undefined for a field means
 * "humanise the key".
 *
 * @example
 * ```ts
 * const words = stepWords(plugin, step);
 * words.field('panels.0.readingsUm'); // 'Mesures (µm)' in French
 * ```
 */
export interface StepWords {
  title: string;
  help: string | undefined;
  field(path: string): string | undefined;
  option(path: string, value: string): string | undefined;
  checklist(id: string, fallback: string): string;
  shot(tag: string): string;
}

/**
 * The plugin's title in the current locale (its English label, then its own title).
 *
 * @example
 * ```ts
 * workflowTitle(ppfWorkflow()); // 'Pose de film de protection (PPF)' in French
 * ```
 */
export function workflowTitle(plugin: WorkflowPlugin): string {
  return plugin.labels?.[getRpmaLocale()]?.title ?? plugin.labels?.en?.title ?? plugin.title;
}

/**
 * The words of one step of a plugin in the current locale; see {@link StepWords}.
 *
 * @example
 * ```ts
 * html`<h3>${stepWords(plugin, step).title}</h3>`;
 * ```
 */
export function stepWords(plugin: WorkflowPlugin, step: Pick<StepDefinition, 'id' | 'title'>): StepWords {
  const own: StepLabels | undefined = plugin.labels?.[getRpmaLocale()]?.steps?.[step.id];
  const en: StepLabels | undefined = plugin.labels?.en?.steps?.[step.id];
  const pick = <T>(read: (labels: StepLabels) => T | undefined): T | undefined =>
    (own && read(own)) ?? (en && read(en));
  return {
    title: own?.title ?? stepLabel(step.id, en?.title ?? step.title),
    help: pick((l) => l.help),
    field: (path) => pick((l) => l.fields?.[labelPath(path)]),
    option: (path, value) => pick((l) => l.options?.[labelPath(path)]?.[value]) ?? knownZoneLabel(value),
    checklist: (id, fallback) => pick((l) => l.checklist?.[id]) ?? fallback,
    shot: (tag) => pick((l) => l.photos?.[tag]) ?? tag,
  };
}

/** A form path as labels key it: list indices dropped (`zones.0.lot` → `zones.lot`). */
function labelPath(path: string): string {
  return path
    .split('.')
    .filter((key) => !/^\d+$/.test(key))
    .join('.');
}
