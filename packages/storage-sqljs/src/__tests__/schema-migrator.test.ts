import type { CollectionSchema } from '@rpma/engine';
import fc from 'fast-check';
import type { Database } from 'sql.js';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { migrateSchema, plainIndexes } from '../schema-migrator.js';

const audit: CollectionSchema = {
  name: 'audit',
  fields: { actorId: 'string', entity: 'string', entityId: 'string', at: 'date' },
  indexes: [
    ['entity', 'entityId', 'at'],
    ['actorId', 'at'],
  ],
};

function indexes(db: Database): string[] {
  const rows = db.exec(
    `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`,
  );
  return (rows[0]?.values ?? []).map((row) => String(row[0]));
}

describe('plain indexes', () => {
  it('leave out an index whose columns begin a longer one', () => {
    expect(plainIndexes(audit)).toEqual([
      ['entityId'],
      ['at'],
      ['entity', 'entityId', 'at'],
      ['actorId', 'at'],
    ]);
  });

  it('keep, for every declared field and composite, an index that begins with its columns', () => {
    const field = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.uniqueArray(field, { minLength: 1 }),
        fc.array(fc.uniqueArray(field, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
        (fields, composites) => {
          const schema: CollectionSchema = {
            name: 'x',
            fields: Object.fromEntries(fields.map((f) => [f, 'string'])),
            indexes: composites,
          };
          const kept = plainIndexes(schema);
          const served = (cols: string[]) => kept.some((index) => cols.every((f, i) => index[i] === f));
          for (const cols of [...fields.map((f) => [f]), ...composites]) expect(served(cols)).toBe(true);
          const keys = kept.map((cols) => cols.join(','));
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
    );
  });

  it('a store opened with an older layout drops its redundant indexes, and queries still find rows', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE IF NOT EXISTS rpma_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)');
    migrateSchema(db, [audit]);
    db.run(`CREATE INDEX "ix:audit:entity" ON "doc:audit" ("f.entity")`);
    migrateSchema(db, [audit]);
    expect(indexes(db)).toEqual([
      'ix:audit:actorId,at',
      'ix:audit:at',
      'ix:audit:entity,entityId,at',
      'ix:audit:entityId',
    ]);
    db.run(
      `INSERT INTO "doc:audit" (id, rev, created_at, updated_at, doc, "f.entity") VALUES ('a1', 1, 't', 't', '{}', 'tasks')`,
    );
    const plan = db.exec(`EXPLAIN QUERY PLAN SELECT id FROM "doc:audit" WHERE "f.entity" = 'tasks'`);
    expect(String(plan[0]?.values.map((row) => row[3]))).toContain('ix:audit:entity,entityId,at');
    expect(db.exec(`SELECT id FROM "doc:audit" WHERE "f.entity" = 'tasks'`)[0]?.values).toEqual([['a1']]);
    db.close();
  });
});
