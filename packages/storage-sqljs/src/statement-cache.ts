import type { Database, SqlValue, Statement } from 'sql.js';

/**
 * Prepared statements by SQL text, so a query shape is compiled by SQLite once. Bounded: when
 * full, the oldest statement is freed. `clear()` frees them all (before the database is closed
 * or replaced).
 *
 * @example
 * ```ts
 * const cache = new StatementCache(db);
 * const rows = cache.all('SELECT doc FROM "doc:clients" WHERE id = ?', [id]);
 * ```
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly capacity = 256,
  ) {}

  /** The prepared statement for `sql`, prepared on first use. */
  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= this.capacity) {
        const [oldestSql, oldest] = this.statements.entries().next().value as [string, Statement];
        oldest.free();
        this.statements.delete(oldestSql);
      }
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `sql` with `params` and returns every row as an array of column values. */
  all(sql: string, params: SqlValue[]): SqlValue[][] {
    const statement = this.get(sql);
    try {
      statement.bind(params);
      const rows: SqlValue[][] = [];
      while (statement.step()) rows.push(statement.get());
      return rows;
    } finally {
      statement.reset();
    }
  }

  /** Runs `sql` with `params` and returns the first column of the first row, or undefined. */
  first(sql: string, params: SqlValue[]): SqlValue | undefined {
    const statement = this.get(sql);
    try {
      statement.bind(params);
      return statement.step() ? statement.get()[0] : undefined;
    } finally {
      statement.reset();
    }
  }

  /** Runs a statement that returns no rows (sql.js's `run` resets it on success). */
  run(sql: string, params: SqlValue[]): void {
    const statement = this.get(sql);
    try {
      statement.run(params);
    } catch (err) {
      statement.reset();
      throw err;
    }
  }

  /** Frees every statement. */
  clear(): void {
    for (const statement of this.statements.values()) statement.free();
    this.statements.clear();
  }
}
