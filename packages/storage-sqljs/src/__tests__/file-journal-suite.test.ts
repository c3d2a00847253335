import { runStorageAdapterSuite } from '@rpma/engine/testing';
import { sqljsStorage } from '../index.js';
import { type FileJournalOptions, fileJournal } from '../node.js';
import { xorCodec } from './journal-fixtures.js';
import { tempStoreDir } from './node-fixtures.js';

/** A fresh file store in a temp directory; `reopen` opens the same directory again. */
function fileStore(options: FileJournalOptions = {}) {
  return async () => {
    const dir = await tempStoreDir();
    return {
      adapter: sqljsStorage({ persistence: fileJournal(dir.path, options) }),
      reopen: async () => sqljsStorage({ persistence: fileJournal(dir.path, options) }),
      cleanup: dir.remove,
    };
  };
}

runStorageAdapterSuite({ name: 'sqljs + fileJournal (node)', create: fileStore() });

runStorageAdapterSuite({
  name: 'sqljs + fileJournal compacting every 2 entries, with a codec (node)',
  create: fileStore({ compactAfterEntries: 2, codec: xorCodec(0x5a) }),
});
