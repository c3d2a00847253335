declare module 'sql.js/dist/sql-wasm-inline.js' {
  import type initSqlJs from 'sql.js';

  /** sql.js with its WebAssembly binary inlined (base64) in the script. */
  const init: typeof initSqlJs;
  export default init;
}
