import {
  canvasImageProcessor,
  createEngine,
  type Engine,
  indexedDbBlobStore,
  photoBindings,
} from '@rpma/engine';
import { indexedDbJournal, sqljsStorage } from '@rpma/storage-sqljs';
import { ceramicWorkflow } from '@rpma/workflows-ceramic';
import { ppfWorkflow } from '@rpma/workflows-ppf';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

/** The IndexedDB databases the shop keeps its store and its photos in. */
export const STORE_NAME = 'rpma-shop-demo';
export const PHOTOS_NAME = 'rpma-shop-demo-photos';

/**
 * The shop's engine: sql.js persisted to IndexedDB (a journal, so a reload keeps every
 * committed change), photos in IndexedDB with canvas thumbnails, the PPF and ceramic workflows.
 */
export function createShopEngine(): Promise<Engine> {
  return createEngine({
    storage: sqljsStorage({ locateWasm: () => wasmUrl, persistence: indexedDbJournal(STORE_NAME) }),
    workflows: [ppfWorkflow(), ceramicWorkflow()],
    modules: [photoBindings({ blobs: indexedDbBlobStore(PHOTOS_NAME), processor: canvasImageProcessor() })],
  });
}
