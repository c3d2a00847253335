import { css } from 'lit';

/**
 * The look of the virtualised lists (clients, tasks): the filter bar, the bordered scrolling
 * list, full-width button rows on a grid, muted secondary text and the count under the list.
 * An element adds the list's height and its rows' columns after it.
 *
 * @example
 * ```ts
 * static override styles = [themeStyles, listStyles, css`.list { height: 480px; } .row { grid-template-columns: 1fr 8rem; }`];
 * ```
 */
export const listStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-bottom: var(--_space);
  }
  label {
    display: grid;
    gap: 2px;
    font-size: 0.875rem;
  }
  .list {
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .list > [role='listitem'] {
    width: 100%;
  }
  .row {
    display: grid;
    gap: var(--_space);
    width: 100%;
    min-height: 44px;
    align-items: center;
    text-align: start;
    border: 0;
    border-bottom: 1px solid var(--_border);
    border-radius: 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .summary {
    margin: var(--_space) 0 0;
    color: var(--_muted);
  }
`;
