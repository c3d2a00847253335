/// <reference types="vite/client" />
import { runStorageAdapterSuite } from '@rpma/engine/testing';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { memoryPersistence, sqljsStorage } from '../index.js';

runStorageAdapterSuite({
  name: 'sqljs + memoryPersistence, inline wasm by default (Chromium)',
  create: async () => {
    const persistence = memoryPersistence({ compactAfter: 3 });
    return { adapter: sqljsStorage({ persistence }), reopen: async () => sqljsStorage({ persistence }) };
  },
});

runStorageAdapterSuite({
  name: 'sqljs + memoryPersistence, wasm served by Vite through locateWasm (Chromium)',
  create: async () => {
    const persistence = memoryPersistence();
    const locateWasm = () => wasmUrl;
    return {
      adapter: sqljsStorage({ persistence, locateWasm }),
      reopen: async () => sqljsStorage({ persistence, locateWasm }),
    };
  },
});
