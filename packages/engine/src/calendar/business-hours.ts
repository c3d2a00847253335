import type { Interval } from './recurrence-rules.js';
import { type WallTime, wallTimeAt } from './time-zone.js';

/**
 * Opening days (ISO weekdays, 1 = Monday … 7 = Sunday) and hours (`HH:MM`, wall clock in the
 * organisation's zone), the shape of the `businessHours` setting.
 *
 * @example
 * ```ts
 * const hours: BusinessHours = { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' };
 * ```
 */
export interface BusinessHours {
  days: readonly number[];
  open: string;
  close: string;
}

/**
 * An occurrence outside business hours and why.
 *
 * @example
 * ```ts
 * const v: HoursViolation = { start: '2026-03-28T08:00:00.000Z', end: '…', reason: 'starts on a closed day' };
 * ```
 */
export interface HoursViolation {
  start: string;
  end: string;
  reason: string;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function minuteOfDay(wall: WallTime): number {
  return wall.hour * 60 + wall.minute + wall.second / 60;
}

/**
 * Checks occurrences against the business hours, in the organisation's `zone` (so 08:00 means
 * 08:00 on the workshop clock, summer or winter). An occurrence must start on an open day at or
 * after opening and before closing, and end on an open day after opening and at or before
 * closing. A booking spanning several days (a full-body wrap that stays in the bay overnight)
 * passes when its start and end both fall within opening hours.
 *
 * @example
 * ```ts
 * outsideBusinessHours(
 *   [{ start: Date.parse('2026-03-30T05:00:00Z'), end: Date.parse('2026-03-30T07:00:00Z') }],
 *   { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' },
 *   'Europe/Paris',
 * ); // [{ …, reason: 'starts at 07:00, before opening at 08:00' }]
 * ```
 */
export function outsideBusinessHours(
  occurrences: readonly Interval[],
  hours: BusinessHours,
  zone: string,
): HoursViolation[] {
  const violations: HoursViolation[] = [];
  for (const occurrence of occurrences) {
    const reason =
      startProblem(wallTimeAt(occurrence.start, zone), hours) ??
      endProblem(wallTimeAt(occurrence.end, zone), hours);
    if (reason) {
      violations.push({
        start: new Date(occurrence.start).toISOString(),
        end: new Date(occurrence.end).toISOString(),
        reason,
      });
    }
  }
  return violations;
}

const clock = (wall: WallTime) =>
  `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;

function startProblem(wall: WallTime, hours: BusinessHours): string | undefined {
  if (!hours.days.includes(wall.weekday)) return 'starts on a closed day';
  const at = minuteOfDay(wall);
  const open = minutes(hours.open);
  const close = minutes(hours.close);
  if (at < open) return `starts at ${clock(wall)}, before opening at ${hours.open}`;
  if (at >= close) return `starts at ${clock(wall)}, at or after closing at ${hours.close}`;
  return undefined;
}

function endProblem(wall: WallTime, hours: BusinessHours): string | undefined {
  if (!hours.days.includes(wall.weekday)) return 'ends on a closed day';
  const at = minuteOfDay(wall);
  const open = minutes(hours.open);
  const close = minutes(hours.close);
  if (at <= open) return `ends at ${clock(wall)}, at or before opening at ${hours.open}`;
  if (at > close) return `ends at ${clock(wall)}, after closing at ${hours.close}`;
  return undefined;
}
