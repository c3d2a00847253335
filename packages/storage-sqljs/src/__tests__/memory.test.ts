import { runStorageAdapterSuite } from '@rpma/engine/testing';
import { memoryPersistence, sqljsStorage } from '../index.js';

runStorageAdapterSuite({
  name: 'sqljs without persistence (node)',
  create: async () => ({ adapter: sqljsStorage() }),
});

runStorageAdapterSuite({
  name: 'sqljs + memoryPersistence (node)',
  create: async () => {
    const persistence = memoryPersistence();
    return { adapter: sqljsStorage({ persistence }), reopen: async () => sqljsStorage({ persistence }) };
  },
});

runStorageAdapterSuite({
  name: 'sqljs + memoryPersistence compacting every 2 entries (node)',
  create: async () => {
    const persistence = memoryPersistence({ compactAfter: 2 });
    return { adapter: sqljsStorage({ persistence }), reopen: async () => sqljsStorage({ persistence }) };
  },
});
