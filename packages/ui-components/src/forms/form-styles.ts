import { css } from 'lit';

/**
 * Layout of the hand-written forms (client, vehicle, task): a responsive grid of labelled
 * fields, each refusal under its field, the actions in a row.
 *
 * @example
 * ```ts
 * static override styles = [themeStyles, formStyles];
 * ```
 */
export const formStyles = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 2px;
    align-content: start;
  }
  .field label {
    font-size: 0.875rem;
  }
  .field .error,
  .field .muted {
    font-size: 0.875rem;
  }
  .muted {
    color: var(--_muted);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: var(--_space);
    display: grid;
    gap: var(--_space);
  }
`;
