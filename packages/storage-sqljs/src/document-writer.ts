import type { Doc } from '@rpma/engine';
import { EngineError } from '@rpma/engine';
import type { SqlValue } from 'sql.js';
import type { CollectionLayout } from './collection-layout.js';
import { fieldValues, fullTextValues } from './collection-layout.js';
import type { StatementCache } from './statement-cache.js';

/**
 * The SQL writes of documents into a collection's table (and its FTS4 table): insert, update
 * with a rev check, purge, and the upsert/delete that replaying a journal entry uses. Column
 * values are computed in JS from the document (no JSON round trip through SQLite).
 *
 * @example
 * ```ts
 * const writer = documentWriter(layout);
 * writer.insert(cache, stored, JSON.stringify(stored));
 * ```
 */
export interface DocumentWriter {
  /** Inserts; throws `CONFLICT` on a duplicate id or unique key. */
  insert(cache: StatementCache, doc: Doc, json: string): void;
  /** Updates when the stored rev is `expectedRev`; returns false when no row matched. */
  update(cache: StatementCache, doc: Doc, json: string, expectedRev: number): boolean;
  /** Deletes for good; returns false when the id is unknown. */
  purge(cache: StatementCache, id: string): boolean;
  /** Inserts or replaces whatever is stored under the document's id (journal replay). */
  put(cache: StatementCache, doc: Doc, json: string): void;
}

const writers = new WeakMap<CollectionLayout, DocumentWriter>();

/**
 * The writer of a layout (memoised: the SQL texts are built once per layout).
 *
 * @example
 * ```ts
 * documentWriter(layout).purge(cache, id);
 * ```
 */
export function documentWriter(layout: CollectionLayout): DocumentWriter {
  let writer = writers.get(layout);
  if (writer === undefined) {
    writer = buildWriter(layout);
    writers.set(layout, writer);
  }
  return writer;
}

function rowValues(layout: CollectionLayout, doc: Doc, json: string): SqlValue[] {
  return [doc.id, doc.rev, doc.createdAt, doc.updatedAt, doc.deletedAt, json, ...fieldValues(layout, doc)];
}

