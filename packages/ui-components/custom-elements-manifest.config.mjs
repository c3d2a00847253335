// `npm run manifest -w @rpma/ui-components` writes custom-elements.json from the sources' JSDoc
// (@element, @fires, @csspart, @cssprop, @slot) and the Lit decorators.

/**
 * Every event the elements send is named `rpma-…` and documented with `@fires`. The analyzer
 * also lists the variable of the shared `emit(type, …)` helper as an event named `type`;
 * this drops such non-event entries.
 */
const onlyRpmaEvents = {
  name: 'rpma-only-named-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        if (declaration.events) {
          declaration.events = declaration.events.filter((event) => event.name.startsWith('rpma-'));
        }
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/__tests__/**', 'src/**/*.d.ts', 'src/i18n/generated/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [onlyRpmaEvents],
};
