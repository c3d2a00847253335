import type { CollectionSchema } from '@rpma/engine';
import { EngineError } from '@rpma/engine';
import type { Database } from 'sql.js';
import type { CollectionLayout } from './collection-layout.js';
import { collectionLayout, fullTextValues, jsonPath, quoteIdent } from './collection-layout.js';

/**
 * Creates and migrates the SQLite tables of the declared collections, in place and
 * idempotently. The applied declaration of each collection is kept in the `rpma_meta` table,
 * so reopening with an added field adds its column and backfills it from the stored JSON, an
 * added index is created, a removed index or unique key is dropped, and a changed full-text
 * list rebuilds the FTS4 table from the documents.
 *
 * @example
 * ```ts
 * const layouts = migrateSchema(db, schema.collections);
 * ```
 */

const META_TABLE = 'rpma_meta';

/**
 * Creates the meta table (key → value) that holds the applied declarations and the journal seq
 * a snapshot covers.
 *
 * @example
 * ```ts
 * ensureMetaTable(db);
 * ```
 */
export function ensureMetaTable(db: Database): void {
  db.run(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
}

/**
 * Reads a meta value, or undefined.
 *
 * @example
 * ```ts
 * Number(readMeta(db, 'seq') ?? 0);
 * ```
 */
export function readMeta(db: Database, key: string): string | undefined {
  const rows = db.exec(`SELECT value FROM ${META_TABLE} WHERE key = ?`, [key]);
  const value = rows[0]?.values[0]?.[0];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Writes a meta value.
 *
 * @example
 * ```ts
 * writeMeta(db, 'seq', String(seq));
 * ```
 */
export function writeMeta(db: Database, key: string, value: string): void {
  db.run(
    `INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    [key, value],
  );
}

/**
 * The declarations applied to this database before (from its meta table), by name.
 *
 * @example
 * ```ts
 * storedCollections(db).get('clients')?.fields;
 * ```
 */
export function storedCollections(db: Database): Map<string, CollectionSchema> {
  const out = new Map<string, CollectionSchema>();
  const rows = db.exec(`SELECT value FROM ${META_TABLE} WHERE key LIKE 'collection:%'`);
  for (const row of rows[0]?.values ?? []) {
    const schema = JSON.parse(String(row[0])) as CollectionSchema;
    out.set(schema.name, schema);
  }
  return out;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

function indexNames(db: Database, table: string): string[] {
  const rows = db.exec(
    `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
    [table.slice(1, -1)],
  );
  return (rows[0]?.values ?? []).map((row) => String(row[0]));
}

function columnNames(db: Database, table: string): Set<string> {
  const rows = db.exec(`PRAGMA table_info(${table})`);
  return new Set((rows[0]?.values ?? []).map((row) => String(row[1])));
}

const AFFINITY = { string: 'TEXT', date: 'TEXT', number: 'NUMERIC', boolean: 'INTEGER' } as const;

function rebuildFullText(db: Database, layout: CollectionLayout): void {
  const fts = layout.ftsTable as string;
  const columns = layout.fullText.map((_, i) => `ft${i}`);
  db.run(
    `CREATE VIRTUAL TABLE ${fts} USING fts4(${columns.join(', ')}, tokenize=unicode61 "remove_diacritics=2")`,
  );
  const insert = db.prepare(
    `INSERT INTO ${fts} (docid, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
  );
  const read = db.prepare(`SELECT rowid, doc FROM ${layout.table}`);
  try {
    while (read.step()) {
      const [rowid, doc] = read.get() as [number, string];
      insert.run([rowid, ...fullTextValues(layout, JSON.parse(doc) as Record<string, unknown>)]);
    }
  } finally {
    read.free();
    insert.free();
  }
}

function migrateCollection(
  db: Database,
  schema: CollectionSchema,
  before: CollectionSchema | undefined,
): CollectionLayout {
  const layout = collectionLayout(schema);
  const { table } = layout;
  db.run(
    `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY NOT NULL, rev INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT, doc TEXT NOT NULL)`,
  );
  const existing = columnNames(db, table);
  for (const d of layout.declared) {
    const bare = d.column.slice(1, -1).replace(/""/g, '"');
    if (!existing.has(bare)) db.run(`ALTER TABLE ${table} ADD COLUMN ${d.column} ${AFFINITY[d.type]}`);
    if (before?.fields[d.field] === undefined) {
      db.run(`UPDATE ${table} SET ${d.column} = json_extract(doc, ?)`, [jsonPath(d.field)]);
    }
  }
  const wanted = new Map<string, string>();
  const name = (kind: string, cols: readonly string[]) => `${kind}:${schema.name}:${cols.join(',')}`;
  for (const cols of plainIndexes(schema)) {
    const columns = cols.map((field) => layout.columns.get(field) as string);
    wanted.set(name('ix', cols), `ON ${table} (${columns.join(', ')})`);
  }
  for (const key of schema.unique ?? []) {
    const columns = key.fields.map((field) => layout.columns.get(field) as string);
    const kind = key.includeDeleted ? 'uxa' : 'ux';
    const where = key.includeDeleted ? '' : ' WHERE deleted_at IS NULL';
    wanted.set(name(kind, key.fields), `ON ${table} (${columns.join(', ')})${where}`);
  }
  for (const index of indexNames(db, table)) {
    if (!wanted.has(index)) db.run(`DROP INDEX ${quoteIdent(index)}`);
  }
  for (const [index, body] of wanted) {
    const unique = index.startsWith('ux') ? 'UNIQUE ' : '';
    try {
      db.run(`CREATE ${unique}INDEX IF NOT EXISTS ${quoteIdent(index)} ${body}`);
    } catch (cause) {
      throw new EngineError(
        'CONFLICT',
        `cannot add unique key ${index}: stored documents already share a value`,
        {
          details: { collection: schema.name, index },
          cause,
        },
      );
    }
  }
  const ftsName = `fts:${schema.name}`;
  if (!sameList(before?.fullText, schema.fullText) || before === undefined) {
    db.run(`DROP TABLE IF EXISTS ${quoteIdent(ftsName)}`);
    if (layout.ftsTable !== null) rebuildFullText(db, layout);
  }
  writeMeta(db, `collection:${schema.name}`, JSON.stringify(schema));
  return layout;
}

/**
 * The plain (non-unique) indexes of a collection: one per declared field and one per composite
 * index, less every index whose columns begin a longer one — `(entity)` and `(entity, entityId)`
 * are served by `(entity, entityId, at)` for every lookup, range and sort they could serve, and
 * each index left out is one b-tree fewer to update on every write and to store in the snapshot.
 *
 * @example
 * ```ts
 * plainIndexes({ name: 'audit', fields: { entity: 'string', at: 'date' }, indexes: [['entity', 'at']] });
 * // [['at'], ['entity', 'at']]
 * ```
 */
export function plainIndexes(schema: CollectionSchema): string[][] {
  const all = [...Object.keys(schema.fields).map((field) => [field]), ...(schema.indexes ?? [])];
  const startsLonger = (cols: string[]) =>
    all.some((other) => other.length > cols.length && cols.every((field, i) => other[i] === field));
  const kept = new Map<string, string[]>();
  for (const cols of all) if (!startsLonger(cols)) kept.set(cols.join(','), cols);
  return [...kept.values()];
}

function checkDeclaration(schema: CollectionSchema): void {
  const fields = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', ...Object.keys(schema.fields)]);
  const lists = [...(schema.indexes ?? []), ...(schema.unique ?? []).map((key) => key.fields)];
  for (const list of lists) {
    for (const field of list) {
      if (!fields.has(field)) {
        throw new EngineError(
          'VALIDATION',
          `collection '${schema.name}': index or unique key on undeclared field '${field}'`,
          {
            details: { collection: schema.name, field },
          },
        );
      }
    }
  }
}

/**
 * Creates or migrates every collection of `collections` (plus those applied before and not
 * declared now, kept so their data and journal entries stay readable) and returns their
 * layouts by name.
 *
 * @example
 * ```ts
 * const layouts = migrateSchema(db, [clients, tasks]);
 * ```
 */
export function migrateSchema(
  db: Database,
  collections: readonly CollectionSchema[],
): Map<string, CollectionLayout> {
  ensureMetaTable(db);
  const stored = storedCollections(db);
  const layouts = new Map<string, CollectionLayout>();
  for (const schema of collections) {
    checkDeclaration(schema);
    layouts.set(schema.name, migrateCollection(db, schema, stored.get(schema.name)));
  }
  for (const [name, schema] of stored) {
    if (!layouts.has(name)) layouts.set(name, collectionLayout(schema));
  }
  return layouts;
}

/**
 * Creates the table of a collection met in a journal entry but declared nowhere (written by a
 * newer version of the application), with no fields, so its documents are kept.
 *
 * @example
 * ```ts
 * const layout = layouts.get(name) ?? adoptCollection(db, name);
 * ```
 */
export function adoptCollection(db: Database, name: string): CollectionLayout {
  return migrateCollection(db, { name, fields: {} }, undefined);
}
