import { EngineError } from '../kernel/engine-error.js';
import type {
  AggregateQuery,
  CollectionSchema,
  FieldFilter,
  FieldType,
  FindQuery,
  GroupBy,
  OrderBy,
  SearchQuery,
  Where,
} from './contract.js';
import { META_FIELDS } from './contract.js';

/**
 * Checks of query shapes that every adapter shares, so they all refuse the same queries with
 * the same `UNSUPPORTED_QUERY` messages: a field that is neither declared nor a metadata field,
 * an unknown operator, a bucket on a non-date field, a limit out of range.
 *
 * @example
 * ```ts
 * const fields = queryableFields(schema);
 * checkWhere(schema.name, fields, query.where);
 * ```
 */

/** Operators a {@link FieldFilter} may hold. */
export const FILTER_OPERATORS: readonly (keyof FieldFilter)[] = [
  'eq',
  'ne',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'isNull',
  'prefix',
];

const operatorSet = new Set<string>(FILTER_OPERATORS);

/**
 * The fields a query on `schema` may use: the metadata fields then the declared ones.
 *
 * @example
 * ```ts
 * queryableFields({ name: 'clients', fields: { name: 'string' } }).get('name'); // 'string'
 * ```
 */
export function queryableFields(schema: CollectionSchema): ReadonlyMap<string, FieldType> {
  return new Map<string, FieldType>([...Object.entries(META_FIELDS), ...Object.entries(schema.fields)]);
}

/**
 * True when `value` is a {@link FieldFilter} object rather than a scalar for equality.
 *
 * @example
 * ```ts
 * isFieldFilter({ gte: 3 }); // true
 * isFieldFilter('draft'); // false
 * ```
 */
export function isFieldFilter(value: unknown): value is FieldFilter {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Throws `UNSUPPORTED_QUERY` naming `field` and the collection's queryable fields.
 *
 * @example
 * ```ts
 * if (!fields.has(name)) refuseField('clients', fields, name);
 * ```
 */
export function refuseField(
  collection: string,
  fields: ReadonlyMap<string, FieldType>,
  field: string,
): never {
  const queryable = [...fields.keys()];
  throw new EngineError(
    'UNSUPPORTED_QUERY',
    `'${collection}' cannot be queried on '${field}': no index covers it (declare it in the collection's fields). Queryable fields: ${queryable.join(', ')}`,
    { details: { collection, field, queryable } },
  );
}

function unsupported(collection: string, message: string, details: Record<string, unknown> = {}): never {
  throw new EngineError('UNSUPPORTED_QUERY', `'${collection}': ${message}`, {
    details: { collection, ...details },
  });
}

function fieldType(collection: string, fields: ReadonlyMap<string, FieldType>, field: string): FieldType {
  const type = fields.get(field);
  if (type === undefined) refuseField(collection, fields, field);
  return type;
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function checkFilter(collection: string, field: string, filter: FieldFilter): void {
  for (const [op, operand] of Object.entries(filter)) {
    if (operand === undefined) continue;
    if (!operatorSet.has(op)) {
      unsupported(
        collection,
        `unknown operator '${op}' on '${field}' (known: ${FILTER_OPERATORS.join(', ')})`,
        {
          field,
          operator: op,
        },
      );
    }
    const ok =
      op === 'in' || op === 'nin'
        ? Array.isArray(operand) && operand.every(isScalar)
        : op === 'isNull'
          ? typeof operand === 'boolean'
          : op === 'prefix'
            ? typeof operand === 'string'
            : op === 'eq' || op === 'ne'
              ? isScalar(operand)
              : isScalar(operand) && operand !== null;
    if (!ok) unsupported(collection, `bad operand for '${op}' on '${field}'`, { field, operator: op });
  }
}

/**
 * Checks a {@link Where} tree: every field queryable, every operator known with a fitting
 * operand (`in`/`nin` take arrays, ranges a non-null scalar, `prefix` a string).
 *
 * @example
 * ```ts
 * checkWhere('tasks', queryableFields(tasks), { status: { in: ['draft'] }, or: [{ priority: 1 }] });
 * ```
 */
export function checkWhere(
  collection: string,
  fields: ReadonlyMap<string, FieldType>,
  where: Where | undefined,
): void {
  if (where === undefined) return;
  if (!isFieldFilter(where)) unsupported(collection, 'a where clause must be an object');
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) unsupported(collection, `'${key}' takes an array of where clauses`);
      for (const sub of value) checkWhere(collection, fields, sub as Where);
      continue;
    }
    fieldType(collection, fields, key);
    if (isFieldFilter(value)) checkFilter(collection, key, value);
    else if (!isScalar(value)) unsupported(collection, `bad value for '${key}'`, { field: key });
  }
}

