import * as z from 'zod/mini';
import type { StepDefinition, WorkflowLabels, WorkflowPlugin } from './contract.js';

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const text = z.string().check(z.maxLength(500), z.regex(/\S/, 'a label may not be blank'));
const texts = z.record(z.string(), text);

const stepLabelsSchema = z.strictObject({
  title: z.optional(text),
  help: z.optional(z.string().check(z.maxLength(2000), z.regex(/\S/, 'a help text may not be blank'))),
  fields: z.optional(texts),
  options: z.optional(z.record(z.string(), texts)),
  checklist: z.optional(texts),
  photos: z.optional(texts),
});

const labelsSchema = z.record(
  z.string().check(z.regex(LOCALE)),
  z.strictObject({ title: z.optional(text), steps: z.optional(z.record(z.string(), stepLabelsSchema)) }),
);

interface ZodDef {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  element?: { _zod: { def: ZodDef } };
  innerType?: { _zod: { def: ZodDef } };
  in?: { _zod: { def: ZodDef } };
  options?: { _zod: { def: ZodDef } }[];
  entries?: Record<string, string | number>;
  values?: unknown[];
}

/**
 * The fields of a step's data schema, by dotted path without list indices (`panels.readingsUm`,
 * `cut.method`), each with the values it can take when it is a choice (enum, literal, list of
 * enum), else an empty list. These are the paths a plugin's `labels` name.
 *
 * @example
 * ```ts
 * stepFieldPaths(z.object({ bay: z.object({ humidityPct: z.number() }), light: z.enum(['normal', 'daylight']) }));
 * // { bay: [], 'bay.humidityPct': [], light: ['normal', 'daylight'] }
 * ```
 */
export function stepFieldPaths(schema: StepDefinition['data']): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  walk((schema as unknown as { _zod: { def: ZodDef } })._zod.def, '', fields);
  return fields;
}

function walk(def: ZodDef, path: string, fields: Record<string, string[]>): void {
  const child = def.innerType ?? def.in ?? (def.type === 'array' ? def.element : undefined);
  if (child) {
    walk(child._zod.def, path, fields);
    return;
  }
  for (const option of def.options ?? []) walk(option._zod.def, path, fields);
  const choices =
    def.type === 'enum' ? Object.values(def.entries ?? {}) : def.type === 'literal' ? (def.values ?? []) : [];
  if (path && choices.length > 0) {
    fields[path] = [...new Set([...(fields[path] ?? []), ...choices.map(String)])];
  }
  for (const [name, property] of Object.entries(def.shape ?? {})) {
    const at = path ? `${path}.${name}` : name;
    fields[at] ??= [];
    walk(property._zod.def, at, fields);
  }
}

/**
 * What keeps a plugin's `labels` from being registered: a malformed shape, no `en` labels, or a
 * label for something the plugin does not have (a step, field path, choice or checklist item).
 *
 * @example
 * ```ts
 * labelProblems(plugin); // ["labels.fr: step 'polish' is not a step of the workflow"]
 * ```
 */
export function labelProblems(plugin: Pick<WorkflowPlugin, 'labels' | 'steps'>): string[] {
  if (plugin.labels === undefined) return [];
  const parsed = z.safeParse(labelsSchema, plugin.labels);
  if (!parsed.success) {
    return parsed.error.issues.map(
      (issue) => `labels${issue.path.map((key) => `.${String(key)}`).join('')}: ${said(issue)}`,
    );
  }
  const problems: string[] = [];
  if (!Object.hasOwn(parsed.data, 'en')) problems.push("labels need 'en', the fallback of every locale");
  const steps = new Map(plugin.steps.map((step) => [step.id, step]));
  for (const [locale, labels] of Object.entries(parsed.data)) {
    for (const [stepId, step] of Object.entries(labels.steps ?? {})) {
      const definition = steps.get(stepId);
      const at = `labels.${locale}.steps.${stepId}`;
      if (!definition) {
        problems.push(`labels.${locale}: step '${stepId}' is not a step of the workflow`);
        continue;
      }
      const fields = stepFieldPaths(definition.data);
      for (const path of Object.keys(step.fields ?? {})) {
        if (!Object.hasOwn(fields, path)) problems.push(`${at}.fields: '${path}' is not a field of the step`);
      }
      for (const [path, options] of Object.entries(step.options ?? {})) {
        const known = fields[path];
        if (!known || known.length === 0) {
          problems.push(`${at}.options: '${path}' is not a choice field of the step`);
          continue;
        }
        for (const value of Object.keys(options)) {
          if (!known.includes(value))
            problems.push(`${at}.options.${path}: '${value}' is not one of its choices`);
        }
      }
      const items = new Set(definition.checklist.map((item) => item.id));
      for (const id of Object.keys(step.checklist ?? {})) {
        if (!items.has(id)) problems.push(`${at}.checklist: '${id}' is not a checklist item of the step`);
      }
    }
  }
  return problems;
}

/** An issue of the labels' shape in words (zod/mini loads no messages of its own). */
function said(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_key':
      return `'${String(issue.path.at(-1))}' is not a locale (a BCP 47 tag such as en or fr)`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.map((key) => `'${key}'`).join(', ')} (known: title, help, fields, options, checklist, photos, steps)`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    default:
      return issue.message;
  }
}

/**
 * Everything of a plugin that has no label in `locale`: step titles, fields, choices, checklist
 * items and required shots. A plugin test asserts it is empty for each locale the plugin ships,
 * so a new field without a label fails.
 *
 * @example
 * ```ts
 * expect(missingLabels(ppfWorkflow(), 'fr')).toEqual([]);
 * ```
 */
export function missingLabels(plugin: Pick<WorkflowPlugin, 'labels' | 'steps'>, locale: string): string[] {
  const labels: WorkflowLabels | undefined = plugin.labels?.[locale];
  const missing: string[] = [];
  if (!labels?.title) missing.push('title');
  for (const step of plugin.steps) {
    const own = labels?.steps?.[step.id];
    if (!own?.title) missing.push(`${step.id}: title`);
    for (const [path, choices] of Object.entries(stepFieldPaths(step.data))) {
      if (!own?.fields?.[path]) missing.push(`${step.id}: field ${path}`);
      for (const value of choices) {
        if (!own?.options?.[path]?.[value]) missing.push(`${step.id}: ${path} = ${value}`);
      }
    }
    for (const item of step.checklist) {
      if (!own?.checklist?.[item.id]) missing.push(`${step.id}: checklist ${item.id}`);
    }
    for (const tag of step.photos.requiredTags ?? []) {
      if (!own?.photos?.[tag]) missing.push(`${step.id}: photo ${tag}`);
    }
  }
  return missing;
}
