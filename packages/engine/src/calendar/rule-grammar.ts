/**
 * The RRULE subset the calendar accepts. rrule iterates period by period until a rule yields a
 * date or reaches the year 9999, so a rule that can never match (`FREQ=DAILY;BYMONTH=2;
 * BYMONTHDAY=30`) costs tens of seconds of CPU. Shop calendars need far less than RFC 5545, so
 * only parts that always match within a year are allowed.
 */
const PARTS: Readonly<Record<string, readonly string[]>> = {
  DAILY: ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTH', 'WKST'],
  WEEKLY: ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'WKST'],
  MONTHLY: ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'WKST'],
  YEARLY: ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTH', 'BYMONTHDAY', 'WKST'],
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const WEEKDAY = /^([+-]?[1-4])?(MO|TU|WE|TH|FR|SA|SU)$/;
const LAST_WEEKDAY = /^-1(MO|TU|WE|TH|FR|SA|SU)$/;

function numbers(value: string | undefined): number[] {
  return value ? value.split(',').map(Number) : [];
}

/**
 * Why `body` (an upper-case RRULE without `RRULE:`) is outside the accepted subset, or undefined
 * when it is inside: FREQ DAILY/WEEKLY/MONTHLY/YEARLY; BYDAY with an ordinal (1–4 or -1) only
 * monthly or yearly; BYMONTHDAY (±1–31) monthly or yearly, and yearly only on a day some given
 * month has; BYMONTH daily or yearly; no BYSETPOS, BYYEARDAY, BYWEEKNO, BYHOUR, BYMINUTE, BYSECOND.
 *
 * @example
 * ```ts
 * ruleProblem('FREQ=WEEKLY;BYDAY=MO,WE'); // undefined
 * ruleProblem('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'); // 'no month of BYMONTH has day 30'
 * ```
 */
export function ruleProblem(body: string): string | undefined {
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined) return `"${part}" is not NAME=VALUE`;
    parts.set(key, value);
  }
  const freq = parts.get('FREQ') ?? '';
  const allowed = PARTS[freq];
  if (!allowed) return 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY';
  const extra = [...parts.keys()].filter((key) => !allowed.includes(key));
  if (extra.length > 0) return `${extra.join(', ')} not supported with FREQ=${freq}`;
  const ordinals = freq === 'MONTHLY' || freq === 'YEARLY';
  for (const day of (parts.get('BYDAY') ?? '').split(',').filter(Boolean)) {
    const match = WEEKDAY.exec(day) ?? LAST_WEEKDAY.exec(day);
    if (!match) return `BYDAY "${day}" must be a weekday, optionally with an ordinal 1–4 or -1`;
    if (day.length > 2 && !ordinals) return `BYDAY ordinals like "${day}" need FREQ=MONTHLY or YEARLY`;
  }
  const monthDays = numbers(parts.get('BYMONTHDAY'));
  if (monthDays.some((d) => !Number.isInteger(d) || d === 0 || Math.abs(d) > 31)) {
    return 'BYMONTHDAY must be between 1 and 31 (or -1 and -31)';
  }
  const months = numbers(parts.get('BYMONTH'));
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) return 'BYMONTH must be between 1 and 12';
  if (freq === 'YEARLY' && months.length > 0) {
    for (const day of monthDays) {
      if (!months.some((m) => Math.abs(day) <= DAYS_IN_MONTH[m - 1]!))
        return `no month of BYMONTH has day ${day}`;
    }
  }
  return undefined;
}
