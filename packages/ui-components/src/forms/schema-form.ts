import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

/** The part of JSON Schema (draft 2020-12, as zod's `toJSONSchema` writes it) the form renders. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
}

/** How a generated form reads and writes its value, and where the issues are. */
export interface SchemaFormBinding {
  /** The value at a dotted path. */
  get(path: string): unknown;
  /** Sets the value at a dotted path (undefined removes it). */
  set(path: string, value: unknown): void;
  /** The problem to show next to the field at this path, if any. */
  issue(path: string): string | undefined;
  /** The label of the field at a dotted path; undefined falls back to the schema's title, then to the name split into words. */
  label?(path: string): string | undefined;
  /** The label of one choice of the field at a dotted path; undefined falls back to the value split into words. */
  option?(path: string, value: string): string | undefined;
}

/**
 * Renders form fields for a JSON Schema object: text, number (with its bounds), date-time,
 * yes/no, one-of (select), many-of (checkboxes), nested objects (fieldsets) and lists of objects
 * (add/remove rows). Every field has a label and shows its issue (`aria-invalid` + text).
 *
 * @example
 * ```ts
 * html`<form>${renderSchemaFields(z.toJSONSchema(step.data) as JsonSchema, '', binding)}</form>`;
 * ```
 */
export function renderSchemaFields(
  schema: JsonSchema,
  path: string,
  binding: SchemaFormBinding,
): TemplateResult {
  const required = new Set(schema.required ?? []);
  return html`${Object.entries(schema.properties ?? {}).map(([name, property]) =>
    renderField(name, unwrap(property), join(path, name), required.has(name), binding),
  )}`;
}

