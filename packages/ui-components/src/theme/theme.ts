import { css } from 'lit';

const darkTokens = css`
    --_surface: var(--rpma-color-surface, #16191d);
    --_text: var(--rpma-color-text, #e6edf3);
    --_muted: var(--rpma-color-muted, #9aa5b1);
    --_border: var(--rpma-color-border, #3d444d);
    --_accent: var(--rpma-color-accent, #6cb6ff);
    --_on-accent: var(--rpma-color-on-accent, #0d1117);
    --_danger: var(--rpma-color-danger, #ff8a80);
    --_warning: var(--rpma-color-warning, #e3b341);
    --_success: var(--rpma-color-success, #56d364);
    color-scheme: dark;
`;

/**
 * The design tokens every `rpma-` element reads. A host page themes the components by setting
 * the public `--rpma-*` custom properties on any ancestor (they inherit through shadow roots);
 * `theme="dark"` / `theme="light"` on an element or on `<rpma-engine-provider>` forces a scheme,
 * otherwise the user's `prefers-color-scheme` decides.
 *
 * | property                  | role                              |
 * | ------------------------- | --------------------------------- |
 * | `--rpma-font`             | font family                       |
 * | `--rpma-color-surface`    | background of panels and inputs   |
 * | `--rpma-color-text`       | body text                         |
 * | `--rpma-color-muted`      | secondary text                    |
 * | `--rpma-color-border`     | borders of inputs and cards       |
 * | `--rpma-color-accent`     | primary actions, focus ring       |
 * | `--rpma-color-on-accent`  | text on the accent colour         |
 * | `--rpma-color-danger`     | errors and refusals               |
 * | `--rpma-color-warning`    | warnings (low stock, overdue)     |
 * | `--rpma-color-success`    | completed states                  |
 * | `--rpma-radius`           | corner radius                     |
 * | `--rpma-space`            | base spacing unit                 |
 *
 * @example
 * ```css
 * rpma-task-list { --rpma-color-accent: #0b5cad; --rpma-radius: 2px; }
 * ```
 */
export const themeStyles = css`
  :host {
    --_font: var(--rpma-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_surface: var(--rpma-color-surface, #ffffff);
    --_text: var(--rpma-color-text, #1b1f24);
    --_muted: var(--rpma-color-muted, #59636e);
    --_border: var(--rpma-color-border, #c9d1d9);
    --_accent: var(--rpma-color-accent, #0a58ca);
    --_on-accent: var(--rpma-color-on-accent, #ffffff);
    --_danger: var(--rpma-color-danger, #b42318);
    --_warning: var(--rpma-color-warning, #8a5a00);
    --_success: var(--rpma-color-success, #1a7f37);
    --_radius: var(--rpma-radius, 6px);
    --_space: var(--rpma-space, 8px);
    color-scheme: light;
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  button {
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [role='alert'],
  .error {
    color: var(--_danger);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
