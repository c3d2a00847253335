import * as rruleModule from 'rrule';

/*
 * rrule 2.8 ships CommonJS with a non-standard "module" field: Node's ESM loader exposes it as
 * a default export only, bundlers as named exports (jkbrzt/rrule#548). Take whichever is there.
 */
const rrule: typeof rruleModule = (rruleModule as { default?: typeof rruleModule }).default ?? rruleModule;

/**
 * rrule's `RRule` class, in a module of its own so that `recurrence.ts` can load it with a
 * dynamic `import()` the first time a recurring event is involved: rrule (~14 KB min+gz) is then
 * a chunk of its own, not part of what a page fetches at start.
 *
 * @example
 * ```ts
 * const { RRule } = await import('./rrule-library.js');
 * RRule.parseString('FREQ=WEEKLY;COUNT=2');
 * ```
 */
export const RRule: typeof rruleModule.RRule = rrule.RRule;
