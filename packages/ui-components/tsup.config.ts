import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', define: 'src/define.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['lit', /^lit\//, /^@lit\//, /^@lit-labs\//, '@rpma/engine'],
});
