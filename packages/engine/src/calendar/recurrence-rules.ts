import { EngineError } from '../kernel/engine-error.js';
import { lazyModule } from '../kernel/lazy-module.js';
import { ruleProblem } from './rule-grammar.js';
import { fromFloating, toFloating } from './time-zone.js';

/** rrule is fetched the first time a recurring event is involved, not at start. */
const rruleLibrary = lazyModule('recurrence rules (rrule)', () => import('./rrule-library.js'));

type RRuleClass = Awaited<ReturnType<typeof rruleLibrary>>['RRule'];

/** Most occurrences one expansion produces; a rule or range that needs more is refused. */
const MAX_OCCURRENCES = 5000;

/**
 * One occurrence of an event: a half-open UTC interval `[start, end)` in epoch milliseconds.
 *
 * @example
 * ```ts
 * const slot: Interval = { start: Date.parse('2026-03-30T07:00:00Z'), end: Date.parse('2026-03-30T09:00:00Z') };
 * ```
 */
export interface Interval {
  start: number;
  end: number;
}

/**
 * What expansion needs of an event: its first occurrence (UTC), its RRULE or null, and the
 * starts of the occurrences cancelled one by one (EXDATE), if any.
 *
 * @example
 * ```ts
 * const series: Series = { start: '2026-03-23T08:00:00.000Z', end: '2026-03-23T10:00:00.000Z',
 *   recurrence: 'FREQ=WEEKLY;COUNT=4', exdates: ['2026-03-30T07:00:00.000Z'] };
 * ```
 */
export interface Series {
  start: string;
  end: string;
  recurrence: string | null;
  exdates?: readonly string[] | null;
}

type RuleOptions = ReturnType<RRuleClass['parseString']>;

function parseRule(RRule: RRuleClass, text: string): RuleOptions {
  const body = text
    .replace(/^RRULE:/i, '')
    .trim()
    .toUpperCase();
  let options: RuleOptions;
  try {
    options = RRule.parseString(body);
  } catch (error) {
    throw invalid(text, 'it is not an RFC 5545 RRULE', error);
  }
  if (/DTSTART|TZID/i.test(body)) throw invalid(text, 'DTSTART and TZID come from the event, not the rule');
  const problem = ruleProblem(body);
  if (problem) throw invalid(text, problem);
  if (options.interval !== undefined && (options.interval ?? 0) < 1)
    throw invalid(text, 'INTERVAL must be ≥ 1');
  if (options.count !== undefined && options.count !== null && options.count < 1) {
    throw invalid(text, 'COUNT must be ≥ 1');
  }
  return options;
}

function invalid(rule: string, reason: string, cause?: unknown): EngineError {
  return new EngineError('VALIDATION', `invalid recurrence "${rule}": ${reason}`, {
    details: { issues: [{ path: 'recurrence', message: reason, code: 'invalid_recurrence' }] },
    cause,
  });
}

/**
 * Checks an RRULE (without DTSTART, which is the event's start) and returns it in canonical
 * form; refuses with `VALIDATION` anything rrule cannot read or outside the supported subset
 * (`ruleProblem`: nothing that recurs more than daily or may never match).
 *
 * @example
 * ```ts
 * await normaliseRecurrence('rrule:freq=weekly;byday=mo,we;count=10'); // 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10'
 * ```
 */
export async function normaliseRecurrence(text: string): Promise<string> {
  const { RRule } = await rruleLibrary();
  return RRule.optionsToString(parseRule(RRule, text)).replace(/^RRULE:/, '');
}

async function ruleFor(
  series: Series,
  zone: string,
): Promise<{ rule: InstanceType<RRuleClass>; wallLength: number }> {
  const { RRule } = await rruleLibrary();
  const startMs = Date.parse(series.start);
  const dtstart = new Date(toFloating(startMs, zone));
  const options = parseRule(RRule, series.recurrence ?? '');
  const until = options.until ? new Date(toFloating(options.until.getTime(), zone)) : null;
  const rule = new RRule({ ...options, dtstart, until, tzid: null });
  return { rule, wallLength: toFloating(Date.parse(series.end), zone) - dtstart.getTime() };
}

function occurrence(floatingStart: number, wallLength: number, zone: string): Interval {
  return { start: fromFloating(floatingStart, zone), end: fromFloating(floatingStart + wallLength, zone) };
}

