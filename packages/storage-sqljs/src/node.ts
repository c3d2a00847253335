/**
 * `@rpma/storage-sqljs/node`: the Node-only persistence (files, fsync, a lock file). Kept out of
 * the main entry so that browser bundles never pull `node:fs`.
 *
 * @example
 * ```ts
 * import { sqljsStorage } from '@rpma/storage-sqljs';
 * import { fileJournal } from '@rpma/storage-sqljs/node';
 *
 * const storage = sqljsStorage({ persistence: fileJournal('./shop.rpma') });
 * ```
 */
export type { FileJournalOptions } from './persistence/file-journal.js';
export { fileJournal } from './persistence/file-journal.js';
export type { JournalFile, JournalFileSystem } from './persistence/file-system.js';
export { nodeFileSystem } from './persistence/file-system.js';
