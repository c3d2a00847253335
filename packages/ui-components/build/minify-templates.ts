/**
 * Minifies the markup inside Lit's `html`/`svg`/`css` template literals of our TypeScript
 * sources while esbuild loads them, with minify-literals (html-minifier-next for the HTML,
 * Lightning CSS for the styles). esbuild's own minifier leaves template literals as they are, so
 * without this every indentation, newline and CSS comment of the templates reached the browser.
 * Used by the package build (tsup.config.ts) and by the bundle-size bench, so what the bench
 * weighs is what the published `dist/` holds; the Vite form serves the browser tests and the shop
 * app, so the components are tested and shipped with the same minified markup.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin as VitePlugin } from 'vite';

/** Whether `path` is one of our sources under `prefix` (tests left out). */
function isSource(path: string, prefix: string): boolean {
  return path.startsWith(prefix) && path.endsWith('.ts') && !path.endsWith('.test.ts');
}

const withSlash = (dir: string) => (dir.endsWith('/') ? dir : `${dir}/`);

/**
 * Whitespace collapses to one space instead of none: a nested template is inline text, so the
 * space at its edges is part of what the user reads (`Time off · Karim`, not `Time off· Karim`).
 */
const OPTIONS = { html: { conservativeCollapse: true } } as const;

/**
 * The esbuild plugin: every `.ts` file under `sourceDir` (tests left out) goes through
 * minify-literals before esbuild compiles it; other files load as usual.
 *
 * @param sourceDir absolute path of the folder whose templates are minified.
 * @example
 * ```ts
 * // tsup.config.ts
 * export default defineConfig({
 *   entry: { index: 'src/index.ts' },
 *   esbuildPlugins: [minifyTemplates(resolve('src'))],
 * });
 * ```
 */
export function minifyTemplates(sourceDir: string): Plugin {
  const prefix = withSlash(sourceDir);
  return {
    name: 'rpma-minify-templates',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        if (!isSource(path, prefix)) return undefined;
        const source = await readFile(path, 'utf8');
        const minified = await minifyHTMLLiterals(source, { ...OPTIONS, fileName: path, sourceMap: false });
        return { contents: minified?.code ?? source, loader: 'ts' };
      });
    },
  };
}

/**
 * The same minification as a Vite plugin, run on the TypeScript source before Vite compiles it.
 *
 * @param sourceDir absolute path of the folder whose templates are minified.
 * @example
 * ```ts
 * // vite.config.ts
 * export default defineConfig({ plugins: [minifyTemplatesVite('/repo/packages/ui-components/src')] });
 * ```
 */
export function minifyTemplatesVite(sourceDir: string): VitePlugin {
  const prefix = withSlash(sourceDir);
  return {
    name: 'rpma-minify-templates',
    enforce: 'pre',
    async transform(code, id) {
      if (!isSource(id, prefix)) return null;
      const minified = await minifyHTMLLiterals(code, { ...OPTIONS, fileName: id });
      return minified && { code: minified.code, map: minified.map?.toString() ?? null };
    },
  };
}
