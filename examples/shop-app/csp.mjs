// The shop app's Content-Security-Policy: no 'unsafe-eval' and no inline scripts. sql.js
// compiles its WebAssembly module, which needs 'wasm-unsafe-eval' (and only that). Lit's
// styles are constructable stylesheets, which style-src does not restrict; photos are shown
// from blob: URLs.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
