import type { AggregateQuery, FindQuery, OrderBy, Scalar, TimeBucket, Where } from '@rpma/engine';
import type { CollectionLayout } from './collection-layout.js';
import type { SqlValue } from './where-compiler.js';
import { compileWhere, deletedCondition } from './where-compiler.js';

/**
 * SQL for the read operations of the contract, built from checked queries (see
 * `@rpma/engine`'s query checks). Every value is a bound parameter; the SQL text depends only on
 * the query's shape, so the statement cache reuses prepared statements across calls.
 *
 * @example
 * ```ts
 * const { sql, params } = compileCount(layout, { status: 'draft' }, 'live');
 * ```
 */
export interface CompiledQuery {
  sql: string;
  params: SqlValue[];
}

/** A `find` ready to run: the SQL selects `doc` then one column per key of `keys`. */
export interface CompiledFind extends CompiledQuery {
  /** The total order: the query's keys, then `id` when the query did not sort on it. */
  keys: OrderBy[];
}

/**
 * The query's sort keys made total by `id` ascending.
 *
 * @example
 * ```ts
 * totalOrder([{ field: 'name' }]); // [{ field: 'name' }, { field: 'id', direction: 'asc' }]
 * ```
 */
export function totalOrder(orderBy: readonly OrderBy[] | undefined): OrderBy[] {
  const keys = [...(orderBy ?? [])];
  if (!keys.some((key) => key.field === 'id')) keys.push({ field: 'id', direction: 'asc' });
  return keys;
}

function filterOf(
  layout: CollectionLayout,
  where: Where | undefined,
  deleted: FindQuery['deleted'],
  params: SqlValue[],
): string {
  const condition = compileWhere(layout, where, params);
  const visibility = deletedCondition(deleted);
  if (condition === '1') return visibility;
  return visibility === '1' ? condition : `${visibility} AND ${condition}`;
}

/** Rows strictly after `values` in the order `keys` (null sorts first ascending, as in SQLite). */
function keysetCondition(
  layout: CollectionLayout,
  keys: OrderBy[],
  values: Scalar[],
  params: SqlValue[],
): string {
  const alternatives: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) {
      const column = layout.columns.get((keys[j] as OrderBy).field) as string;
      params.push(values[j] as SqlValue);
      parts.push(`${column} IS ?`);
    }
    const key = keys[i] as OrderBy;
    const column = layout.columns.get(key.field) as string;
    const value = values[i] as SqlValue;
    if (key.direction === 'desc') {
      if (value === null) parts.push('0');
      else {
        params.push(value);
        parts.push(`(${column} < ? OR ${column} IS NULL)`);
      }
    } else if (value === null) parts.push(`${column} IS NOT NULL`);
    else {
      params.push(value);
      parts.push(`${column} > ?`);
    }
    alternatives.push(parts.join(' AND '));
  }
  return `(${alternatives.join(' OR ')})`;
}

/**
 * A `find`: `SELECT doc, <key columns> … ORDER BY <keys> LIMIT limit + 1` (one extra row tells
 * whether another page follows). `after` holds the decoded cursor values.
 *
 * @example
 * ```ts
 * const find = compileFind(layout, { where: { status: 'draft' }, orderBy: [{ field: 'name' }] }, 50, null);
 * ```
 */
export function compileFind(
  layout: CollectionLayout,
  query: FindQuery,
  limit: number,
  after: Scalar[] | null,
): CompiledFind {
  const keys = totalOrder(query.orderBy);
  const params: SqlValue[] = [];
  let condition = filterOf(layout, query.where, query.deleted, params);
  if (after !== null) condition = `${condition} AND ${keysetCondition(layout, keys, after, params)}`;
  const keyColumns = keys.map((key) => layout.columns.get(key.field) as string);
  const order = keys.map((key, i) => `${keyColumns[i]} ${key.direction === 'desc' ? 'DESC' : 'ASC'}`);
  params.push(limit + 1);
  return {
    sql: `SELECT doc, ${keyColumns.join(', ')} FROM ${layout.table} WHERE ${condition} ORDER BY ${order.join(', ')} LIMIT ?`,
    params,
    keys,
  };
}

/**
 * A `count`.
 *
 * @example
 * ```ts
 * compileCount(layout, { status: 'draft' }, 'live').sql; // 'SELECT count(*) FROM … WHERE …'
 * ```
 */
export function compileCount(
  layout: CollectionLayout,
  where: Where | undefined,
  deleted: FindQuery['deleted'],
): CompiledQuery {
  const params: SqlValue[] = [];
  return {
    sql: `SELECT count(*) FROM ${layout.table} WHERE ${filterOf(layout, where, deleted, params)}`,
    params,
  };
}

const BUCKET_FORMAT: Record<TimeBucket, string> = {
  hour: '%Y-%m-%dT%H',
  day: '%Y-%m-%d',
  week: '%G-W%V',
  month: '%Y-%m',
  year: '%Y',
};

/** An `aggregate`: the SQL selects the group keys then the measures, in the query's order. */
export interface CompiledAggregate extends CompiledQuery {
  groupNames: string[];
  measureNames: string[];
}

/**
 * An `aggregate`: `SELECT <groups>, <measures> … GROUP BY … ORDER BY <groups>`. Time buckets use
 * `strftime` in UTC (`%G-W%V` for ISO weeks, so a week is keyed by its ISO year).
 *
 * @example
 * ```ts
 * compileAggregate(layout, { groupBy: [{ field: 'createdAt', bucket: 'month' }], measures: { n: { fn: 'count' } } });
 * ```
 */
export function compileAggregate(layout: CollectionLayout, query: AggregateQuery): CompiledAggregate {
  const params: SqlValue[] = [];
  const groups = (query.groupBy ?? []).map((group) => {
    if (typeof group === 'string') return { name: group, expr: layout.columns.get(group) as string };
    params.push(BUCKET_FORMAT[group.bucket]);
    return { name: group.field, expr: `strftime(?, ${layout.columns.get(group.field) as string})` };
  });
  const measures = Object.entries(query.measures).map(([name, measure]) => ({
    name,
    expr:
      measure.fn === 'count' ? 'count(*)' : `${measure.fn}(${layout.columns.get(measure.field) as string})`,
  }));
  const condition = filterOf(layout, query.where, query.deleted, params);
  const select = [...groups.map((g) => g.expr), ...measures.map((m) => m.expr)].join(', ');
  const positions = groups.map((_, i) => String(i + 1)).join(', ');
  const grouping = groups.length > 0 ? ` GROUP BY ${positions} ORDER BY ${positions}` : '';
  return {
    sql: `SELECT ${select} FROM ${layout.table} WHERE ${condition}${grouping}`,
    params,
    groupNames: groups.map((g) => g.name),
    measureNames: measures.map((m) => m.name),
  };
}
