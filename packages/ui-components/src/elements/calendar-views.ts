import { msg, str } from '@lit/localize';
import type { CalendarEventDoc, Occurrence, ScheduleConflict, ScheduleReport } from '@rpma/engine';
import { html, nothing, type ReactiveController } from 'lit';
import { styleProps } from '../base/style-props.js';
import { ActionController } from '../controllers/action-controller.js';
import type { EngineQueryController } from '../controllers/engine-query-controller.js';
import { shopFor } from '../controllers/engine-query-controller.js';
import { renderError } from '../errors/error-text.js';
import { getRpmaLocale } from '../i18n/localization.js';
import {
  type CalendarData,
  type CalendarEventMovedDetail,
  type CalendarEventSelectDetail,
  type CalendarNavigateDetail,
  type CalendarResource,
  type CalendarSlotSelectDetail,
  calendarKindLabel,
  type RpmaCalendar,
} from './calendar.js';
import { type DaySegment, gridHours, layoutLanes, moveTimes, segmentsByDay } from './calendar-layout.js';
import {
  addDays,
  agendaLength,
  CALENDAR_VIEWS,
  type CalendarView,
  isoWeekday,
  isPlainDate,
  localWall,
  shownView,
  slotLength,
  stepDate,
  viewDays,
  wallMinutes,
  wallText,
} from './calendar-model.js';

export { calendarStyles } from './calendar.styles.js';

/** A move on its way: checked, waiting for a decision, being saved, or refused. */
interface PendingMove {
  occurrence: Occurrence;
  start: string;
  end: string;
  phase: 'checking' | 'confirm' | 'saving' | 'failed';
  event?: CalendarEventDoc;
  series?: { start: string; end: string };
  report?: ScheduleReport;
}

const occurrenceKey = (o: Occurrence) => `${o.eventId}|${o.start}`;
const pad = (n: number) => String(n).padStart(2, '0');
const formats = new Map<string, Intl.DateTimeFormat>();

function format(options: Intl.DateTimeFormatOptions, timeZone = 'UTC'): Intl.DateTimeFormat {
  const locale = getRpmaLocale();
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, found);
  }
  return found;
}

/** A plain date or wall time, formatted in the current locale (read as floating time). */
function wall(text: string, options: Intl.DateTimeFormatOptions): string {
  return format(options).format(new Date(wallMinutes(text) * 60_000));
}

const DAY_LONG: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** `09:00–11:00`, or with dates when the range spans days. */
function wallRange(start: string, end: string): string {
  if (start.slice(0, 10) === end.slice(0, 10) || end === `${addDays(start.slice(0, 10), 1)}T00:00`) {
    return `${wall(start, TIME)}–${wall(end, TIME)}`;
  }
  const dated = { day: 'numeric', month: 'short', ...TIME } as const;
  return `${wall(start, dated)} – ${wall(end, dated)}`;
}

/** A wall-time interval with its day: `Monday, March 23, 9:00 AM–12:00 PM`. */
function wallWhen(start: string, end: string): string {
  return `${wall(start, DAY_LONG)}, ${wallRange(start, end)}`;
}

/** What the views show besides the data: selection, move, drag, focus, announcement. */
interface ViewState {
  selectedKey: string | undefined;
  move: PendingMove | undefined;
  moveForm: boolean;
  dragging: Occurrence | undefined;
  dropTarget: string | undefined;
  focusDay: string | undefined;
  announcement: string;
}

/**
 * The rendering and the interactions of `<rpma-calendar>`, loaded on its first render (see
 * `RpmaCalendar`): the toolbar, the month, week, day and agenda views, the selected event, and
 * the move flow (drag and drop, the Move… form, Alt+arrows, the conflict check and the
 * warning). One instance per calendar; it re-renders its host whenever its own state changes.
 *
 * @example
 * ```ts
 * const views = new CalendarViews(calendar, data, (type, detail) => calendar.dispatchEvent(
 *   new CustomEvent(type, { detail, bubbles: true, composed: true })));
 * render(views.render(), calendar.renderRoot);
 * ```
 */
export class CalendarViews implements ReactiveController {
  private readonly moving: ActionController;
  private readonly ui: ViewState;
  private pendingFocus: string | undefined;
  /** What the filters let through, by day; recomputed only when the data or a filter changes. */
  private shown: { data: CalendarData; filter: string; byDay: Map<string, DaySegment[]> } | undefined;

