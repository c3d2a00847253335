import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_LAUNCH_OPTIONS } from './chromium-launch.js';
import { minifyTemplatesVite } from './packages/ui-components/build/minify-templates.js';

const resolve = { conditions: ['source', 'module', 'browser', 'development|production'] };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { conditions: ['source', 'module', 'node', 'development|production'] },
        // Node tests run in Vite's SSR environment, which takes its conditions from `ssr.resolve`:
        // without this, workspace packages resolve to their (stale) dist builds.
        ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/build/**/*.test.ts',
            'examples/*/src/**/*.test.ts',
          ],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        resolve,
        // the components' templates minified as the published build minifies them
        plugins: [minifyTemplatesVite(new URL('./packages/ui-components/src', import.meta.url).pathname)],
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.ts', 'examples/*/src/**/*.browser.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: CHROMIUM_LAUNCH_OPTIONS }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
