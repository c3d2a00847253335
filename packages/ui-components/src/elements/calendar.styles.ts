import { css } from 'lit';

/**
 * The styles of `<rpma-calendar>`'s views, adopted with them (the shared theme tokens come from
 * `themeStyles`, the host and the loading state's from the element).
 *
 * @example
 * ```ts
 * adoptStyles(calendar.renderRoot as ShadowRoot, [...RpmaCalendar.elementStyles, calendarStyles]);
 * ```
 */
export const calendarStyles = css`
  :host {
    display: block;
    background: var(--_surface);
    --_slot-height: var(--rpma-calendar-slot-height, 24px);
    --_appointment: var(--rpma-calendar-appointment-color, var(--_accent));
    --_bay-booking: var(--rpma-calendar-bay-booking-color, var(--_success));
    --_time-off: var(--rpma-calendar-time-off-color, var(--_muted));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-bottom: var(--_space);
  }
  .toolbar h2 {
    margin: 0;
    font-size: 1.15rem;
    flex: 1 1 12rem;
    text-transform: capitalize;
  }
  .group {
    display: flex;
    gap: 4px;
  }
  .group button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  label {
    display: grid;
    gap: 2px;
    font-size: 0.875rem;
  }
  .zone {
    margin: 0 0 var(--_space);
  }
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
    background: var(--_surface);
    display: grid;
    gap: var(--_space);
  }
  .panel h3 {
    margin: 0;
    font-size: 1rem;
  }
  .panel ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .panel .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .panel.warning {
    border-color: var(--_warning);
  }
  .panel form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px var(--_space);
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }

  /* events */
  .event {
    display: block;
    width: 100%;
    text-align: start;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_kind);
    border-radius: var(--_radius);
    padding: 2px 4px;
    font-size: 0.8rem;
    line-height: 1.25;
    overflow: hidden;
    cursor: grab;
    background: var(--_surface);
    --_kind: var(--_appointment);
  }
  .event[data-kind='bay_booking'] {
    --_kind: var(--_bay-booking);
  }
  .event[data-kind='time_off'] {
    --_kind: var(--_time-off);
    background: repeating-linear-gradient(
      135deg,
      var(--_surface),
      var(--_surface) 6px,
      color-mix(in srgb, var(--_time-off) 15%, var(--_surface)) 6px,
      color-mix(in srgb, var(--_time-off) 15%, var(--_surface)) 12px
    );
  }
  .event[data-status='cancelled'] .title {
    text-decoration: line-through;
  }
  .event[aria-pressed='true'] {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .event .time {
    font-variant-numeric: tabular-nums;
    margin-inline-end: 4px;
  }
  .event .title {
    font-weight: 600;
  }
  .event .kind {
    display: block;
    color: var(--_muted);
    font-size: 0.75rem;
  }
  .target {
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
  }

  /* month */
  table.month {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  table.month th {
    font-weight: 600;
    font-size: 0.8rem;
    padding: 4px;
    text-align: start;
  }
  table.month td {
    border: 1px solid var(--_border);
    vertical-align: top;
    height: 7rem;
    padding: 2px;
  }
  table.month td.outside .number {
    color: var(--_muted);
  }
  table.month td.today .number {
    background: var(--_accent);
    color: var(--_on-accent);
    border-radius: 999px;
    padding: 0 6px;
  }
  table.month ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  table.month .more {
    border: 0;
    padding: 0 2px;
    background: none;
    color: var(--_accent);
    font-size: 0.8rem;
  }
  .number {
    font-size: 0.85rem;
  }

  /* week and day */
  .timegrid {
    display: grid;
    grid-template-columns: 3.5rem repeat(var(--_days), minmax(6rem, 1fr));
    max-height: var(--rpma-calendar-height, 40rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .timegrid .head {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    padding: 4px;
    font-size: 0.85rem;
    font-weight: 600;
  }
  .timegrid .head.today {
    color: var(--_accent);
  }
  .gutter {
    display: grid;
    grid-auto-rows: var(--_slot-height);
    font-size: 0.75rem;
    color: var(--_muted);
    text-align: end;
    padding-inline-end: 4px;
  }
  .column {
    position: relative;
    border-inline-start: 1px solid var(--_border);
  }
  .slots {
    display: grid;
    grid-auto-rows: var(--_slot-height);
  }
  .slot {
    border-bottom: 1px dotted var(--_border);
  }
  .slot.hour {
    border-bottom-style: solid;
  }
  .column ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .column li {
    position: absolute;
    padding: 1px;
  }
  .column li .event {
    height: 100%;
  }

  /* agenda */
  .agenda section {
    margin-bottom: var(--_space);
  }
  .agenda h3 {
    font-size: 0.95rem;
    margin: 0 0 4px;
    text-transform: capitalize;
  }
  .agenda ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  .agenda .event {
    font-size: 0.9rem;
    padding: 4px 8px;
  }
  .agenda .event .kind {
    display: inline;
    margin-inline-start: 8px;
  }
  .empty {
    color: var(--_muted);
  }
`;