function buildWriter(layout: CollectionLayout): DocumentWriter {
  const { table, ftsTable } = layout;
  const names = [
    'id',
    'rev',
    'created_at',
    'updated_at',
    'deleted_at',
    'doc',
    ...layout.declared.map((d) => d.column),
  ];
  const marks = names.map(() => '?').join(', ');
  const returning = ftsTable === null ? '' : ' RETURNING rowid';
  const insertSql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${marks})${returning}`;
  const fieldColumns = layout.declared.map((d) => d.column);
  const storedSql = `SELECT rowid, deleted_at${fieldColumns.map((c) => `, ${c}`).join('')} FROM ${table} WHERE id = ? AND rev = ?`;
  const updateSqls = new Map<string, string>();
  /** The UPDATE that sets the metadata, the JSON and only the columns listed (indexes of columns left out stay untouched). */
  const updateSql = (columns: readonly string[]): string => {
    const key = columns.join(',');
    let sql = updateSqls.get(key);
    if (sql === undefined) {
      const sets = ['rev', 'created_at', 'updated_at', 'doc', ...columns].map((name) => `${name} = ?`);
      sql = `UPDATE ${table} SET ${sets.join(', ')} WHERE rowid = ?`;
      updateSqls.set(key, sql);
    }
    return sql;
  };
  const upsertSet = names
    .slice(1)
    .map((name) => `${name} = excluded.${name}`)
    .join(', ');
  const upsertSql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${marks}) ON CONFLICT(id) DO UPDATE SET ${upsertSet}${returning}`;
  const purgeSql = `DELETE FROM ${table} WHERE id = ? RETURNING rowid`;
  const ftsColumns = layout.fullText.map((_, i) => `ft${i}`);
  const ftsInsertSql = `INSERT INTO ${ftsTable} (docid, ${ftsColumns.join(', ')}) VALUES (?, ${ftsColumns.map(() => '?').join(', ')})`;
  const ftsUpdateSql = `UPDATE ${ftsTable} SET ${ftsColumns.map((c) => `${c} = ?`).join(', ')} WHERE docid = ?`;
  const ftsDeleteSql = `DELETE FROM ${ftsTable} WHERE docid = ?`;
  const ftsSelectSql = `SELECT ${ftsColumns.join(', ')} FROM ${ftsTable} WHERE docid = ?`;

  const conflict = (cache: StatementCache, doc: Doc, cause: unknown): EngineError => {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (!message.includes('UNIQUE constraint failed')) {
      return new EngineError('STORAGE', `cannot write ${layout.schema.name} ${doc.id}: ${message}`, {
        cause,
      });
    }
    if (cache.first(`SELECT 1 FROM ${table} WHERE id = ?`, [doc.id]) !== undefined) {
      return new EngineError('CONFLICT', `${layout.schema.name} ${doc.id} already exists`, {
        details: { collection: layout.schema.name, id: doc.id },
        cause,
      });
    }
    const values = new Map(layout.declared.map((d, i) => [d.field, fieldValues(layout, doc)[i] ?? null]));
    for (const key of layout.schema.unique ?? []) {
      const columns = key.fields.map((field) => layout.columns.get(field) as string);
      const params: SqlValue[] = key.fields.map(
        (field) => values.get(field) ?? (doc[field as keyof Doc] as SqlValue) ?? null,
      );
      const live = key.includeDeleted ? '' : ' AND deleted_at IS NULL';
      const holder = cache.first(
        `SELECT id FROM ${table} WHERE ${columns.map((c) => `${c} IS ?`).join(' AND ')} AND id IS NOT ?${live}`,
        [...params, doc.id],
      );
      if (holder !== undefined) {
        return new EngineError(
          'CONFLICT',
          `${layout.schema.name} ${doc.id}: unique key (${key.fields.join(', ')}) is already held by ${String(holder)}`,
          { details: { collection: layout.schema.name, id: doc.id, key: key.fields, holder }, cause },
        );
      }
    }
    return new EngineError('CONFLICT', `${layout.schema.name} ${doc.id}: ${message}`, {
      details: { collection: layout.schema.name, id: doc.id },
      cause,
    });
  };

  const ftsInsert = (cache: StatementCache, rowid: SqlValue | undefined, doc: Doc): void => {
    cache.run(ftsInsertSql, [rowid as number, ...fullTextValues(layout, doc)]);
  };

  /**
   * Rewrites the FTS row of an updated document only when its text changed: an FTS4 update
   * deletes and re-adds every token, while reading the row by docid is a rowid lookup.
   */
  const ftsUpdate = (cache: StatementCache, rowid: SqlValue, doc: Doc): void => {
    const text = fullTextValues(layout, doc);
    const stored = cache.all(ftsSelectSql, [rowid])[0];
    if (stored !== undefined && text.every((value, i) => value === stored[i])) return;
    cache.run(ftsUpdateSql, [...text, rowid]);
  };

  return {
    insert(cache, doc, json) {
      try {
        if (ftsTable === null) {
          cache.run(insertSql, rowValues(layout, doc, json));
          return;
        }
        const rowid = cache.first(insertSql, rowValues(layout, doc, json));
        ftsInsert(cache, rowid, doc);
      } catch (cause) {
        throw conflict(cache, doc, cause);
      }
    },
    update(cache, doc, json, expectedRev) {
      const stored = cache.all(storedSql, [doc.id, expectedRev])[0];
      if (stored === undefined) return false;
      const [rowid, deletedAt, ...before] = stored as [SqlValue, ...SqlValue[]];
      const columns: string[] = [];
      const params: SqlValue[] = [doc.rev, doc.createdAt, doc.updatedAt, json];
      if (doc.deletedAt !== deletedAt) {
        columns.push('deleted_at');
        params.push(doc.deletedAt);
      }
      fieldValues(layout, doc).forEach((value, i) => {
        if (value === before[i]) return;
        columns.push(fieldColumns[i] as string);
        params.push(value);
      });
      try {
        cache.run(updateSql(columns), [...params, rowid]);
        if (ftsTable !== null) ftsUpdate(cache, rowid, doc);
        return true;
      } catch (cause) {
        throw conflict(cache, doc, cause);
      }
    },
    purge(cache, id) {
      const rowid = cache.first(purgeSql, [id]);
      if (rowid === undefined) return false;
      if (ftsTable !== null) cache.run(ftsDeleteSql, [rowid]);
      return true;
    },
    put(cache, doc, json) {
      const rowid = cache.first(upsertSql, rowValues(layout, doc, json));
      if (ftsTable !== null) {
        cache.run(ftsDeleteSql, [rowid as number]);
        ftsInsert(cache, rowid, doc);
      }
    },
  };
}
