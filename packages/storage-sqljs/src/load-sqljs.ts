import { toEngineError } from '@rpma/engine';
import type { SqlJsStatic } from 'sql.js';
import initSqlJs from 'sql.js';

/**
 * Where the sql.js WebAssembly binary comes from. In Node nothing is needed (sql.js reads
 * `sql-wasm.wasm` beside its own script). In a browser, with neither option, the adapter loads
 * sql.js's inline build (the wasm base64-encoded in a ~1 MB script, split into its own chunk by
 * bundlers): it works with no bundler setup. For production, serve the wasm file and say where
 * (`locateWasm`; with Vite: `import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url'` then
 * `locateWasm: () => wasmUrl`), or hand the bytes (`wasmBinary`).
 *
 * @example
 * ```ts
 * sqljsStorage({ locateWasm: (file) => `/assets/${file}` });
 * ```
 */
export interface WasmSource {
  /** Returns the URL of the named wasm file (`sql-wasm.wasm` or `sql-wasm-browser.wasm`). */
  locateWasm?: (file: string) => string;
  /** The wasm bytes themselves. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

let defaultModule: Promise<SqlJsStatic> | undefined;

function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Loads sql.js once per source: the default module is shared by every adapter of the page or
 * process. A load failure becomes `EngineError('STORAGE')`.
 *
 * @example
 * ```ts
 * const SQL = await loadSqlJs({});
 * const db = new SQL.Database();
 * ```
 */
export function loadSqlJs(source: WasmSource): Promise<SqlJsStatic> {
  const load = (): Promise<SqlJsStatic> => {
    if (source.wasmBinary !== undefined) return initSqlJs({ wasmBinary: toArrayBuffer(source.wasmBinary) });
    if (source.locateWasm !== undefined) {
      const locate = source.locateWasm;
      return initSqlJs({ locateFile: (file: string) => locate(file) });
    }
    if (isNode()) return initSqlJs();
    return import('sql.js/dist/sql-wasm-inline.js').then((inline) => inline.default());
  };
  const custom = source.wasmBinary !== undefined || source.locateWasm !== undefined;
  if (!custom && defaultModule === undefined) defaultModule = load();
  const module = custom || defaultModule === undefined ? load() : defaultModule;
  return module.catch((err: unknown) => {
    if (!custom) defaultModule = undefined;
    throw toEngineError(err, 'STORAGE', 'cannot load sql.js (in a browser, pass locateWasm or wasmBinary)');
  });
}
