import { defineConfig, type Plugin } from 'vite';
import { minifyTemplatesVite } from '../../packages/ui-components/build/minify-templates.js';
import { contentSecurityPolicy } from './csp.mjs';

/** Puts the CSP in the built index.html (the preview server also sends it as a header). */
function cspMeta(): Plugin {
  return {
    name: 'rpma-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  // The workspace packages are built from their TypeScript sources: no package build step.
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  build: { target: 'es2022', assetsInlineLimit: 0 },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  // the components' html`` and css`` markup minified, as in the published @rpma/ui-components
  plugins: [
    cspMeta(),
    minifyTemplatesVite(new URL('../../packages/ui-components/src', import.meta.url).pathname),
  ],
});
