import { msg } from '@lit/localize';
import type { CalendarEventDoc, CalendarEventKind, Occurrence } from '@rpma/engine';
import { adoptStyles, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { RpmaElement } from '../base/rpma-element.js';
import { EngineQueryController, shopFor } from '../controllers/engine-query-controller.js';
import { LazyModuleController } from '../controllers/lazy-module-controller.js';
import { renderError } from '../errors/error-text.js';
import { themeStyles } from '../theme/theme.js';
import {
  agendaLength,
  type CalendarView,
  isPlainDate,
  localWall,
  shownView,
  viewDays,
} from './calendar-model.js';
import type { CalendarViews } from './calendar-views.js';

/** Detail of `rpma-calendar-event-select`: the occurrence chosen, its event and task. */
export interface CalendarEventSelectDetail {
  eventId: string;
  taskId: string | null;
  occurrence: Occurrence;
}

/**
 * Detail of `rpma-calendar-event-moved`: the event as saved, the occurrence's wall times (in
 * the shop's zone) before and after, and whether the move was made past a warning (`override`).
 */
export interface CalendarEventMovedDetail {
  eventId: string;
  taskId: string | null;
  from: { start: string; end: string };
  to: { start: string; end: string };
  overridden: boolean;
  event: CalendarEventDoc;
}

/** Detail of `rpma-calendar-slot-select`: an empty slot picked in the week or day view (wall times). */
export interface CalendarSlotSelectDetail {
  start: string;
  end: string;
  timeZone: string;
}

/** Detail of `rpma-calendar-navigate`: the view and the days it now shows (`to` excluded). */
export interface CalendarNavigateDetail {
  view: CalendarView;
  date: string;
  from: string;
  to: string;
}

/** A technician or a bay as the filters and labels name it. */
export interface CalendarResource {
  id: string;
  name: string;
}

/** The engine events after which the calendar re-reads. */
export const CALENDAR_EVENTS = ['calendar.changed'] as const;

/**
 * The localised name of a calendar event kind.
 *
 * @example
 * ```ts
 * calendarKindLabel('time_off'); // 'Time off' / 'Absence'
 * ```
 */
export function calendarKindLabel(kind: CalendarEventKind): string {
  switch (kind) {
    case 'appointment':
      return msg('Appointment');
    case 'bay_booking':
      return msg('Bay booking');
    default:
      return msg('Time off');
  }
}

/**
 * What `<rpma-calendar>` reads for the period it shows: the view and its days, today and the
 * business hours in the shop's zone, and the occurrences of `calendar.list`.
 *
 * @example
 * ```ts
 * const data: CalendarData = { view: 'day', anchor: '2026-03-23', today: '2026-03-23', zone: 'Europe/Paris',
 *   hours: { open: '08:00', close: '18:00' }, range: viewDays('day', '2026-03-23', 14), occurrences: [] };
 * ```
 */
export interface CalendarData {
  view: CalendarView;
  anchor: string;
  today: string;
  zone: string;
  hours: { open: string; close: string };
  range: { from: string; to: string; days: string[] };
  occurrences: Occurrence[];
}

/** The views, the move flow and their styles: one cached `import()` for every calendar. */
const loadViews = () => import('./calendar-views.js');

/**
 * The shop calendar: month, week, day and agenda views of `calendar.list`, in the shop's time
 * zone (from the settings, whatever the browser's zone), with previous / today / next
 * navigation and filters by technician and by bay. Each event shows its time, title and kind
 * (appointment, bay booking, time off); cancelled ones are struck through when
 * `include-cancelled` is set. It re-reads after every `calendar.changed`, so two calendars (or a
 * calendar and anything else that books) on one page never disagree.
 *
 * Moving an event: drag it to another day (month, agenda) or time slot (week, day), or select it
 * and use **Move…** (a date and a time), or press Alt+←/→ (a day) and Alt+↑/↓ (a slot) on it.
 * The move is first checked with `calendar.checkConflicts` as a move of that event; double
 * bookings and times outside business hours are listed in words with the choice to move anyway
 * (`override: true`) or to leave it. Moving one occurrence of a recurring event moves the whole
 * series by the same wall-clock shift. A refusal from the engine (not your event, changed
 * meanwhile, not allowed to override…) is shown in words where the move was asked.
 *
 * Keyboard: in the month grid the arrow keys move between days, Home/End to the week's ends,
 * Enter opens the day; PageUp/PageDown go to the previous/next period anywhere in the calendar.
 *
 * The views, the move flow and their styles (`calendar-views.ts`) load with one `import()` on the
 * first calendar's first render, shared by every calendar on the page, while its data is read:
 * until then the calendar says it is loading; a failed load is shown in words with **Try again**
 * (a reconnection tries again too). Properties, attributes and the data query work from the start.
 *
 * @element rpma-calendar
 * @fires rpma-calendar-event-select - An event was selected (click, Enter or Space); detail `{ eventId, taskId, occurrence }`.
 * @fires rpma-calendar-event-moved - The engine accepted a move; detail `{ eventId, taskId, from, to, overridden, event }` (`from`/`to`: the occurrence's wall times in the shop's zone).
 * @fires rpma-calendar-slot-select - An empty slot of the week or day view was clicked; detail `{ start, end, timeZone }` (wall times).
 * @fires rpma-calendar-navigate - The view or the period changed; detail `{ view, date, from, to }`.
 * @csspart toolbar - Navigation, title, view switcher and filters.
 * @csspart filters - The technician and bay filters.
 * @csspart grid - The month table, the week/day time grid or the agenda list.
 * @csspart day - One day: a month cell, a week column or an agenda section.
 * @csspart event - One event (a button).
 * @csspart kind - The kind of an event, in words.
 * @csspart details - The panel of the selected event.
 * @csspart move - The move form, the conflict warning and the move's progress.
 * @csspart conflicts - The conflicts a move would create, in words.
 * @csspart error - A refusal or load failure, in words.
 * @csspart status - The (visually hidden) live region announcing a move that was saved.
 * @cssprop --rpma-calendar-slot-height - Height of one time slot in the week and day views (default 24px).
 * @cssprop --rpma-calendar-height - Height of the scrolling week/day grid (default 40rem).
 * @cssprop --rpma-calendar-appointment-color - Colour of appointments (default the accent).
 * @cssprop --rpma-calendar-bay-booking-color - Colour of bay bookings (default the success colour).
 * @cssprop --rpma-calendar-time-off-color - Colour of time off (default the muted colour).
 *
 * @example
 * ```html
 * <rpma-calendar view="week" technician-id="u-2"></rpma-calendar>
 * <script>
 *   const calendar = document.querySelector('rpma-calendar');
 *   calendar.bays = [{ id: 'bay-1', name: 'Bay 1 (PPF)' }];
 *   calendar.addEventListener('rpma-calendar-event-select', (e) => e.detail.taskId && openTask(e.detail.taskId));
 * </script>
 * ```
 */
export class RpmaCalendar extends RpmaElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      .muted {
        color: var(--_muted);
        font-size: 0.85rem;
      }
    `,
  ];

  /** The view: `month`, `week` (default), `day` or `agenda`. */
  @property({ reflect: true }) view: CalendarView = 'week';
  /** A day of the period shown, `YYYY-MM-DD` in the shop's zone; empty for today (the engine's clock). */
  @property({ reflect: true }) date = '';
  /** Only the events of this technician (user id); empty for everyone. */
  @property({ attribute: 'technician-id', reflect: true }) technicianId = '';
  /** Only the events of this bay; empty for every bay. */
  @property({ attribute: 'bay-id', reflect: true }) bayId = '';
  /** Show cancelled events too (struck through). */
  @property({ type: Boolean, attribute: 'include-cancelled' }) includeCancelled = false;
  /** No moves: events can be selected, not dragged or moved. */
  @property({ type: Boolean }) readonly = false;
  /** Length of a time slot in the week and day views, minutes (5–120). */
  @property({ type: Number, attribute: 'slot-minutes' }) slotMinutes = 30;
  /** Days the agenda shows from its date (1–366). */
  @property({ type: Number, attribute: 'agenda-days' }) agendaDays = 14;
  /** Events listed per day in the month view before "+N more". */
  @property({ type: Number, attribute: 'max-per-day' }) maxPerDay = 3;
  /** Names of the technicians, for the filter and the labels (ids are shown otherwise). */
  @property({ attribute: false }) technicians: CalendarResource[] = [];
  /** Names of the bays, for the filter and the labels (ids are shown otherwise). */
  @property({ attribute: false }) bays: CalendarResource[] = [];

  private readonly views = new LazyModuleController(this, loadViews, 'the calendar views');
  private renderer: CalendarViews | undefined;

  private readonly data = new EngineQueryController<CalendarData>(this, {
    events: CALENDAR_EVENTS,
    // a change of time zone or business hours redraws the grid
    collections: ['settings'],
    args: () => [shownView(this.view), this.date, agendaLength(this.agendaDays), this.includeCancelled],
    load: async (context) => {
      const shop = shopFor(context);
      const settings = await shop.settings.get();
      const zone = settings.timeZone;
      const today = localWall(new Date(context.engine.clock.now()).toISOString(), zone).slice(0, 10);
      const view = shownView(this.view);
      const anchor = isPlainDate(this.date) ? this.date : today;
      const range = viewDays(view, anchor, agendaLength(this.agendaDays));
      const occurrences = await shop.calendar.list({
        from: `${range.from}T00:00`,
        to: `${range.to}T00:00`,
        ...(this.includeCancelled ? { includeCancelled: true } : {}),
      });
      return { view, anchor, today, zone, hours: settings.businessHours, range, occurrences };
    },
  });

  /** Once the views have arrived: their renderer for this calendar, and their styles adopted. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const views = this.views.module;
    if (!views || this.renderer) return;
    const own = (this.constructor as typeof RpmaCalendar).elementStyles;
    adoptStyles(this.renderRoot as ShadowRoot, [...own, views.calendarStyles]);
    this.renderer = new views.CalendarViews(this, this.data, (type, detail) => this.emit(type, detail));
  }

  override render() {
    if (this.renderer) return this.renderer.render();
    if (this.views.error) {
      return html`${renderError(this.views.error)}
        <button type="button" data-action="retry" @click=${() => this.views.retry()}>
          ${msg('Try again', { id: 'calendar-retry' })}
        </button>`;
    }
    return html`<p class="muted" role="status" aria-busy="true">${msg('Loading the calendar…')}</p>`;
  }
}