  constructor(
    private readonly host: RpmaCalendar,
    private readonly data: EngineQueryController<CalendarData>,
    private readonly emit: <T>(type: string, detail: T) => void,
  ) {
    this.moving = new ActionController(host);
    const state: ViewState = {
      selectedKey: undefined,
      move: undefined,
      moveForm: false,
      dragging: undefined,
      dropTarget: undefined,
      focusDay: undefined,
      announcement: '',
    };
    // every change of the views' own state re-renders the calendar, as Lit's @state would
    this.ui = new Proxy(state, {
      set: (target, key, value) => {
        const changed = !Object.is(Reflect.get(target, key), value);
        Reflect.set(target, key, value);
        if (changed) host.requestUpdate();
        return true;
      },
    });
    host.addController(this);
  }

  /** Focuses the day cell asked for once the month holding it is the one rendered. */
  hostUpdated(): void {
    const day = this.pendingFocus;
    const data = this.data.value;
    if (!day || data?.view !== 'month' || data.anchor.slice(0, 7) !== day.slice(0, 7)) return;
    this.pendingFocus = undefined;
    this.host.renderRoot.querySelector<HTMLElement>(`td[data-date="${day}"]`)?.focus();
  }

  /** The shown segments of each day: the period's occurrences the filters let through. */
  private byDay(): Map<string, DaySegment[]> {
    const data = this.data.value;
    if (!data) return new Map();
    const { technicianId, bayId } = this.host;
    const filter = `${technicianId}|${bayId}`;
    if (this.shown?.data !== data || this.shown.filter !== filter) {
      const occurrences = data.occurrences.filter(
        (o) => (!technicianId || o.technicianId === technicianId) && (!bayId || o.bayId === bayId),
      );
      this.shown = { data, filter, byDay: segmentsByDay(occurrences, data.range.from, data.range.to) };
    }
    return this.shown.byDay;
  }

  /** The toolbar, the view of the period, the selected event and the move on its way. */
  render() {
    const data = this.data.value;
    return html`
      ${this.renderToolbar(data)}
      ${data ? html`<p class="zone muted">${msg(str`Times in ${data.zone}`)}</p>` : nothing}
      ${renderError(this.data.error)}
      ${this.renderMove(data)} ${this.renderDetails(data)}
      <div
        aria-busy=${this.data.loading}
        @keydown=${this.onKeydown}
      >
        ${data ? this.renderView(data) : html`<p class="muted">${msg('Loading the calendar…')}</p>`}
      </div>
      <p class="visually-hidden" role="status" part="status">${this.ui.announcement}</p>
    `;
  }

  private renderToolbar(data: CalendarData | undefined) {
    const view = shownView(this.host.view);
    return html`<div class="toolbar" part="toolbar">
      <div class="group">
        <button type="button" aria-label=${this.stepLabel(-1)} @click=${() => this.step(-1)}>‹</button>
        <button type="button" @click=${this.goToday}>${msg('Today')}</button>
        <button type="button" aria-label=${this.stepLabel(1)} @click=${() => this.step(1)}>›</button>
      </div>
      <h2 id="title" aria-live="polite">${data ? this.heading(data) : ''}</h2>
      <div class="group" role="group" aria-label=${msg('View')}>
        ${CALENDAR_VIEWS.map(
          (v) =>
            html`<button type="button" aria-pressed=${v === view} data-view=${v} @click=${() => this.setView(v)}>
              ${this.viewLabel(v)}
            </button>`,
        )}
      </div>
      <div class="group" part="filters">
        <label>
          <span>${msg('Technician')}</span>
          <select data-filter="technician" @change=${this.onTechnician}>
            <option value="" ?selected=${!this.host.technicianId}>${msg('All technicians')}</option>
            ${this.options('technicianId', this.host.technicians, this.host.technicianId).map(
              (r) =>
                html`<option value=${r.id} ?selected=${r.id === this.host.technicianId}>${r.name}</option>`,
            )}
          </select>
        </label>
        <label>
          <span>${msg('Bay')}</span>
          <select data-filter="bay" @change=${this.onBay}>
            <option value="" ?selected=${!this.host.bayId}>${msg('All bays')}</option>
            ${this.options('bayId', this.host.bays, this.host.bayId).map(
              (r) => html`<option value=${r.id} ?selected=${r.id === this.host.bayId}>${r.name}</option>`,
            )}
          </select>
        </label>
      </div>
    </div>`;
  }

