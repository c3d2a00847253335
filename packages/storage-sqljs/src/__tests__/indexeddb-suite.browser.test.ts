import { runStorageAdapterSuite } from '@rpma/engine/testing';
import { type IndexedDbJournalOptions, indexedDbJournal, sqljsStorage } from '../index.js';
import { xorCodec } from './journal-fixtures.js';

/** A fresh IndexedDB store under a unique name; `reopen` opens the same database again. */
function idbStore(options: IndexedDbJournalOptions = {}) {
  return async () => {
    const name = `suite-${crypto.randomUUID()}`;
    return {
      adapter: sqljsStorage({ persistence: indexedDbJournal(name, options) }),
      reopen: async () => sqljsStorage({ persistence: indexedDbJournal(name, options) }),
      cleanup: () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(`rpma-store:${name}`);
          request.onsuccess = () => resolve();
          request.onerror = () => resolve();
        }),
    };
  };
}

runStorageAdapterSuite({ name: 'sqljs + indexedDbJournal (Chromium)', create: idbStore() });

runStorageAdapterSuite({
  name: 'sqljs + indexedDbJournal compacting every 2 entries, with a codec (Chromium)',
  create: idbStore({ compactAfterEntries: 2, codec: xorCodec(0x5a) }),
});
