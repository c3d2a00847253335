import type { CollectionSchema, FieldType } from '@rpma/engine';
import { queryableFields } from '@rpma/engine';

/**
 * How one collection maps onto SQLite: table and column names, the full-text table, and the
 * functions that turn a document into column values. Built from the declared schema; used by
 * the DDL (`schema-migrator.ts`), the query compiler and the transactions.
 *
 * @example
 * ```ts
 * const layout = collectionLayout({ name: 'clients', fields: { name: 'string' }, fullText: ['name'] });
 * layout.table; // '"doc:clients"'
 * ```
 */
export interface CollectionLayout {
  schema: CollectionSchema;
  /** Quoted table name. */
  table: string;
  /** Quoted FTS4 table name, or null when no full-text field is declared. */
  ftsTable: string | null;
  /** Queryable field → quoted column (metadata fields included). */
  columns: ReadonlyMap<string, string>;
  /** Queryable field → type (metadata fields included). */
  types: ReadonlyMap<string, FieldType>;
  /** Declared fields in column order, with their path split on dots. */
  declared: readonly { field: string; column: string; path: readonly string[]; type: FieldType }[];
  /** Full-text fields in FTS column order, with their path split on dots. */
  fullText: readonly { field: string; path: readonly string[] }[];
}

/**
 * Quotes an SQL identifier (any text is allowed inside double quotes).
 *
 * @example
 * ```ts
 * quoteIdent('f.vehicle.make'); // '"f.vehicle.make"'
 * ```
 */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const META_COLUMNS: Record<string, string> = {
  id: 'id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  deletedAt: 'deleted_at',
};

/**
 * The layout of `schema`. Declared fields become columns named `f.<path>`, so they never clash
 * with the metadata columns.
 *
 * @example
 * ```ts
 * collectionLayout(tasks).columns.get('vehicle.make'); // '"f.vehicle.make"'
 * ```
 */
export function collectionLayout(schema: CollectionSchema): CollectionLayout {
  const declared = Object.entries(schema.fields).map(([field, type]) => ({
    field,
    column: quoteIdent(`f.${field}`),
    path: field.split('.'),
    type,
  }));
  const columns = new Map<string, string>(Object.entries(META_COLUMNS));
  for (const d of declared) columns.set(d.field, d.column);
  const fullText = (schema.fullText ?? []).map((field) => ({ field, path: field.split('.') }));
  return {
    schema,
    table: quoteIdent(`doc:${schema.name}`),
    ftsTable: fullText.length > 0 ? quoteIdent(`fts:${schema.name}`) : null,
    columns,
    types: queryableFields(schema),
    declared,
    fullText,
  };
}

function valueAt(doc: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = doc;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * A JS value as SQLite stores it in a field column: booleans as 1/0, missing as NULL, objects
 * and arrays as their JSON text (as `json_extract` would give them in a backfill).
 *
 * @example
 * ```ts
 * toSqlValue(true); // 1
 * ```
 */
export function toSqlValue(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return JSON.stringify(value);
}

/**
 * The declared-field column values of a document, in layout order.
 *
 * @example
 * ```ts
 * fieldValues(layout, { id: 'c1', name: 'Léa' }); // ['Léa']
 * ```
 */
export function fieldValues(
  layout: CollectionLayout,
  doc: Record<string, unknown>,
): (string | number | null)[] {
  const out: (string | number | null)[] = [];
  for (const d of layout.declared) {
    out.push(toSqlValue(d.path.length === 1 ? doc[d.field] : valueAt(doc, d.path)));
  }
  return out;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  return '';
}

/**
 * The full-text column values of a document: strings as they are, numbers as text, arrays
 * joined with spaces.
 *
 * @example
 * ```ts
 * fullTextValues(layout, { name: 'Léa Martin', tags: ['vip', 'fleet'] }); // ['Léa Martin', 'vip fleet']
 * ```
 */
export function fullTextValues(layout: CollectionLayout, doc: Record<string, unknown>): string[] {
  return layout.fullText.map((f) => textOf(valueAt(doc, f.path)));
}

/**
 * A JSON path for SQLite's `json_extract`, each key quoted.
 *
 * @example
 * ```ts
 * jsonPath('vehicle.make'); // '$."vehicle"."make"'
 * ```
 */
export function jsonPath(field: string): string {
  return `$${field
    .split('.')
    .map((key) => `."${key.replace(/"/g, '\\"')}"`)
    .join('')}`;
}
