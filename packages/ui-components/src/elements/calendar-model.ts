import type { Occurrence } from '@rpma/engine';

/**
 * The views of `<rpma-calendar>`.
 *
 * @example
 * ```ts
 * const view: CalendarView = 'week';
 * ```
 */
export type CalendarView = 'month' | 'week' | 'day' | 'agenda';

/** Every view, in the order the view switcher shows them. */
export const CALENDAR_VIEWS: readonly CalendarView[] = ['month', 'week', 'day', 'agenda'];

/*
 * Dates and times here are the shop's wall-clock values, as `calendar.list` returns them
 * (`localStart`: `2026-03-30T09:00`): a plain date is `YYYY-MM-DD`, a wall time
 * `YYYY-MM-DDTHH:mm`. Arithmetic on them goes through `Date.UTC` as if they were UTC ("floating"
 * time), so adding a day never meets a DST jump and the browser's own time zone never enters.
 */

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * True for a plain date `YYYY-MM-DD` that exists.
 *
 * @example
 * ```ts
 * isPlainDate('2026-02-29'); // false
 * ```
 */
export function isPlainDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
  return date.getUTCMonth() === +match[2]! - 1 && date.getUTCDate() === +match[3]!;
}

/** A plain date or wall time as floating epoch milliseconds. */
function floating(text: string): number {
  const [date = '', time = '00:00'] = text.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return Date.UTC(y!, m! - 1, d!, h ?? 0, mi ?? 0);
}

