import { toEngineError } from '@rpma/engine';
import type { SqlJsStatic } from 'sql.js';
import initSqlJs from 'sql.js';

/**
 * Where the sql.js WebAssembly binary comes from. In Node nothing is needed (sql.js reads
 * `sql-wasm.wasm` beside its own script). In a browser the host either serves the file and
 * says where (`locateWasm`), or hands the bytes (`wasmBinary`); with Vite:
 * `import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url'` then `locateWasm: () => wasmUrl`.
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
    return initSqlJs();
  };
  const custom = source.wasmBinary !== undefined || source.locateWasm !== undefined;
  if (!custom && defaultModule === undefined) defaultModule = load();
  const module = custom || defaultModule === undefined ? load() : defaultModule;
  return module.catch((err: unknown) => {
    if (!custom) defaultModule = undefined;
    throw toEngineError(err, 'STORAGE', 'cannot load sql.js (in a browser, pass locateWasm or wasmBinary)');
  });
}
