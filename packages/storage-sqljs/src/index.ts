export type { WasmSource } from './load-sqljs.js';
export type { IndexedDbJournalOptions } from './persistence/indexeddb-journal.js';
export { indexedDbJournal } from './persistence/indexeddb-journal.js';
export type { MemoryPersistenceOptions } from './persistence/memory.js';
export { memoryPersistence } from './persistence/memory.js';
export type {
  DocChange,
  JournalEntry,
  PersistedState,
  Persistence,
  PersistenceCodec,
  SharedWriters,
} from './persistence/persistence.js';
export { sqljsStorage } from './sqljs-storage.js';
export type { SqljsStorageOptions } from './sqljs-storage-adapter.js';
export { SqljsStorageAdapter } from './sqljs-storage-adapter.js';