  /** The filter's choices: the named resources, then any other id the period's events hold. */
  private options(
    field: 'technicianId' | 'bayId',
    named: readonly CalendarResource[],
    current: string,
  ): CalendarResource[] {
    const seen = new Map(named.map((r) => [r.id, r]));
    const extra = new Set<string>();
    for (const o of this.data.value?.occurrences ?? []) {
      const id = o[field];
      if (id && !seen.has(id)) extra.add(id);
    }
    if (current && !seen.has(current)) extra.add(current);
    return [...named, ...[...extra].sort().map((id) => ({ id, name: id }))];
  }

  private nameOf(id: string | null, named: readonly CalendarResource[]): string | null {
    if (id === null) return null;
    return named.find((r) => r.id === id)?.name ?? id;
  }

  private heading(data: CalendarData): string {
    switch (data.view) {
      case 'month':
        return wall(data.anchor, { month: 'long', year: 'numeric' });
      case 'day':
        return wall(data.anchor, { ...DAY_LONG, year: 'numeric' });
      default: {
        const last = addDays(data.range.to, -1);
        const short = { day: 'numeric', month: 'short', year: 'numeric' } as const;
        return `${wall(data.range.from, short)} – ${wall(last, short)}`;
      }
    }
  }

  private viewLabel(view: CalendarView): string {
    switch (view) {
      case 'month':
        return msg('Month');
      case 'week':
        return msg('Week');
      case 'day':
        return msg('Day');
      default:
        return msg('Agenda');
    }
  }

  private stepLabel(direction: 1 | -1): string {
    switch (shownView(this.host.view)) {
      case 'month':
        return direction < 0 ? msg('Previous month') : msg('Next month');
      case 'day':
        return direction < 0 ? msg('Previous day') : msg('Next day');
      case 'week':
        return direction < 0 ? msg('Previous week') : msg('Next week');
      default:
        return direction < 0 ? msg('Earlier') : msg('Later');
    }
  }

  private renderView(data: CalendarData) {
    switch (data.view) {
      case 'month':
        return this.renderMonth(data);
      case 'agenda':
        return this.renderAgenda(data);
      default:
        return this.renderTimeGrid(data);
    }
  }

  // ——— month ———