function renderField(
  name: string,
  schema: JsonSchema,
  path: string,
  required: boolean,
  binding: SchemaFormBinding,
): TemplateResult {
  const label = binding.label?.(path) ?? schema.title ?? humanize(name);
  const id = `f-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const issue = binding.issue(path);
  const hint = issue ? html`<span class="error" id="${id}-issue">${issue}</span>` : nothing;
  const describedBy = issue ? `${id}-issue` : '';
  const type = typeOf(schema);

  const choice = discriminated(schema);
  if (choice) {
    const current = binding.get(join(path, choice.key));
    const branch = choice.branches.find((b) => b.value === current);
    return html`<fieldset part="fieldset" data-path=${path}>
      <legend>${label}</legend>
      <div class="field" part="field">
        <label for=${id}>${binding.label?.(join(path, choice.key)) ?? humanize(choice.key)}</label>
        <select
          id=${id}
          aria-describedby=${describedBy}
          @change=${(e: Event) => {
            const raw = (e.target as HTMLSelectElement).value;
            binding.set(
              path,
              raw === ''
                ? undefined
                : { [choice.key]: choice.branches.find((b) => String(b.value) === raw)?.value },
            );
          }}
        >
          <option value="" ?selected=${branch === undefined}>—</option>
          ${choice.branches.map(
            (b) => html`<option value=${String(b.value)} ?selected=${b === branch}>
              ${binding.option?.(join(path, choice.key), String(b.value)) ?? humanize(String(b.value))}
            </option>`,
          )}
        </select>
      </div>
      ${branch ? renderSchemaFields(withoutProperty(branch.schema, choice.key), path, binding) : nothing} ${hint}
    </fieldset>`;
  }
  if (type === 'object') {
    return html`<fieldset part="fieldset" data-path=${path}>
      <legend>${label}</legend>
      ${renderSchemaFields(schema, path, binding)} ${hint}
    </fieldset>`;
  }
  if (type === 'array' && schema.items && typeOf(unwrap(schema.items)) === 'object') {
    const rows = (binding.get(path) as unknown[] | undefined) ?? [];
    const item = unwrap(schema.items);
    return html`<fieldset part="fieldset" data-path=${path}>
      <legend>${label}</legend>
      ${rows.map(
        (_, i) => html`<div class="row-group">
          ${renderSchemaFields(item, join(path, String(i)), binding)}
          <button type="button" @click=${() =>
            binding.set(
              path,
              rows.filter((__, j) => j !== i),
            )}>
            ${msg('Remove')}
          </button>
        </div>`,
      )}
      <button type="button" @click=${() => binding.set(path, [...rows, emptyValue(item)])}>${msg('Add')}</button>
      ${hint}
    </fieldset>`;
  }
  if (type === 'array' && schema.items?.enum) {
    const chosen = new Set((binding.get(path) as unknown[] | undefined) ?? []);
    return html`<fieldset part="fieldset" data-path=${path} aria-describedby=${describedBy}>
      <legend>${label}</legend>
      ${schema.items.enum.map(
        (option) => html`<label class="inline">
          <input
            type="checkbox"
            .checked=${chosen.has(option)}
            @change=${(e: Event) => {
              const next = new Set(chosen);
              if ((e.target as HTMLInputElement).checked) next.add(option);
              else next.delete(option);
              binding.set(path, [...next]);
            }}
          />
          ${binding.option?.(path, String(option)) ?? humanize(String(option))}
        </label>`,
      )}
      ${hint}
    </fieldset>`;
  }
  const value = binding.get(path);
  let control: TemplateResult;
  if (type === 'array') {
    const numeric = ['number', 'integer'].includes(typeOf(unwrap(schema.items ?? {})) ?? '');
    control = html`<input
      id=${id}
      type="text"
      inputmode=${numeric ? 'decimal' : 'text'}
      ?required=${required}
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${`${id}-hint ${describedBy}`.trim()}
      .value=${Array.isArray(value) ? value.join(', ') : ''}
      @input=${(e: Event) => {
        const parts = (e.target as HTMLInputElement).value
          .split(/[,;]/)
          .map((part) => part.trim())
          .filter(Boolean);
        binding.set(path, numeric ? parts.map(Number) : parts);
      }}
    />
    <span class="muted" id="${id}-hint">${msg('Separate values with commas')}</span>`;
  } else if (schema.enum) {
    control = html`<select
      id=${id}
      ?required=${required}
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @change=${(e: Event) => {
        const raw = (e.target as HTMLSelectElement).value;
        binding.set(path, raw === '' ? undefined : schema.enum!.find((o) => String(o) === raw));
      }}
    >
      <option value="" ?selected=${value === undefined}>—</option>
      ${schema.enum.map(
        (option) =>
          html`<option value=${String(option)} ?selected=${value === option}>
            ${binding.option?.(path, String(option)) ?? humanize(String(option))}
          </option>`,
      )}
    </select>`;
  } else if (type === 'boolean') {
    return html`<label class="inline" part="field">
      <input
        id=${id}
        type="checkbox"
        .checked=${value === true}
        aria-describedby=${describedBy}
        @change=${(e: Event) => binding.set(path, (e.target as HTMLInputElement).checked)}
      />
      ${label} ${hint}
    </label>`;
  } else if (type === 'number' || type === 'integer') {
    control = html`<input
      id=${id}
      type="number"
      inputmode="decimal"
      step=${type === 'integer' ? '1' : 'any'}
      min=${schema.minimum ?? schema.exclusiveMinimum ?? nothing}
      max=${schema.maximum ?? schema.exclusiveMaximum ?? nothing}
      ?required=${required}
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${value === undefined ? '' : String(value)}
      @input=${(e: Event) => {
        const raw = (e.target as HTMLInputElement).value;
        binding.set(path, raw === '' ? undefined : Number(raw));
      }}
    />`;
  } else {
    const dateTime = schema.format === 'date-time';
    control = html`<input
      id=${id}
      type=${dateTime ? 'datetime-local' : schema.format === 'date' ? 'date' : 'text'}
      ?required=${required}
      maxlength=${schema.maxLength ?? nothing}
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${dateTime && typeof value === 'string' ? value.slice(0, 16) : ((value as string | undefined) ?? '')}
      @input=${(e: Event) => {
        const raw = (e.target as HTMLInputElement).value;
        binding.set(path, raw === '' ? undefined : dateTime ? new Date(raw).toISOString() : raw);
      }}
    />`;
  }
  return html`<div class="field" part="field" data-path=${path}>
    <label for=${id}>${label}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
    ${control} ${hint}
  </div>`;
}

/**
 * A union of objects told apart by one property with a constant value (`{ method: 'kit', … }`
 * or `{ method: 'bulk', … }`): the property and each branch.
 */
function discriminated(
  schema: JsonSchema,
): { key: string; branches: { value: unknown; schema: JsonSchema }[] } | undefined {
  const branches = schema.anyOf?.map(unwrap);
  if (!branches || branches.length < 2 || !branches.every((b) => typeOf(b) === 'object')) return undefined;
  const key = Object.keys(branches[0]!.properties ?? {}).find((k) =>
    branches.every((b) => b.properties?.[k]?.const !== undefined),
  );
  if (!key) return undefined;
  return { key, branches: branches.map((b) => ({ value: b.properties![key]!.const, schema: b })) };
}

function withoutProperty(schema: JsonSchema, key: string): JsonSchema {
  const { [key]: _, ...properties } = schema.properties ?? {};
  return { ...schema, properties };
}

/** `optional`/`nullable` come out as `anyOf` with `null`: the field is the other branch. */
function unwrap(schema: JsonSchema): JsonSchema {
  if (!schema.anyOf) return schema;
  const branches = schema.anyOf.filter((s) => s.type !== 'null');
  return branches.length === 1 ? { ...branches[0]!, title: schema.title ?? branches[0]!.title } : schema;
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** `paintThicknessUm` → `Paint thickness um`. */
function humanize(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The value a new form starts from: required lists empty, required groups with their own
 * required lists and groups, defaults where the schema gives them; everything else unset.
 *
 * @example
 * ```ts
 * emptyValue(schema); // { panels: [], defects: [], bay: {} }
 * ```
 */
export function emptyValue(schema: JsonSchema): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const property = unwrap(raw);
    if (property.default !== undefined) value[name] = property.default;
    else if (!required.has(name)) continue;
    else if (typeOf(property) === 'array') value[name] = [];
    else if (typeOf(property) === 'object' && !discriminated(property)) value[name] = emptyValue(property);
  }
  return value;
}

/**
 * Reads the value at a dotted path of a plain object.
 *
 * @example
 * ```ts
 * getPath({ zones: [{ m2: 2.4 }] }, 'zones.0.m2'); // 2.4
 * ```
 */
export function getPath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * Returns a copy of `root` with the value at a dotted path replaced (undefined removes it);
 * numeric keys make arrays.
 *
 * @example
 * ```ts
 * setPath({}, 'zones.0.m2', 2.4); // { zones: [{ m2: 2.4 }] }
 * ```
 */
export function setPath(root: unknown, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const base: Record<string, unknown> | unknown[] =
    root !== null && typeof root === 'object'
      ? Array.isArray(root)
        ? [...root]
        : { ...(root as Record<string, unknown>) }
      : /^\d+$/.test(head)
        ? []
        : {};
  const key = head as keyof typeof base;
  const next =
    rest.length === 0 ? value : setPath((base as Record<string, unknown>)[head], rest.join('.'), value);
  if (next === undefined && !Array.isArray(base)) delete (base as Record<string, unknown>)[head];
  else (base as Record<string, unknown>)[key as string] = next;
  return base as Record<string, unknown>;
}
