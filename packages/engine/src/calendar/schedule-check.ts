import { EngineError } from '../kernel/engine-error.js';
import type { ReadTransaction, Where } from '../storage/contract.js';
import { type BusinessHours, type HoursViolation, outsideBusinessHours } from './business-hours.js';
import type { CalendarEventDoc, CalendarEventKind, ScheduleOverride } from './calendar-event.js';
import { type Booking, type ConflictResource, findOverlaps } from './conflicts.js';
import { expandSeries, type Interval, type Series, seriesEnd } from './recurrence-rules.js';

/** How far ahead an open-ended series is checked for conflicts: one year and a day. */
const OPEN_SERIES_HORIZON_MS = 366 * 86_400_000;

/**
 * A booking being made or moved, before it is stored. `eventId` is set when an existing event
 * is rescheduled, so its own occurrences do not count against it.
 *
 * @example
 * ```ts
 * const draft: ScheduleDraft = { kind: 'appointment', start: '2026-03-30T07:00:00.000Z', end: '2026-03-30T09:00:00.000Z',
 *   technicianId: 'u-2', bayId: null, recurrence: null };
 * ```
 */
export interface ScheduleDraft extends Series {
  eventId?: string;
  kind: CalendarEventKind;
  technicianId: string | null;
  bayId: string | null;
}

/**
 * An existing occurrence a booking would overlap on the same technician or bay.
 *
 * @example
 * ```ts
 * const c: ScheduleConflict = { eventId: 'e1', title: 'Time off', kind: 'time_off', resource: 'technician',
 *   resourceId: 'u-2', start: '2026-03-30T07:00:00.000Z', end: '2026-03-30T16:00:00.000Z' };
 * ```
 */
export interface ScheduleConflict {
  eventId: string;
  title: string;
  kind: CalendarEventKind;
  resource: ConflictResource;
  resourceId: string;
  start: string;
  end: string;
}

/**
 * What a booking would run into: double bookings and times outside business hours.
 *
 * @example
 * ```ts
 * const report = await inspectSchedule(tx, draft, settings);
 * if (report.conflicts.length > 0) showConflicts(report.conflicts);
 * ```
 */
export interface ScheduleReport {
  conflicts: ScheduleConflict[];
  outsideHours: HoursViolation[];
}

/**
 * Every booked (not cancelled, not deleted) event matching `where` that has an occurrence able
 * to overlap `[range.start, range.end)`, read page by page.
 *
 * @example
 * ```ts
 * const events = await eventsOverlapping(tx, range, { technicianId: 'u-2' });
 * ```
 */
export async function eventsOverlapping(
  tx: ReadTransaction,
  range: Interval,
  where: Where,
  includeCancelled = false,
): Promise<CalendarEventDoc[]> {
  const from = new Date(range.start).toISOString();
  const to = new Date(range.end).toISOString();
  const clauses: Where[] = [
    { start: { lt: to } },
    { or: [{ seriesEnd: { gt: from } }, { seriesEnd: { isNull: true } }] },
    where,
  ];
  if (!includeCancelled) clauses.push({ status: 'booked' });
  const found: CalendarEventDoc[] = [];
  let after: string | undefined;
  do {
    const page = await tx.find<CalendarEventDoc>('calendarEvents', {
      where: { and: clauses },
      orderBy: [{ field: 'start' }],
      limit: 1000,
      ...(after ? { after } : {}),
    });
    found.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  return found;
}

async function horizon(draft: ScheduleDraft, zone: string): Promise<Interval> {
  const start = Date.parse(draft.start);
  const last = await seriesEnd(draft, zone);
  return { start, end: last === null ? start + OPEN_SERIES_HORIZON_MS : Date.parse(last) };
}

/**
 * Checks a booking against the calendar and the business hours, reading nothing but the events
 * that hold its technician or bay in its time span. Recurring events on either side are
 * expanded in the organisation's `zone`; an open-ended series is checked over its first
 * {@link OPEN_SERIES_HORIZON_MS}. Time off is never outside business hours.
 *
 * @example
 * ```ts
 * const report = await inspectSchedule(ctx.tx, draft, { timeZone: 'Europe/Paris', businessHours });
 * ```
 */
export async function inspectSchedule(
  tx: ReadTransaction,
  draft: ScheduleDraft,
  settings: { timeZone: string; businessHours: BusinessHours },
): Promise<ScheduleReport> {
  const zone = settings.timeZone;
  const window = await horizon(draft, zone);
  const wanted = (await expandSeries(draft, window, zone)).map((o) => booking(draft.eventId ?? '', draft, o));
  const outsideHours =
    draft.kind === 'time_off' ? [] : outsideBusinessHours(wanted, settings.businessHours, zone);
  const holders: Where[] = [];
  if (draft.technicianId !== null) holders.push({ technicianId: draft.technicianId });
  if (draft.bayId !== null) holders.push({ bayId: draft.bayId });
  if (holders.length === 0 || wanted.length === 0) return { conflicts: [], outsideHours };
  const events = await eventsOverlapping(tx, window, { or: holders });
  const byId = new Map(events.map((e) => [e.id, e]));
  const expanded = await Promise.all(events.map((e) => expandSeries(e, window, zone)));
  const existing = events.flatMap((e, i) => (expanded[i] ?? []).map((o) => booking(e.id, e, o)));
  const conflicts = findOverlaps(wanted, existing).map(({ resource, resourceId, existing: hit }) => {
    const event = byId.get(hit.eventId)!;
    return {
      eventId: event.id,
      title: event.title,
      kind: event.kind,
      resource,
      resourceId,
      start: new Date(hit.start).toISOString(),
      end: new Date(hit.end).toISOString(),
    };
  });
  return { conflicts: unique(conflicts), outsideHours };
}

function booking(
  eventId: string,
  holder: Pick<ScheduleDraft, 'technicianId' | 'bayId'>,
  o: Interval,
): Booking {
  return { eventId, technicianId: holder.technicianId, bayId: holder.bayId, start: o.start, end: o.end };
}

function unique(conflicts: ScheduleConflict[]): ScheduleConflict[] {
  const seen = new Set<string>();
  return conflicts.filter((c) => {
    const key = `${c.eventId}|${c.resource}|${c.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Refuses a booking the report finds a problem with — `CONFLICT` naming the events it
 * double-books, or `PRECONDITION` naming the occurrences outside business hours — unless
 * `override` is true, in which case it returns what was overridden (stored on the event, so the
 * audit row records it). Returns null when there was nothing to override.
 *
 * @example
 * ```ts
 * const override = enforceSchedule(report, input.override ?? false, ctx.principal.userId, ctx.now);
 * ```
 */
export function enforceSchedule(
  report: ScheduleReport,
  override: boolean,
  by: string,
  at: string,
): ScheduleOverride | null {
  const { conflicts, outsideHours } = report;
  if (conflicts.length === 0 && outsideHours.length === 0) return null;
  if (override) {
    const ids = [...new Set(conflicts.map((c) => c.eventId))];
    return { conflicts: ids, outsideHours: outsideHours.length > 0, by, at };
  }
  if (conflicts.length > 0) {
    const names = [...new Set(conflicts.map((c) => `"${c.title}" (${c.eventId})`))].join(', ');
    throw new EngineError('CONFLICT', `double booking with ${names}; pass override: true to book anyway`, {
      details: { conflicts, outsideHours },
    });
  }
  const first = outsideHours[0]!;
  throw new EngineError(
    'PRECONDITION',
    `outside business hours: ${first.reason}; pass override: true to book anyway`,
    { details: { outsideHours } },
  );
}