/**
 * Checks sort keys: queryable fields, `asc` or `desc`.
 *
 * @example
 * ```ts
 * checkOrderBy('tasks', fields, [{ field: 'scheduledAt', direction: 'desc' }]);
 * ```
 */
export function checkOrderBy(
  collection: string,
  fields: ReadonlyMap<string, FieldType>,
  orderBy: OrderBy[] | undefined,
): void {
  for (const key of orderBy ?? []) {
    fieldType(collection, fields, key.field);
    if (key.direction !== undefined && key.direction !== 'asc' && key.direction !== 'desc') {
      unsupported(collection, `bad sort direction '${String(key.direction)}' on '${key.field}'`, {
        field: key.field,
      });
    }
  }
}

/**
 * Returns the page size of a query after checking it: `fallback` when absent, otherwise an
 * integer from 1 to 1000.
 *
 * @example
 * ```ts
 * const limit = checkLimit('tasks', query.limit, 100);
 * ```
 */
export function checkLimit(collection: string, limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    unsupported(collection, `limit must be an integer from 1 to 1000, got ${String(limit)}`, { limit });
  }
  return limit;
}

/**
 * Checks a whole {@link FindQuery} and returns its page size.
 *
 * @example
 * ```ts
 * const limit = checkFindQuery(schema, fields, query);
 * ```
 */
export function checkFindQuery(
  collection: string,
  fields: ReadonlyMap<string, FieldType>,
  query: FindQuery,
): number {
  checkWhere(collection, fields, query.where);
  checkOrderBy(collection, fields, query.orderBy);
  return checkLimit(collection, query.limit, 100);
}

/**
 * Checks an {@link AggregateQuery}: group keys queryable (buckets only on `date` fields),
 * `sum`/`avg`/`min`/`max` only on `number` fields.
 *
 * @example
 * ```ts
 * checkAggregate('tasks', fields, { groupBy: [{ field: 'createdAt', bucket: 'week' }], measures: { n: { fn: 'count' } } });
 * ```
 */
export function checkAggregate(
  collection: string,
  fields: ReadonlyMap<string, FieldType>,
  query: AggregateQuery,
): void {
  checkWhere(collection, fields, query.where);
  for (const group of query.groupBy ?? []) checkGroupBy(collection, fields, group);
  const measures = Object.entries(query.measures ?? {});
  if (measures.length === 0) unsupported(collection, 'an aggregate needs at least one measure');
  for (const [name, measure] of measures) {
    if (measure.fn === 'count') continue;
    if (!['sum', 'avg', 'min', 'max'].includes(measure.fn)) {
      unsupported(collection, `unknown measure function '${String(measure.fn)}' in '${name}'`, {
        measure: name,
      });
    }
    if (fieldType(collection, fields, measure.field) !== 'number') {
      unsupported(collection, `'${measure.fn}' needs a number field, '${measure.field}' is not one`, {
        measure: name,
        field: measure.field,
      });
    }
  }
}

function checkGroupBy(collection: string, fields: ReadonlyMap<string, FieldType>, group: GroupBy): void {
  if (typeof group === 'string') {
    fieldType(collection, fields, group);
    return;
  }
  const type = fieldType(collection, fields, group.field);
  if (type !== 'date') {
    unsupported(collection, `time buckets need a date field, '${group.field}' is ${type}`, {
      field: group.field,
    });
  }
  if (!['hour', 'day', 'week', 'month', 'year'].includes(group.bucket)) {
    unsupported(collection, `unknown time bucket '${String(group.bucket)}'`, { field: group.field });
  }
}

/**
 * Checks a {@link SearchQuery} against the collection's full-text fields and returns its limit.
 *
 * @example
 * ```ts
 * const limit = checkSearch(schema, fields, { text: 'lea mar' });
 * ```
 */
export function checkSearch(
  schema: CollectionSchema,
  fields: ReadonlyMap<string, FieldType>,
  query: SearchQuery,
): number {
  if ((schema.fullText ?? []).length === 0) {
    unsupported(schema.name, 'no full-text fields are declared, so it cannot be searched');
  }
  if (typeof query.text !== 'string') unsupported(schema.name, 'search text must be a string');
  checkWhere(schema.name, fields, query.where);
  return checkLimit(schema.name, query.limit, 50);
}

/**
 * The words of a search text, lower-cased: runs of letters, marks and digits. Adapters match
 * each as a word prefix.
 *
 * @example
 * ```ts
 * searchTerms('Léa  MAR-'); // ['léa', 'mar']
 * ```
 */
export function searchTerms(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}
