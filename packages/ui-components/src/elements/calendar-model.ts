import { wallTimeAt } from '@rpma/engine';

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

/**
 * The view a `view` attribute asks for, `week` when it names none.
 *
 * @example
 * ```ts
 * shownView('year'); // 'week'
 * ```
 */
export function shownView(view: string): CalendarView {
  return (CALENDAR_VIEWS as readonly string[]).includes(view) ? (view as CalendarView) : 'week';
}

/**
 * The agenda's length from its `agenda-days` attribute: a whole number of days, 1–366 (14 when
 * it is not a number).
 *
 * @example
 * ```ts
 * agendaLength(1000); // 366
 * ```
 */
export function agendaLength(days: number): number {
  return Math.min(Math.max(Math.round(days) || 14, 1), 366);
}

/**
 * A time slot's length from the `slot-minutes` attribute: whole minutes, 5–120 (30 when it is
 * not a number).
 *
 * @example
 * ```ts
 * slotLength(2); // 5
 * ```
 */
export function slotLength(minutes: number): number {
  return Math.min(Math.max(Math.round(minutes) || 30, 5), 120);
}

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
 * A UTC instant as the wall time `YYYY-MM-DDTHH:mm` in the time zone `zone`.
 *
 * @example
 * ```ts
 * localWall('2026-03-30T07:00:00.000Z', 'Europe/Paris'); // '2026-03-30T09:00'
 * ```
 */
export function localWall(iso: string, zone: string): string {
  const w = wallTimeAt(Date.parse(iso), zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
