import { EngineError } from '../kernel/engine-error.js';

/**
 * A wall-clock time in some time zone: what a clock on the workshop wall shows.
 * `weekday` is 1 (Monday) … 7 (Sunday), as ISO 8601.
 *
 * @example
 * ```ts
 * const nine: WallTime = { year: 2026, month: 3, day: 30, hour: 9, minute: 0, second: 0, weekday: 1 };
 * ```
 */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, found);
  }
  return found;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * True when `zone` is an IANA time zone the platform's Intl knows (`Europe/Paris`, `UTC`).
 *
 * @example
 * ```ts
 * isTimeZone('Europe/Paris'); // true
 * isTimeZone('Mars/Olympus'); // false
 * ```
 */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock time in `zone` at the UTC instant `epochMs`.
 *
 * @example
 * ```ts
 * wallTimeAt(Date.parse('2026-07-01T07:00:00Z'), 'Europe/Paris'); // { hour: 9, … } (summer, UTC+2)
 * ```
 */
export function wallTimeAt(epochMs: number, zone: string): WallTime {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(zone).formatToParts(new Date(epochMs));
  } catch (error) {
    throw new EngineError('VALIDATION', `unknown time zone ${zone}`, { details: { zone }, cause: error });
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

/**
 * A wall time read as if it were UTC: the "floating" form recurrence rules and wall-clock
 * arithmetic work on (adding one day to it never meets a DST jump).
 *
 * @example
 * ```ts
 * floatingMs({ year: 2026, month: 3, day: 29, hour: 9, minute: 0, second: 0, weekday: 7 });
 * // Date.parse('2026-03-29T09:00:00Z')
 * ```
 */
export function floatingMs(wall: Omit<WallTime, 'weekday'>): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/**
 * The floating form of the UTC instant `epochMs` in `zone` (see {@link floatingMs}).
 *
 * @example
 * ```ts
 * toFloating(Date.parse('2026-07-01T07:00:00Z'), 'Europe/Paris') === Date.parse('2026-07-01T09:00:00Z'); // true
 * ```
 */
export function toFloating(epochMs: number, zone: string): number {
  const wall = wallTimeAt(epochMs, zone);
  return floatingMs(wall) + (epochMs - Math.floor(epochMs / 1000) * 1000);
}

/** The offset of `zone` from UTC at `epochMs`, in milliseconds (Paris in summer: +7 200 000). */
function offsetAt(epochMs: number, zone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return floatingMs(wallTimeAt(whole, zone)) - whole;
}

/**
 * The UTC instant at which the clocks of `zone` show the floating wall time `floating`.
 * DST is resolved as RFC 5545 and Temporal's `'compatible'` do: a wall time skipped by a
 * spring-forward gap (02:30 in Paris on the last Sunday of March) moves forward by the gap
 * (03:30); a wall time that happens twice in the autumn takes the earlier instant.
 *
 * @example
 * ```ts
 * fromFloating(Date.parse('2026-03-30T09:00:00Z'), 'Europe/Paris'); // Date.parse('2026-03-30T07:00:00Z')
 * ```
 */
export function fromFloating(floating: number, zone: string): number {
  const early = floating - offsetAt(floating - 86_400_000, zone);
  if (toFloating(early, zone) === floating) return early;
  const late = floating - offsetAt(floating + 86_400_000, zone);
  if (toFloating(late, zone) === floating) return late;
  return early;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * Reads an instant given by a caller: an ISO-8601 string with `Z` or an offset is an absolute
 * instant; one without (`2026-03-30T09:00`) is a wall time in the organisation's `zone`.
 * Returns epoch milliseconds, or undefined when the text is neither.
 *
 * @example
 * ```ts
 * parseInstant('2026-03-30T09:00', 'Europe/Paris'); // Date.parse('2026-03-30T07:00:00Z')
 * parseInstant('2026-03-30T09:00:00+02:00', 'UTC'); // the same instant
 * ```
 */
export function parseInstant(text: string, zone: string): number | undefined {
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s, ms] = local;
    const wall = { year: +y!, month: +mo!, day: +d!, hour: +h!, minute: +mi!, second: +(s ?? 0) };
    const floating = floatingMs(wall);
    const check = new Date(floating);
    if (check.getUTCMonth() + 1 !== wall.month || check.getUTCDate() !== wall.day || wall.hour > 23) {
      return undefined;
    }
    return fromFloating(floating, zone) + Number((ms ?? '0').padEnd(3, '0'));
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}
