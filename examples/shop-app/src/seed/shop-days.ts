const DAY = 86_400_000;

/** One calendar day of the seeded period, in the shop's time zone. */
export interface ShopDay {
  /** `YYYY-MM-DD` in the shop's time zone. */
  date: string;
  /** Days from today (0 is today, negative in the past). */
  offset: number;
  /** The shop is open that weekday. */
  open: boolean;
}

/**
 * The days from `from` to `to` (offsets from today, inclusive) as the shop's calendar in
 * `timeZone` has them, keeping the open weekdays (ISO: 1 Monday … 7 Sunday) and today, open or
 * not, so a demo started on a closed day still has today's jobs.
 *
 * @example
 * ```ts
 * shopDays(Date.parse('2026-11-26T10:00:00Z'), 'Europe/Paris', { from: -1, to: 1, openDays: [1, 2, 3, 4, 5] });
 * // [{ date: '2026-11-25', offset: -1, open: true }, { date: '2026-11-26', offset: 0, open: true }, …]
 * ```
 */
export function shopDays(
  now: number,
  timeZone: string,
  range: { from: number; to: number; openDays: number[] },
): ShopDay[] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  const noon = Date.parse(`${today}T12:00:00Z`);
  const days: ShopDay[] = [];
  for (let offset = range.from; offset <= range.to; offset++) {
    const at = new Date(noon + offset * DAY);
    const open = range.openDays.includes(at.getUTCDay() || 7);
    if (open || offset === 0) days.push({ date: at.toISOString().slice(0, 10), offset, open });
  }
  return days;
}
