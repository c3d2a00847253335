import type { SearchQuery } from '@rpma/engine';
import type { CollectionLayout } from './collection-layout.js';
import type { CompiledQuery } from './query-compiler.js';
import type { SqlValue } from './where-compiler.js';
import { compileWhere, deletedCondition } from './where-compiler.js';

/**
 * The FTS4 MATCH text of a search: every term as a word prefix, OR-ed with itself as a whole
 * word (`(lea OR lea*)`). Both match the same rows; the whole-word phrase only adds score, so a
 * client named "Mar" comes before "Martin" for "mar". Terms are letters and digits only, so
 * nothing in them is query syntax (operators are upper-case; terms are lower-cased).
 *
 * @example
 * ```ts
 * matchText(['lea', 'mar']); // '(lea OR lea*) (mar OR mar*)'
 * ```
 */
export function matchText(terms: readonly string[]): string {
  return terms.map((term) => `(${term} OR ${term}*)`).join(' ');
}

/**
 * Every row a search matches, in one result row: the docids joined with commas (in docid
 * order, as FTS4 yields them), and the hex of each row's `matchinfo(…, 'y')` (the row's hits per
 * phrase × column, 4-byte little-endian ints) concatenated. SQLite does all the per-row work
 * natively: a JS function called per row, as ranking used to be, cost more than the match.
 *
 * @example
 * ```ts
 * compileSearchMatches(layout, ['lea']); // SELECT group_concat(docid), group_concat(hex(mi), '') FROM (…)
 * ```
 */
export function compileSearchMatches(layout: CollectionLayout, terms: readonly string[]): CompiledQuery {
  const fts = layout.ftsTable as string;
  return {
    sql:
      `SELECT group_concat(docid), group_concat(hex(mi), '') FROM ` +
      `(SELECT docid, matchinfo(${fts}, 'y') AS mi FROM ${fts} WHERE ${fts} MATCH ? LIMIT -1)`,
    params: [matchText(terms)],
  };
}

/**
 * The documents among `rowids` that pass the search's `where` and soft-delete visibility,
 * selected with their rowid (in no particular order).
 *
 * @example
 * ```ts
 * compileSearchFetch(layout, { text: 'lea', where: { kind: 'pro' } }, [4, 9]);
 * ```
 */
export function compileSearchFetch(
  layout: CollectionLayout,
  query: SearchQuery,
  rowids: readonly number[],
): CompiledQuery {
  const params: SqlValue[] = [JSON.stringify(rowids)];
  const condition = compileWhere(layout, query.where, params);
  const visibility = deletedCondition(query.deleted);
  return {
    sql:
      `SELECT rowid, doc FROM ${layout.table} WHERE rowid IN (SELECT value FROM json_each(?)) ` +
      `AND ${visibility} AND ${condition}`,
    params,
  };
}

/** The 4-byte little-endian unsigned int whose 8 hex digits start at `at`. */
function hexInt(hex: string, at: number): number {
  const big = Number.parseInt(hex.substr(at, 8), 16);
  return (
    (big & 0xff) * 0x1000000 + ((big >>> 8) & 0xff) * 0x10000 + ((big >>> 16) & 0xff) * 0x100 + (big >>> 24)
  );
}

/**
 * The matched rowids best first: per phrase and column, the row's hits over the hits of all
 * matched rows, summed (a BM25-like weight: rarer words count more, repeated words count
 * again); equal scores in rowid order (insertion order). `docids` and `info` are the two columns
 * of {@link compileSearchMatches}; `cells` is phrases × columns.
 *
 * @example
 * ```ts
 * rankMatches('4,9', '01000000' + '02000000', 1); // [9, 4]
 * ```
 */
export function rankMatches(docids: string, info: string, cells: number): number[] {
  const ids = docids.split(',').map(Number);
  const hits = new Uint32Array(ids.length * cells);
  const totals = new Float64Array(cells);
  for (let i = 0; i < hits.length; i++) {
    const n = hexInt(info, i * 8);
    hits[i] = n;
    totals[i % cells] = (totals[i % cells] as number) + n;
  }
  const groups = new Map<number, number[]>();
  for (let row = 0; row < ids.length; row++) {
    let score = 0;
    for (let cell = 0; cell < cells; cell++) {
      const total = totals[cell] as number;
      if (total > 0) score += (hits[row * cells + cell] as number) / total;
    }
    const group = groups.get(score);
    if (group) group.push(ids[row] as number);
    else groups.set(score, [ids[row] as number]);
  }
  const ascending = (list: number[]) => list.every((id, i) => i === 0 || (list[i - 1] as number) < id);
  return [...groups.keys()]
    .sort((a, b) => b - a)
    .flatMap((score) => {
      const list = groups.get(score) as number[];
      return ascending(list) ? list : list.sort((a, b) => a - b);
    });
}
