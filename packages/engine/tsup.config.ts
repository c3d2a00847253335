import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'node/index': 'src/node/index.ts',
    'photo-format/index': 'src/photo-format/index.ts',
  },
  format: ['esm'],
  // Each dynamic import() (papaparse, hash-wasm, jose, otpauth, qrcode, rrule, photo checks)
  // becomes a chunk of its own, fetched on first use.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['vitest', 'fast-check', 'sharp'],
});
