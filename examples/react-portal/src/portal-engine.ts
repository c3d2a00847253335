import { createEngine, type Engine } from '@rpma/engine';
import { indexedDbJournal, sqljsStorage } from '@rpma/storage-sqljs';
import { ppfWorkflow } from '@rpma/workflows-ppf';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

/**
 * The portal's engine: sql.js in the browser with the PPF workflow, kept in IndexedDB under
 * `storeName` when one is given, in memory otherwise.
 *
 * @example
 * ```ts
 * const engine = await createPortalEngine('rpma-react-portal');
 * ```
 */
export function createPortalEngine(storeName?: string): Promise<Engine> {
  return createEngine({
    storage: sqljsStorage({
      locateWasm: () => wasmUrl,
      ...(storeName ? { persistence: indexedDbJournal(storeName) } : {}),
    }),
    workflows: [ppfWorkflow()],
  });
}
