import { msg } from '@lit/localize';
import type { EngineError, EngineErrorCode } from '@rpma/engine';
import { html, nothing, type TemplateResult } from 'lit';

/**
 * A short, localised title for an error code (the engine's own message gives the detail).
 *
 * @example
 * ```ts
 * errorTitle('FORBIDDEN'); // 'Not allowed' (or 'Action non autorisée' in French)
 * ```
 */
export function errorTitle(code: EngineErrorCode): string {
  switch (code) {
    case 'VALIDATION':
      return msg('Please check the highlighted fields');
    case 'NOT_FOUND':
      return msg('Not found');
    case 'FORBIDDEN':
      return msg('Not allowed');
    case 'UNAUTHENTICATED':
      return msg('Please sign in again');
    case 'CONFLICT':
      return msg('Someone else changed this first');
    case 'INVALID_TRANSITION':
      return msg('This change is not possible now');
    case 'PRECONDITION':
      return msg('Something is missing');
    case 'STORAGE':
      return msg('Could not save');
    case 'LOCKED':
      return msg('Locked');
    case 'RATE_LIMITED':
      return msg('Too many attempts');
    default:
      return msg('Something went wrong');
  }
}

/** One validation problem as the engine reports it in `details.issues`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The validation issues of an error, by dotted path (`vehicle.vin`), so a form shows each one
 * next to its field. Empty for errors that are not about fields.
 *
 * @example
 * ```ts
 * fieldIssues(error).get('name'); // 'Too small: expected string to have >=1 characters'
 * ```
 */
export function fieldIssues(error: EngineError | undefined): Map<string, string> {
  const issues = new Map<string, string>();
  const raw = error?.details.issues;
  if (!Array.isArray(raw)) return issues;
  for (const issue of raw as FieldIssue[]) {
    if (typeof issue?.path === 'string' && !issues.has(issue.path)) issues.set(issue.path, issue.message);
  }
  return issues;
}

/**
 * Renders an error in words, as an ARIA alert with `part="error"`: the localised title and
 * the engine's message. Renders nothing without an error.
 *
 * @example
 * ```ts
 * html`<button @click=${this.save}>Save</button>${renderError(this.action.error)}`;
 * ```
 */
export function renderError(error: EngineError | undefined, id?: string): TemplateResult | typeof nothing {
  if (!error) return nothing;
  return html`<p role="alert" part="error" class="error" id=${id ?? nothing} data-code=${error.code}>
    <strong>${errorTitle(error.code)}.</strong> ${error.message}
  </p>`;
}
