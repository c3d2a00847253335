/**
 * The bodies of the calendar operations (and the recurrence functions the package exports) as one module, loaded on the first calendar call
 * (`lazyModule` in each definitions file), so that the area is one chunk fetched once.
 *
 * @example
 * ```ts
 * const bodies = lazyModule('calendar operations', () => import('./calendar-bodies.js'));
 * ```
 */
export * from './calendar-command-bodies.js';
export * from './calendar-query-bodies.js';
export { expandSeries, normaliseRecurrence } from './recurrence-rules.js';
export * from './schedule-task-body.js';