  private renderMonth(data: CalendarData) {
    const byDay = this.byDay();
    const month = data.anchor.slice(0, 7);
    const focus =
      this.ui.focusDay && data.range.days.includes(this.ui.focusDay) ? this.ui.focusDay : data.anchor;
    const weeks: string[][] = [];
    for (let i = 0; i < data.range.days.length; i += 7) weeks.push(data.range.days.slice(i, i + 7));
    return html`<table class="month" role="grid" part="grid" aria-labelledby="title">
      <thead>
        <tr>
          ${weeks[0]!.map(
            (day) =>
              html`<th scope="col" abbr=${wall(day, { weekday: 'long' })}>${wall(day, { weekday: 'short' })}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${weeks.map(
          (week) => html`<tr>
            ${week.map((day) => this.renderMonthCell(data, day, byDay.get(day) ?? [], month, focus))}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderMonthCell(
    data: CalendarData,
    day: string,
    segments: DaySegment[],
    month: string,
    focus: string,
  ) {
    const classes = [day.slice(0, 7) === month ? '' : 'outside', day === data.today ? 'today' : ''];
    if (this.ui.dropTarget === day) classes.push('target');
    const visible = segments.slice(0, Math.max(1, this.host.maxPerDay));
    const hidden = segments.length - visible.length;
    return html`<td
      role="gridcell"
      part="day"
      class=${classes.join(' ')}
      data-date=${day}
      tabindex=${day === focus ? 0 : -1}
      aria-current=${day === data.today ? 'date' : nothing}
      @keydown=${(e: KeyboardEvent) => this.onCellKey(e, day)}
      @focus=${(e: FocusEvent) => {
        if (e.target === e.currentTarget) this.ui.focusDay = day;
      }}
      @dragover=${(e: DragEvent) => this.onDragOver(e, day)}
      @dragleave=${() => this.onDragLeave(day)}
      @drop=${(e: DragEvent) => this.onDropDay(e, day)}
    >
      <span class="number" aria-hidden="true">${Number(day.slice(8, 10))}</span>
      <span class="visually-hidden">${wall(day, DAY_LONG)}${
        segments.length > 0 ? `, ${msg(str`${segments.length} events`)}` : ''
      }</span>
      ${
        visible.length > 0
          ? html`<ul>
            ${visible.map((s) => html`<li>${this.renderEvent(s, data, 'compact')}</li>`)}
          </ul>`
          : nothing
      }
      ${
        hidden > 0
          ? html`<button type="button" class="more" @click=${() => this.openDay(day)}>
            ${msg(str`+${hidden} more`)}
          </button>`
          : nothing
      }
    </td>`;
  }

  // ——— week and day ———

  private renderTimeGrid(data: CalendarData) {
    const byDay = this.byDay();
    const slot = slotLength(this.host.slotMinutes);
    const { first, last } = gridHours(
      data.hours,
      data.range.days.flatMap((d) => byDay.get(d) ?? []),
    );
    const rows = Math.max(1, Math.ceil((last - first) / slot));
    const starts = Array.from({ length: rows }, (_, i) => first + i * slot);
    return html`<div
      class="timegrid"
      part="grid"
      role="group"
      aria-labelledby="title"
      ${styleProps({ '--_days': String(data.range.days.length) })}
    >
      <div class="head" aria-hidden="true"></div>
      ${data.range.days.map(
        (day) =>
          html`<div class="head ${day === data.today ? 'today' : ''}" aria-hidden="true">
            ${wall(day, { weekday: 'short', day: 'numeric', month: 'short' })}
          </div>`,
      )}
      <div class="gutter" aria-hidden="true">
        ${starts.map((m) => html`<div>${m % 60 === 0 ? wall(`2000-01-01T${pad(m / 60)}:00`, TIME) : ''}</div>`)}
      </div>
      ${data.range.days.map((day) => this.renderColumn(data, day, byDay.get(day) ?? [], starts, first, slot))}
    </div>`;
  }

  private renderColumn(
    data: CalendarData,
    day: string,
    segments: DaySegment[],
    starts: number[],
    first: number,
    slot: number,
  ) {
    const lanes = layoutLanes(segments);
    const height = starts.length * slot;
    const label = wall(day, DAY_LONG);
    return html`<section
      class="column ${this.ui.dropTarget === day ? 'target' : ''}"
      part="day"
      data-date=${day}
      aria-label=${segments.length > 0 ? `${label}, ${msg(str`${segments.length} events`)}` : label}
      aria-current=${day === data.today ? 'date' : nothing}
      @dragover=${(e: DragEvent) => this.onDragOver(e, day)}
      @dragleave=${() => this.onDragLeave(day)}
      @drop=${(e: DragEvent) => this.onDropSlot(e, day, first, slot)}
    >
      <div class="slots" aria-hidden="true">
        ${starts.map(
          (m) =>
            html`<div
              class="slot ${(m + slot) % 60 === 0 ? 'hour' : ''}"
              data-minute=${m}
              @click=${() => this.selectSlot(data, day, m, slot)}
            ></div>`,
        )}
      </div>
      <ul>
        ${segments.map((s) => {
          // the grid holds every real start and end; only a night's run-on can fall outside it
          const from = Math.max(s.startMinute, first);
          const to = Math.min(s.endMinute, first + height);
          if (to <= from) return nothing;
          const place = lanes.get(s) ?? { lane: 0, lanes: 1 };
          const position = styleProps({
            top: `${((from - first) / height) * 100}%`,
            height: `${((to - from) / height) * 100}%`,
            left: `${(place.lane / place.lanes) * 100}%`,
            width: `${100 / place.lanes}%`,
          });
          return html`<li ${position}>${this.renderEvent(s, data, 'compact')}</li>`;
        })}
      </ul>
    </section>`;
  }

  // ——— agenda ———

  private renderAgenda(data: CalendarData) {
    const byDay = this.byDay();
    const days = data.range.days.filter((d) => (byDay.get(d)?.length ?? 0) > 0);
    return html`<div class="agenda" part="grid" role="group" aria-labelledby="title">
      ${
        days.length === 0
          ? html`<p class="empty">${msg('No events in this period.')}</p>`
          : days.map(
              (day) => html`<section
                part="day"
                data-date=${day}
                class=${this.ui.dropTarget === day ? 'target' : ''}
                aria-labelledby="agenda-${day}"
                @dragover=${(e: DragEvent) => this.onDragOver(e, day)}
                @dragleave=${() => this.onDragLeave(day)}
                @drop=${(e: DragEvent) => this.onDropDay(e, day)}
              >
                <h3 id="agenda-${day}" aria-current=${day === data.today ? 'date' : nothing}>
                  ${wall(day, DAY_LONG)}
                </h3>
                <ul>
                  ${byDay.get(day)!.map((s) => html`<li>${this.renderEvent(s, data, 'full')}</li>`)}
                </ul>
              </section>`,
            )
      }
    </div>`;
  }

  // ——— one event ———

  private renderEvent(segment: DaySegment, data: CalendarData, mode: 'compact' | 'full') {
    const o = segment.occurrence;
    const key = occurrenceKey(o);
    const movable = this.canMove(o);
    const technician = this.nameOf(o.technicianId, this.host.technicians);
    const bay = this.nameOf(o.bayId, this.host.bays);
    const details = [
      technician ? msg(str`technician ${technician}`) : '',
      bay ? msg(str`bay ${bay}`) : '',
      o.recurring ? msg('recurring') : '',
      o.status === 'cancelled' ? msg('cancelled') : '',
    ].filter(Boolean);
    const time = segment.first ? wall(o.localStart, TIME) : '…';
    return html`<button
      type="button"
      class="event"
      part="event"
      data-event-id=${o.eventId}
      data-start=${o.start}
      data-kind=${o.kind}
      data-status=${o.status}
      aria-pressed=${this.ui.selectedKey === key}
      draggable=${movable ? 'true' : 'false'}
      title=${`${wallRange(o.localStart, o.localEnd)} · ${o.title} · ${calendarKindLabel(o.kind)}`}
      @click=${() => this.select(o)}
      @keydown=${(e: KeyboardEvent) => this.onEventKey(e, o, data)}
      @dragstart=${(e: DragEvent) => this.onDragStart(e, o)}
      @dragend=${this.onDragEnd}
    >
      <span class="time">${mode === 'full' ? wallRange(o.localStart, o.localEnd) : time}</span>
      <span class="title">${o.title}</span>
      <span class="kind" part="kind">${calendarKindLabel(o.kind)}${
        mode === 'full' && details.length > 0 ? html` · ${details.join(', ')}` : nothing
      }</span>
      ${
        mode === 'compact'
          ? html`<span class="visually-hidden"
            >, ${wallRange(o.localStart, o.localEnd)}${details.length > 0 ? `, ${details.join(', ')}` : ''}</span
          >`
          : nothing
      }
    </button>`;
  }

  private canMove(o: Occurrence): boolean {
    return !this.host.readonly && o.status === 'booked';
  }

  // ——— the selected event ———

  private selected(data: CalendarData | undefined): Occurrence | undefined {
    if (!this.ui.selectedKey || !data) return undefined;
    return data.occurrences.find((o) => occurrenceKey(o) === this.ui.selectedKey);
  }

  private renderDetails(data: CalendarData | undefined) {
    const o = this.selected(data);
    if (!o || !data) return nothing;
    const technician = this.nameOf(o.technicianId, this.host.technicians);
    const bay = this.nameOf(o.bayId, this.host.bays);
    return html`<section class="panel" part="details" aria-labelledby="details-title">
      <h3 id="details-title">${o.title}</h3>
      <dl>
        <dt>${msg('Kind')}</dt>
        <dd>${calendarKindLabel(o.kind)}</dd>
        <dt>${msg('When')}</dt>
        <dd>${wallWhen(o.localStart, o.localEnd)}</dd>
        ${technician ? html`<dt>${msg('Technician')}</dt><dd>${technician}</dd>` : nothing}
        ${bay ? html`<dt>${msg('Bay')}</dt><dd>${bay}</dd>` : nothing}
        ${o.recurring ? html`<dt>${msg('Repeats')}</dt><dd>${o.recurrence}</dd>` : nothing}
        ${o.status === 'cancelled' ? html`<dt>${msg('Status')}</dt><dd>${msg('Cancelled')}</dd>` : nothing}
      </dl>
      ${this.ui.moveForm && this.canMove(o) ? this.renderMoveForm(o, data) : nothing}
      <div class="actions">
        ${
          this.canMove(o) && !this.ui.moveForm
            ? html`<button type="button" data-action="move" @click=${() => this.openMoveForm()}>
              ${msg('Move…')}
            </button>`
            : nothing
        }
        <button type="button" data-action="close" @click=${this.closeDetails}>${msg('Close')}</button>
      </div>
    </section>`;
  }

  private renderMoveForm(o: Occurrence, data: CalendarData) {
    return html`<form part="move" @submit=${(e: SubmitEvent) => this.onMoveSubmit(e, o)}>
      <label>
        <span>${msg('New date')}</span>
        <input name="date" type="date" required .value=${o.localStart.slice(0, 10)} />
      </label>
      <label>
        <span>${msg(str`New start time (${data.zone})`)}</span>
        <input name="time" type="time" required .value=${o.localStart.slice(11, 16)} />
      </label>
      <button class="primary" type="submit" ?disabled=${this.moving.pending}>${msg('Check and move')}</button>
      <button type="button" @click=${() => (this.ui.moveForm = false)}>${msg('Cancel')}</button>
      ${o.recurring ? html`<p class="muted">${msg('This moves every occurrence of the series by the same amount.')}</p>` : nothing}
    </form>`;
  }

  // ——— a move on its way ———

  private renderMove(data: CalendarData | undefined) {
    const move = this.ui.move;
    if (!move || !data) return nothing;
    const o = move.occurrence;
    const where = wallWhen(move.start, move.end);
    if (move.phase === 'checking' || move.phase === 'saving') {
      return html`<section class="panel" part="move" aria-busy="true">
        <p>${move.phase === 'checking' ? msg(str`Checking “${o.title}” on ${where}…`) : msg(str`Moving “${o.title}” to ${where}…`)}</p>
      </section>`;
    }
    if (move.phase === 'failed') {
      return html`<section class="panel" part="move" aria-labelledby="move-title">
        <h3 id="move-title">${msg(str`“${o.title}” was not moved`)}</h3>
        ${renderError(this.moving.error, 'move-error')}
        <div class="actions">
          <button type="button" data-action="dismiss" @click=${this.dismissMove}>${msg('Close')}</button>
        </div>
      </section>`;
    }
    const report = move.report ?? { conflicts: [], outsideHours: [] };
    return html`<section
      class="panel warning"
      part="move"
      role="alertdialog"
      aria-labelledby="move-title"
      aria-describedby="move-conflicts"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') this.dismissMove();
      }}
    >
      <h3 id="move-title">${msg(str`Move “${o.title}” to ${where}?`)}</h3>
      <ul id="move-conflicts" part="conflicts">
        ${report.conflicts.map((c) => html`<li>${this.conflictText(c, data.zone)}</li>`)}
        ${report.outsideHours.map((h) => html`<li>${this.outsideHoursText(h, data)}</li>`)}
      </ul>
      ${o.recurring ? html`<p class="muted">${msg('This moves every occurrence of the series by the same amount.')}</p>` : nothing}
      <div class="actions">
        <button type="button" data-action="proceed" @click=${() => this.commit(move, true)}>
          ${msg('Move anyway')}
        </button>
        <button type="button" class="primary" data-action="cancel" @click=${this.dismissMove}>
          ${msg('Keep it where it was')}
        </button>
      </div>
    </section>`;
  }

  private outsideHoursText(h: { start: string; end: string }, data: CalendarData): string {
    const { open, close } = data.hours;
    const when = wallWhen(localWall(h.start, data.zone), localWall(h.end, data.zone));
    return msg(str`Outside business hours (${open}–${close}): ${when}.`);
  }

  private conflictText(c: ScheduleConflict, zone: string): string {
    const when = wallWhen(localWall(c.start, zone), localWall(c.end, zone));
    const kind = calendarKindLabel(c.kind);
    if (c.resource === 'technician') {
      const who = this.nameOf(c.resourceId, this.host.technicians) ?? c.resourceId;
      return msg(str`Technician ${who} is already booked: “${c.title}” (${kind}), ${when}.`);
    }
    const bay = this.nameOf(c.resourceId, this.host.bays) ?? c.resourceId;
    return msg(str`Bay ${bay} is already booked: “${c.title}” (${kind}), ${when}.`);
  }

  /**
   * Moves the occurrence `o` to start at the wall time `start`: reads the event, checks the move
   * with `calendar.checkConflicts` and saves it at once when nothing is in the way, else asks.
   */
  private async propose(o: Occurrence, start: string): Promise<void> {
    if (!this.canMove(o) || start === o.localStart) return;
    const zone = this.data.value?.zone;
    if (!zone) return;
    const planned = moveTimes(o, start);
    const move: PendingMove = { occurrence: o, start: planned.start, end: planned.end, phase: 'checking' };
    this.ui.move = move;
    this.ui.moveForm = false;
    const checked = await this.moving.run(async (context) => {
      const shop = shopFor(context);
      const event = await shop.calendar.get({ id: o.eventId });
      const series = o.recurring
        ? { localStart: localWall(event.start, zone), localEnd: localWall(event.end, zone) }
        : o;
      const times = moveTimes(o, start, series);
      const report = await shop.calendar.checkConflicts({
        eventId: event.id,
        kind: event.kind,
        title: event.title,
        start: times.seriesStart,
        end: times.seriesEnd,
        technicianId: event.technicianId,
        bayId: event.bayId,
        recurrence: event.recurrence,
      });
      return { event, report, series: { start: times.seriesStart, end: times.seriesEnd } };
    });
    if (this.ui.move !== move) return;
    if (!checked) {
      this.ui.move = { ...move, phase: 'failed' };
      return;
    }
    const ready: PendingMove = { ...move, ...checked };
    const { conflicts, outsideHours } = checked.report;
    if (conflicts.length > 0 || outsideHours.length > 0) {
      this.ui.move = { ...ready, phase: 'confirm' };
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[part="move"] [data-action="cancel"]')?.focus();
      return;
    }
    await this.commit(ready, false);
  }

  private async commit(move: PendingMove, override: boolean): Promise<void> {
    const { event, series, occurrence: o } = move;
    if (!event || !series) return;
    const saving: PendingMove = { ...move, phase: 'saving' };
    this.ui.move = saving;
    const saved = await this.moving.run((context) =>
      shopFor(context).calendar.reschedule({
        id: event.id,
        rev: event.rev,
        start: series.start,
        end: series.end,
        ...(override ? { override: true } : {}),
      }),
    );
    if (this.ui.move !== saving) return;
    if (!saved) {
      this.ui.move = { ...move, phase: 'failed' };
      return;
    }
    this.ui.move = undefined;
    this.ui.selectedKey = undefined;
    const where = wallWhen(move.start, move.end);
    this.ui.announcement = msg(str`“${o.title}” moved to ${where}.`);
    this.emit<CalendarEventMovedDetail>('rpma-calendar-event-moved', {
      eventId: o.eventId,
      taskId: o.taskId,
      from: { start: o.localStart, end: o.localEnd },
      to: { start: move.start, end: move.end },
      overridden: override,
      event: saved,
    });
  }

  private dismissMove = (): void => {
    this.ui.move = undefined;
    this.moving.clear();
  };

  // ——— selection ———

  private select(o: Occurrence): void {
    this.ui.selectedKey = occurrenceKey(o);
    this.ui.moveForm = false;
    this.emit<CalendarEventSelectDetail>('rpma-calendar-event-select', {
      eventId: o.eventId,
      taskId: o.taskId,
      occurrence: o,
    });
  }

  private closeDetails = (): void => {
    this.ui.selectedKey = undefined;
    this.ui.moveForm = false;
  };

  private async openMoveForm(): Promise<void> {
    this.ui.moveForm = true;
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLInputElement>('[part="details"] input[name="date"]')?.focus();
  }

  private onMoveSubmit(e: SubmitEvent, o: Occurrence): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const date = String(form.get('date') ?? '');
    const time = String(form.get('time') ?? '').slice(0, 5);
    if (!isPlainDate(date) || !/^\d{2}:\d{2}$/.test(time)) return;
    void this.propose(o, `${date}T${time}`);
  }

  private selectSlot(data: CalendarData, day: string, minute: number, slot: number): void {
    const start = wallText(wallMinutes(day) + minute);
    this.emit<CalendarSlotSelectDetail>('rpma-calendar-slot-select', {
      start,
      end: wallText(wallMinutes(start) + slot),
      timeZone: data.zone,
    });
  }

  // ——— keyboard ———

  private onEventKey(e: KeyboardEvent, o: Occurrence, data: CalendarData): void {
    if (!e.altKey || !this.canMove(o)) return;
    const shift: Record<string, number> = {
      ArrowLeft: -1440,
      ArrowRight: 1440,
      ArrowUp: data.view === 'month' || data.view === 'agenda' ? -10080 : -slotLength(this.host.slotMinutes),
      ArrowDown: data.view === 'month' || data.view === 'agenda' ? 10080 : slotLength(this.host.slotMinutes),
    };
    const by = shift[e.key];
    if (by === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    this.ui.selectedKey = occurrenceKey(o);
    void this.propose(o, wallText(wallMinutes(o.localStart) + by));
  }

  private onCellKey(e: KeyboardEvent, day: string): void {
    if (e.target !== e.currentTarget) return;
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
      Home: 1 - isoWeekday(day),
      End: 7 - isoWeekday(day),
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.openDay(day);
      return;
    }
    const by = moves[e.key];
    if (by === undefined) return;
    e.preventDefault();
    this.focusDate(addDays(day, by));
  }

  /** Moves the month grid's focus to `day`, turning the month when `day` lies in another. */
  private focusDate(day: string): void {
    this.ui.focusDay = day;
    this.pendingFocus = day;
    if (day.slice(0, 7) !== this.anchor().slice(0, 7)) this.navigate('month', day);
  }

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      this.step(e.key === 'PageUp' ? -1 : 1);
    } else if (e.key === 'Escape' && this.ui.selectedKey) {
      this.closeDetails();
    }
  };

  // ——— drag and drop ———

  private onDragStart(e: DragEvent, o: Occurrence): void {
    if (!this.canMove(o)) {
      e.preventDefault();
      return;
    }
    e.dataTransfer?.setData('text/plain', occurrenceKey(o));
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    this.ui.dragging = o;
  }

  private onDragEnd = (): void => {
    this.ui.dragging = undefined;
    this.ui.dropTarget = undefined;
  };

  private onDragOver(e: DragEvent, day: string): void {
    if (!this.ui.dragging) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    this.ui.dropTarget = day;
  }

  private onDragLeave(day: string): void {
    if (this.ui.dropTarget === day) this.ui.dropTarget = undefined;
  }

  private dropped(e: DragEvent): Occurrence | undefined {
    e.preventDefault();
    const key = e.dataTransfer?.getData('text/plain');
    const found = this.ui.dragging ?? this.data.value?.occurrences.find((o) => occurrenceKey(o) === key);
    this.ui.dragging = undefined;
    this.ui.dropTarget = undefined;
    return found;
  }

  /** A drop on a day (month cell, agenda day): same time of day, that day. */
  private onDropDay(e: DragEvent, day: string): void {
    const o = this.dropped(e);
    if (o) void this.propose(o, `${day}T${o.localStart.slice(11, 16)}`);
  }

  /** A drop on a week/day column: the slot under the pointer (or the slot element dropped on). */
  private onDropSlot(e: DragEvent, day: string, first: number, slot: number): void {
    const o = this.dropped(e);
    if (!o) return;
    const target = e.target as HTMLElement;
    let minute = Number(target.dataset?.minute);
    if (!Number.isFinite(minute)) {
      const slots = (e.currentTarget as HTMLElement).querySelector('.slots')!.getBoundingClientRect();
      const rows = slots.height / ((e.currentTarget as HTMLElement).querySelectorAll('.slot').length || 1);
      minute = first + Math.max(0, Math.floor((e.clientY - slots.top) / rows)) * slot;
    }
    void this.propose(o, wallText(wallMinutes(day) + minute));
  }

  // ——— navigation ———

  /** The day the period is anchored on: the `date` asked for (maybe still loading), else the one shown. */
  private anchor(): string {
    return isPlainDate(this.host.date) ? this.host.date : (this.data.value?.anchor ?? '');
  }

  private step(direction: 1 | -1): void {
    const anchor = this.anchor();
    if (!anchor) return;
    this.navigate(
      shownView(this.host.view),
      stepDate(shownView(this.host.view), anchor, direction, agendaLength(this.host.agendaDays)),
    );
  }

  private goToday = (): void => {
    const today = this.data.value?.today;
    if (today) this.navigate(shownView(this.host.view), today);
  };

  private setView(view: CalendarView): void {
    const anchor = this.anchor();
    if (anchor) this.navigate(view, anchor);
    else this.host.view = view;
  }

  private openDay(day: string): void {
    this.navigate('day', day);
  }

  private navigate(view: CalendarView, date: string): void {
    this.host.view = view;
    this.host.date = date;
    this.ui.selectedKey = undefined;
    this.ui.moveForm = false;
    const range = viewDays(view, date, agendaLength(this.host.agendaDays));
    this.emit<CalendarNavigateDetail>('rpma-calendar-navigate', {
      view,
      date,
      from: range.from,
      to: range.to,
    });
  }

  private onTechnician = (e: Event): void => {
    this.host.technicianId = (e.target as HTMLSelectElement).value;
  };

  private onBay = (e: Event): void => {
    this.host.bayId = (e.target as HTMLSelectElement).value;
  };
}
