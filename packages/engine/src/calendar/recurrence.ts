import { lazyBody } from '../domain/lazy-body.js';
import { lazyModule } from '../kernel/lazy-module.js';

export type { Interval, Series } from './recurrence-rules.js';

const bodies = lazyModule('calendar operations', () => import('./calendar-bodies.js'));

/**
 * `normaliseRecurrence` of `recurrence-rules.ts` as the package exports it: the recurrence code (and
 * rrule) loads with the calendar bodies on the first call. Checks an RRULE (without DTSTART) and
 * resolves to it in canonical form; `VALIDATION` for anything outside the supported subset.
 *
 * @example
 * ```ts
 * await normaliseRecurrence('rrule:freq=weekly;byday=mo,we;count=10'); // 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10'
 * ```
 */
export const normaliseRecurrence = lazyBody(bodies, 'normaliseRecurrence');

/**
 * `expandSeries` of `recurrence-rules.ts` as the package exports it, loaded with the calendar bodies on
 * the first call: the occurrences of a series that overlap a range (UTC epoch ms), in the
 * series' wall-clock time of `zone`, less its exdates.
 *
 * @example
 * ```ts
 * await expandSeries(
 *   { start: '2026-03-23T08:00:00Z', end: '2026-03-23T10:00:00Z', recurrence: 'FREQ=WEEKLY;COUNT=2' },
 *   { start: Date.parse('2026-03-01T00:00:00Z'), end: Date.parse('2026-04-01T00:00:00Z') },
 *   'Europe/Paris',
 * );
 * ```
 */
export const expandSeries = lazyBody(bodies, 'expandSeries');
