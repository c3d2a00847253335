import { css } from 'lit';

/** Layout of `<rpma-intervention-runner>` (colours come from the theme tokens). */
export const runnerStyles = css`
  :host {
    display: block;
  }
  header {
    display: flex;
    gap: var(--_space);
    align-items: center;
    flex-wrap: wrap;
  }
  h2 {
    margin: 0 auto 0 0;
    font-size: 1.25rem;
  }
  ol {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    padding: 0;
    list-style: none;
  }
  ol li {
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 2px 10px;
  }
  ol li.current {
    border-color: var(--_accent);
    font-weight: 600;
  }
  ol li.done {
    color: var(--_success);
  }
  progress {
    width: 100%;
  }
  form {
    display: grid;
    gap: var(--_space);
    max-width: 48rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: var(--_space);
  }
  .field,
  label {
    display: grid;
    gap: 2px;
  }
  label.inline {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .row-group {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border-left: 3px solid var(--_border);
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .badge {
    border: 1px solid var(--_warning);
    color: var(--_warning);
    border-radius: 999px;
    padding: 0 8px;
  }
  [part='missing'] {
    border-left: 4px solid var(--_warning);
    padding-left: var(--_space);
  }
  [part='missing'] h4 {
    margin: 0;
  }
  .photos li.ok {
    color: var(--_success);
  }
  .done {
    color: var(--_success);
    font-weight: 600;
  }
`;
