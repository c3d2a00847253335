import { css } from 'lit';

/**
 * The look of the data tables (interventions, stock, inventory, trash, users, sessions): full
 * width on the surface colour, a caption on the start side, one rule under each row. An element
 * adds its own column rules (numbers to the end, `vertical-align`) after it.
 *
 * @example
 * ```ts
 * static override styles = [themeStyles, tableStyles, css`td.number { text-align: end; }`];
 * ```
 */
export const tableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
    background: var(--_surface);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: var(--_space) 0;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_border);
  }
`;