/**
 * The occurrences of `series` that overlap `[from, to)` (UTC epoch ms), first first. A single
 * event has one; a recurring one repeats its wall-clock start and wall-clock length in `zone`,
 * so a weekly 09:00–11:00 booking stays 09:00–11:00 local across a DST change, less the
 * occurrences whose start is one of its `exdates`. More than {@link MAX_OCCURRENCES} in the
 * range is refused with `VALIDATION`. rrule is loaded only for a recurring series.
 *
 * @example
 * ```ts
 * await expandSeries(
 *   { start: '2026-03-23T08:00:00Z', end: '2026-03-23T10:00:00Z', recurrence: 'FREQ=WEEKLY;COUNT=2' },
 *   { start: Date.parse('2026-03-01T00:00:00Z'), end: Date.parse('2026-04-01T00:00:00Z') },
 *   'Europe/Paris',
 * ); // 23 March 08:00Z–10:00Z, then 30 March 07:00Z–09:00Z (summer time)
 * ```
 */
export async function expandSeries(series: Series, range: Interval, zone: string): Promise<Interval[]> {
  const start = Date.parse(series.start);
  const end = Date.parse(series.end);
  if (series.recurrence === null) return start < range.end && end > range.start ? [{ start, end }] : [];
  const { rule, wallLength } = await ruleFor(series, zone);
  // Widen the floating window by the event length plus a day, so no time-zone offset or long
  // event is cut off; the exact overlap test below trims what the widening let in.
  const margin = wallLength + 86_400_000;
  const after = new Date(toFloating(range.start, zone) - margin);
  const before = new Date(toFloating(range.end, zone) + 86_400_000);
  const excluded = new Set((series.exdates ?? []).map((text) => Date.parse(text)));
  const found: Interval[] = [];
  rule.between(after, before, true, (date) => {
    const next = occurrence(date.getTime(), wallLength, zone);
    if (next.start < range.end && next.end > range.start && !excluded.has(next.start)) found.push(next);
    if (found.length > MAX_OCCURRENCES) {
      throw new EngineError('VALIDATION', `more than ${MAX_OCCURRENCES} occurrences in one range`, {
        details: { issues: [{ path: 'recurrence', message: 'too many occurrences', code: 'too_big' }] },
      });
    }
    return true;
  });
  return found;
}

/**
 * The end of the last occurrence of `series` (ISO UTC), or null when it recurs for ever. This is
 * what the calendar stores as `seriesEnd`, so a range query finds every series that can overlap.
 * `exdates` are not taken into account: with the last occurrence cancelled the stored end is
 * later than needed, which only widens the range queries that find the series.
 * A finite rule with more than {@link MAX_OCCURRENCES} occurrences is refused with `VALIDATION`.
 *
 * @example
 * ```ts
 * await seriesEnd({ start: '2026-03-23T08:00:00Z', end: '2026-03-23T10:00:00Z', recurrence: 'FREQ=DAILY;COUNT=3' }, 'UTC');
 * // '2026-03-25T10:00:00.000Z'
 * ```
 */
export async function seriesEnd(series: Series, zone: string): Promise<string | null> {
  if (series.recurrence === null) return new Date(Date.parse(series.end)).toISOString();
  const { rule, wallLength } = await ruleFor(series, zone);
  if (!rule.options.count && !rule.options.until) return null;
  let count = 0;
  let last: Date | undefined;
  rule.all((date) => {
    count += 1;
    last = date;
    return count <= MAX_OCCURRENCES;
  });
  if (count > MAX_OCCURRENCES) {
    throw invalid(series.recurrence, `a series may have at most ${MAX_OCCURRENCES} occurrences`);
  }
  if (!last) throw invalid(series.recurrence, 'the rule has no occurrence');
  return new Date(occurrence(last.getTime(), wallLength, zone).end).toISOString();
}

/**
 * The cancelled occurrences of `series` once its start moves to `newStart` with the same rule:
 * each exdate moves by the same wall-clock shift as the start, so the occurrences cancelled
 * before the move stay cancelled after it (a weekly Monday 09:00 with 6 April cancelled, moved
 * to Tuesday 10:00, has 7 April 10:00 cancelled). Empty when the series does not recur.
 *
 * @example
 * ```ts
 * movedExdates(
 *   { start: '2026-03-30T07:00:00Z', end: '2026-03-30T09:00:00Z', recurrence: 'FREQ=WEEKLY', exdates: ['2026-04-06T07:00:00.000Z'] },
 *   '2026-03-31T08:00:00.000Z',
 *   'Europe/Paris',
 * ); // ['2026-04-07T08:00:00.000Z']
 * ```
 */
export function movedExdates(series: Series, newStart: string, zone: string): string[] {
  const exdates = series.exdates ?? [];
  if (series.recurrence === null || exdates.length === 0) return [];
  const shift = toFloating(Date.parse(newStart), zone) - toFloating(Date.parse(series.start), zone);
  if (shift === 0) return [...exdates];
  return exdates.map((text) =>
    new Date(fromFloating(toFloating(Date.parse(text), zone) + shift, zone)).toISOString(),
  );
}