function dateText(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * A wall time (or plain date) as minutes on a floating clock: differences are wall-clock
 * minutes.
 *
 * @example
 * ```ts
 * wallMinutes('2026-03-30T09:30') - wallMinutes('2026-03-30T09:00'); // 30
 * ```
 */
export function wallMinutes(text: string): number {
  return floating(text) / 60_000;
}

/**
 * The wall time `minutes` (see {@link wallMinutes}) as `YYYY-MM-DDTHH:mm`.
 *
 * @example
 * ```ts
 * wallText(wallMinutes('2026-03-30T23:30') + 60); // '2026-03-31T00:30'
 * ```
 */
export function wallText(minutes: number): string {
  const d = new Date(minutes * 60_000);
  return `${dateText(d.getTime())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * `date` plus `days` (negative: earlier).
 *
 * @example
 * ```ts
 * addDays('2026-03-31', 1); // '2026-04-01'
 * ```
 */
export function addDays(date: string, days: number): string {
  return dateText(floating(date) + days * DAY_MS);
}

/**
 * `date` plus `months`, the day clamped to the target month's length.
 *
 * @example
 * ```ts
 * addMonths('2026-01-31', 1); // '2026-02-28'
 * ```
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dateText(Date.UTC(year, month, Math.min(d!, last)));
}

/**
 * The ISO weekday of a plain date: 1 (Monday) … 7 (Sunday).
 *
 * @example
 * ```ts
 * isoWeekday('2026-03-30'); // 1
 * ```
 */
export function isoWeekday(date: string): number {
  return ((new Date(floating(date)).getUTCDay() + 6) % 7) + 1;
}

/**
 * Days from `a` to `b` (plain dates).
 *
 * @example
 * ```ts
 * daysBetween('2026-03-30', '2026-04-06'); // 7
 * ```
 */
export function daysBetween(a: string, b: string): number {
  return Math.round((floating(b) - floating(a)) / DAY_MS);
}

/**
 * The days a view shows around the anchor `date`: `from` (first day) and `to` (the day after
 * the last), and every day in between. Weeks start on Monday. A month shows the whole weeks
 * that hold its days; the agenda `agendaDays` days from the anchor.
 *
 * @example
 * ```ts
 * viewDays('week', '2026-04-01', 14).from; // '2026-03-30'
 * ```
 */
export function viewDays(
  view: CalendarView,
  date: string,
  agendaDays: number,
): { from: string; to: string; days: string[] } {
  let from = date;
  let count = 1;
  if (view === 'week') {
    from = addDays(date, 1 - isoWeekday(date));
    count = 7;
  } else if (view === 'month') {
    const first = `${date.slice(0, 8)}01`;
    from = addDays(first, 1 - isoWeekday(first));
    const next = addMonths(first, 1);
    count = Math.ceil(daysBetween(from, next) / 7) * 7;
  } else if (view === 'agenda') {
    count = agendaDays;
  }
  const days = Array.from({ length: count }, (_, i) => addDays(from, i));
  return { from, to: addDays(from, count), days };
}

/**
 * The anchor date one step before (`-1`) or after (`1`) `date` in `view`: a month, a week, a
 * day, or the agenda's length.
 *
 * @example
 * ```ts
 * stepDate('month', '2026-03-31', 1, 14); // '2026-04-30'
 * ```
 */
export function stepDate(view: CalendarView, date: string, direction: 1 | -1, agendaDays: number): string {
  switch (view) {
    case 'month':
      return addMonths(date, direction);
    case 'week':
      return addDays(date, 7 * direction);
    case 'day':
      return addDays(date, direction);
    default:
      return addDays(date, agendaDays * direction);
  }
}

/**
 * The part of one occurrence that falls on one day, in minutes from that day's midnight (wall
 * clock): a booking from 16:00 to 10:00 the next day is two segments, 960–1440 and 0–600.
 *
 * @example
 * ```ts
 * const s: DaySegment = { occurrence, date: '2026-03-30', startMinute: 540, endMinute: 660, first: true, last: true };
 * ```
 */
export interface DaySegment {
  occurrence: Occurrence;
  date: string;
  startMinute: number;
  endMinute: number;
  /** The segment holds the occurrence's start. */
  first: boolean;
  /** The segment holds the occurrence's end. */
  last: boolean;
}

/**
 * The occurrences cut into day segments and grouped by day, for the days in `[from, to)`,
 * each day's segments in start order. One pass over the occurrences and the days each one
 * spans (at most 31), so a busy month costs what it holds, not events × days.
 *
 * @example
 * ```ts
 * const byDay = segmentsByDay(occurrences, '2026-03-30', '2026-04-06');
 * byDay.get('2026-03-30'); // DaySegment[]
 * ```
 */
export function segmentsByDay(
  occurrences: readonly Occurrence[],
  from: string,
  to: string,
): Map<string, DaySegment[]> {
  const byDay = new Map<string, DaySegment[]>();
  const first = wallMinutes(from);
  const stop = wallMinutes(to);
  for (const occurrence of occurrences) {
    const start = wallMinutes(occurrence.localStart);
    const end = Math.max(wallMinutes(occurrence.localEnd), start + 1);
    let day = Math.max(Math.floor(start / 1440) * 1440, first);
    for (; day < end && day < stop; day += 1440) {
      const date = wallText(day).slice(0, 10);
      const segment: DaySegment = {
        occurrence,
        date,
        startMinute: Math.max(start - day, 0),
        endMinute: Math.min(end - day, 1440),
        first: start >= day,
        last: end <= day + 1440,
      };
      const list = byDay.get(date);
      if (list) list.push(segment);
      else byDay.set(date, [segment]);
    }
  }
  for (const list of byDay.values()) {
    list.sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
  }
  return byDay;
}

/**
 * Side-by-side columns for one day's overlapping segments (start-ordered, as
 * {@link segmentsByDay} gives them): each segment's `lane` and the number of `lanes` of the
 * group of segments it overlaps with. A sweep, n log n.
 *
 * @example
 * ```ts
 * layoutLanes(segments).get(segments[1]); // { lane: 1, lanes: 2 }
 * ```
 */
export function layoutLanes(
  segments: readonly DaySegment[],
): Map<DaySegment, { lane: number; lanes: number }> {
  const placed = new Map<DaySegment, { lane: number; lanes: number }>();
  let group: Array<{ lane: number; lanes: number }> = [];
  let laneEnds: number[] = [];
  let groupEnd = -1;
  const close = () => {
    for (const slot of group) slot.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const segment of segments) {
    if (segment.startMinute >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= segment.startMinute);
    if (lane === -1) lane = laneEnds.push(segment.endMinute) - 1;
    else laneEnds[lane] = segment.endMinute;
    const slot = { lane, lanes: 1 };
    group.push(slot);
    placed.set(segment, slot);
    groupEnd = Math.max(groupEnd, segment.endMinute);
  }
  close();
  return placed;
}

/**
 * Where a move puts an event, as wall times in the shop's zone: the occurrence moved so it starts
 * at `newStart`, keeping its wall-clock length; for a recurring event the whole series moves by
 * the same wall-clock shift, so `seriesStart` / `seriesEnd` (the event's own first occurrence,
 * `calendar.reschedule`'s `start` and `end`) follow.
 *
 * @example
 * ```ts
 * moveTimes({ localStart: '2026-04-06T09:00', localEnd: '2026-04-06T11:00' }, '2026-04-07T10:00',
 *   { localStart: '2026-03-23T09:00', localEnd: '2026-03-23T11:00' });
 * // { start: '2026-04-07T10:00', end: '2026-04-07T12:00', seriesStart: '2026-03-24T10:00', seriesEnd: '2026-03-24T12:00' }
 * ```
 */
export function moveTimes(
  occurrence: Pick<Occurrence, 'localStart' | 'localEnd'>,
  newStart: string,
  series: { localStart: string; localEnd: string } = occurrence,
): { start: string; end: string; seriesStart: string; seriesEnd: string } {
  const shift = wallMinutes(newStart) - wallMinutes(occurrence.localStart);
  const moved = (text: string) => wallText(wallMinutes(text) + shift);
  return {
    start: moved(occurrence.localStart),
    end: moved(occurrence.localEnd),
    seriesStart: moved(series.localStart),
    seriesEnd: moved(series.localEnd),
  };
}

/**
 * The hours a time grid shows: from the opening hour (or the earliest start among `segments`,
 * whichever is earlier) to the closing hour (or the latest end), in whole hours, as minutes
 * from midnight. Only real starts and ends count: the part of an overnight booking that runs on
 * from the day before (or into the next day) is cut at the grid's edge rather than stretching
 * the grid to midnight.
 *
 * @example
 * ```ts
 * gridHours({ open: '08:00', close: '18:00' }, []); // { first: 480, last: 1080 }
 * ```
 */
export function gridHours(
  hours: { open: string; close: string },
  segments: Iterable<DaySegment>,
): { first: number; last: number } {
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  let first = toMinutes(hours.open);
  let last = toMinutes(hours.close);
  for (const segment of segments) {
    if (segment.first) first = Math.min(first, segment.startMinute);
    if (segment.last) last = Math.max(last, segment.endMinute);
  }
  return { first: Math.floor(first / 60) * 60, last: Math.min(Math.ceil(last / 60) * 60, 1440) };
}
