import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { minifyTemplates } from './build/minify-templates.js';

export default defineConfig({
  entry: { index: 'src/index.ts', define: 'src/define.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['lit', /^lit\//, /^@lit\//, /^@lit-labs\//, '@rpma/engine'],
  // The markup of Lit's html`` and css`` templates, minified as the bundle-size bench measures it.
  esbuildPlugins: [minifyTemplates(fileURLToPath(new URL('./src', import.meta.url)))],
});
