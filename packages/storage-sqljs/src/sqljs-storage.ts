import type { SqljsStorageOptions } from './sqljs-storage-adapter.js';
import { SqljsStorageAdapter } from './sqljs-storage-adapter.js';

/**
 * Creates the default storage adapter of `@rpma/engine`: SQLite in WASM (sql.js). Without a
 * `persistence` the store lives in memory only; with one (`memoryPersistence()`,
 * `fileJournal(path)` from `@rpma/storage-sqljs/node`, `indexedDbJournal(name)`) every commit is
 * journaled durably before `write` resolves.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage: sqljsStorage() });
 * const durable = sqljsStorage({ persistence: fileJournal('./shop.rpma') });
 * ```
 */
export function sqljsStorage(options: SqljsStorageOptions = {}): SqljsStorageAdapter {
  return new SqljsStorageAdapter(options);
}
