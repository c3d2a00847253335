import type { Occurrence } from '@rpma/engine';
import { wallMinutes, wallText } from './calendar-model.js';

/*
 * How `<rpma-calendar>` lays out the occurrences of a period on its views: cut into day
 * segments, placed side by side when they overlap, the hours a time grid shows, and the times of
 * a move. Wall times as in `calendar-model.ts` (the shop's wall clock, floating arithmetic).
 */

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
