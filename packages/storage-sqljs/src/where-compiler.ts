import type { DeletedVisibility, FieldFilter, Scalar, Where } from '@rpma/engine';
import { isFieldFilter } from '@rpma/engine';
import type { CollectionLayout } from './collection-layout.js';

/** A bindable SQLite value. */
export type SqlValue = string | number | null;

/**
 * Compiles the filter language of the storage contract to a parameterised SQL condition.
 * Values never enter the SQL text: each becomes a `?` and is pushed onto `params`, so the SQL
 * depends only on the query's shape and its prepared statement is reused.
 *
 * Semantics (shared with the conformance suite's reference model): missing and null are the
 * same; `ne`/`nin` match null unless null is listed; ranges never match null; `prefix` is
 * case-sensitive (`GLOB`, which SQLite turns into an index range).
 *
 * @example
 * ```ts
 * const params: SqlValue[] = [];
 * const sql = compileWhere(layout, { status: { in: ['draft', 'scheduled'] } }, params);
 * // sql: '"f.status" IN (?, ?)', params: ['draft', 'scheduled']
 * ```
 */
export function compileWhere(layout: CollectionLayout, where: Where | undefined, params: SqlValue[]): string {
  if (where === undefined) return '1';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      const subs = (value as Where[]).map((sub) => compileWhere(layout, sub, params));
      if (subs.length === 0) parts.push(key === 'and' ? '1' : '0');
      else parts.push(`(${subs.join(key === 'and' ? ' AND ' : ' OR ')})`);
      continue;
    }
    const column = layout.columns.get(key) as string;
    if (isFieldFilter(value)) parts.push(compileFilter(column, value, params));
    else parts.push(compileEq(column, value as Scalar, params));
  }
  if (parts.length === 0) return '1';
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
}

/**
 * A filter value as bound to SQLite: booleans become 1/0 like the stored columns.
 *
 * @example
 * ```ts
 * sqlScalar(false); // 0
 * ```
 */
export function sqlScalar(value: Scalar): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function compileEq(column: string, value: Scalar, params: SqlValue[]): string {
  if (value === null) return `${column} IS NULL`;
  params.push(sqlScalar(value));
  return `${column} = ?`;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[]/g, (char) => `[${char}]`);
}

function placeholders(values: Scalar[], params: SqlValue[]): string {
  for (const v of values) params.push(sqlScalar(v));
  return values.map(() => '?').join(', ');
}

function compileFilter(column: string, filter: FieldFilter, params: SqlValue[]): string {
  const parts: string[] = [];
  for (const [op, operand] of Object.entries(filter)) {
    if (operand === undefined) continue;
    switch (op) {
      case 'eq':
        parts.push(compileEq(column, operand as Scalar, params));
        break;
      case 'ne':
        if (operand === null) parts.push(`${column} IS NOT NULL`);
        else {
          params.push(sqlScalar(operand as Scalar));
          parts.push(`${column} IS NOT ?`);
        }
        break;
      case 'in': {
        const values = operand as Scalar[];
        const present = values.filter((v) => v !== null);
        const withNull = present.length !== values.length;
        const list = present.length > 0 ? `${column} IN (${placeholders(present, params)})` : '0';
        parts.push(withNull ? `(${list} OR ${column} IS NULL)` : list);
        break;
      }
      case 'nin': {
        const values = operand as Scalar[];
        const present = values.filter((v) => v !== null);
        const withNull = present.length !== values.length;
        const list = present.length > 0 ? `${column} NOT IN (${placeholders(present, params)})` : '1';
        parts.push(withNull ? `(${column} IS NOT NULL AND ${list})` : `(${column} IS NULL OR ${list})`);
        break;
      }
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const sign = op === 'gt' ? '>' : op === 'gte' ? '>=' : op === 'lt' ? '<' : '<=';
        params.push(sqlScalar(operand as Scalar));
        parts.push(`${column} ${sign} ?`);
        break;
      }
      case 'isNull':
        parts.push(operand ? `${column} IS NULL` : `${column} IS NOT NULL`);
        break;
      case 'prefix':
        params.push(`${escapeGlob(operand as string)}*`);
        parts.push(`${column} GLOB ?`);
        break;
    }
  }
  if (parts.length === 0) return '1';
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
}

/**
 * The soft-delete condition for a visibility.
 *
 * @example
 * ```ts
 * deletedCondition('live'); // 'deleted_at IS NULL'
 * ```
 */
export function deletedCondition(deleted: DeletedVisibility | undefined): string {
  if (deleted === 'all') return '1';
  return deleted === 'deleted' ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL';
}
