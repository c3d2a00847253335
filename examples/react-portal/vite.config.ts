import { defineConfig } from 'vite';

export default defineConfig({
  // The workspace packages are built from their TypeScript sources: no package build step.
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  // JSX through Vite's own transform (Oxc), with React 19's automatic runtime: no React plugin.
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022' },
});
